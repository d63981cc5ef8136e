using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Lbbv.Cli.Bench;

/// <summary>What one child process did: its status, output, wall time and CPU time (user + system).</summary>
public sealed record ChildResult(int ExitCode, string Stdout, string Stderr, double WallSeconds, double? CpuSeconds,
    string? Failure, int ProcessId = 0)
{
    public bool Succeeded => Failure is null && ExitCode == 0;

    /// <summary>Why the run failed, in one line: the start or time-out failure, or the status and the last
    /// line of stderr.</summary>
    public string Problem => Failure ?? $"exit status {ExitCode}: {LastLine(Stderr)}";

    private static string LastLine(string text) =>
        text.Split('\n').Select(l => l.TrimEnd('\r')).LastOrDefault(l => l.Trim().Length > 0)
            ?? "(no output on stderr)";
}

/// <summary>Runs one child process at a time, with a time limit, capturing its output as UTF-8. A child that
/// cannot start or runs out of time has a Failure (TimedOut tells which).</summary>
public static class ChildProcess
{
    public const string TimedOutPrefix = "timed out after";

    public static ChildResult Run(IReadOnlyList<string> command, string workingDirectory,
        IReadOnlyDictionary<string, string?> environment, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1)) info.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
            if (value is null) info.Environment.Remove(name);
            else info.Environment[name] = value;

        double? cpuBefore = ChildCpuTime.Total();
        var clock = Stopwatch.StartNew();
        Process process;
        try { process = Process.Start(info) ?? throw new Win32Exception("no process"); }
        catch (Win32Exception e)
        {
            return new ChildResult(-1, "", "", 0, null, $"cannot run '{command[0]}': {e.Message}");
        }
        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return new ChildResult(-1, stdout.Result, stderr.Result, clock.Elapsed.TotalSeconds, null,
                    TimedOutPrefix + $" {timeout.TotalSeconds:F0} s", process.Id);
            }
            process.WaitForExit();
            double wall = clock.Elapsed.TotalSeconds;
            double? cpuAfter = ChildCpuTime.Total();
            return new ChildResult(process.ExitCode, stdout.Result, stderr.Result, wall,
                cpuBefore is { } b && cpuAfter is { } a ? a - b : null, null, process.Id);
        }
    }
}
