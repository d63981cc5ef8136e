using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Lbbv.Reports.Model;

namespace Lbbv.Cli;

/// <summary>`lbbv run --repeat N`: runs the program N times in this process and times each run. Every run
/// starts from a fresh runtime and JIT state (as `lbbv compare` does), so later runs differ from the first by
/// the warm .NET code of the VM. Each run's wall time goes to the file named by LBBV_BENCH_TIMES (the `lbbv
/// bench` protocol, see bench/README.md) or, without it, to stderr. Stops at the first non-zero status.</summary>
public static class RepeatedRuns
{
    public static Option<int?> CreateOption() => new("--repeat")
    {
        Description = "Run the program N times in this process and report each run's time "
            + "(to $LBBV_BENCH_TIMES, else stderr).",
    };

    public static int Execute(int? repeat, string file, Func<int> runOnce, TextWriter stderr)
    {
        if (repeat is not { } count) return runOnce();
        string? timesPath = Environment.GetEnvironmentVariable(IterationTimesFile.PathVariable);
        string series = Path.GetFileNameWithoutExtension(file);
        int status = 0;
        for (int i = 1; i <= Math.Max(1, count) && status == 0; i++)
        {
            var clock = Stopwatch.StartNew();
            status = runOnce();
            double seconds = clock.Elapsed.TotalSeconds;
            if (timesPath is { Length: > 0 }) IterationTimesFile.Append(timesPath, series, seconds);
            else stderr.WriteLine(
                $"lbbv: run {i}: {(seconds * 1000).ToString("F1", CultureInfo.InvariantCulture)} ms");
        }
        return status;
    }
}
