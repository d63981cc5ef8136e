using System.Globalization;
using Lbbv.Reports.Model;

namespace Lbbv.Reports.Output;

/// <summary>The lines that say how a report was made: command, build, machine, settings.</summary>
public static class ReportHeader
{
    public static IReadOnlyList<string> Lines(BenchReport report)
    {
        var m = report.Machine;
        var s = report.Settings;
        var loops = report.Benchmarks.Where(b => b.Loops is not null).Select(b => $"{b.Name} {b.Loops}").ToList();
        string pyperformance = loops.Count == 0 ? ""
            : $"; pyperformance loops per value ({(s.Loops == 0 ? $"calibrated to {s.MinTimeSeconds} s under "
                + report.Baseline : "--loops")}): {string.Join(", ", loops)}";
        return
        [
            $"Command: `lbbv {string.Join(' ', report.Command)}`",
            $"Lbbv commit {report.Lbbv.Commit}, "
                + $"{report.CreatedUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC",
            $"Machine: {m.CpuModel}, {m.LogicalCores} logical cores, "
                + $"{(m.MemoryBytes / (1024.0 * 1024 * 1024)).ToString("F0", CultureInfo.InvariantCulture)} GiB; "
                + $"{m.Os}, kernel {m.Kernel}; {m.DotnetVersion}",
            $"{s.Runs} whole-process run(s) per engine; {s.Iterations} in-process iteration(s), "
                + $"{s.Warmup} of them warm-up{pyperformance}",
        ];
    }
}
