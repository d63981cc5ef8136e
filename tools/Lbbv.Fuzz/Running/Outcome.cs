namespace Lbbv.Fuzz.Running;

/// <summary>How a run ended: it finished (with whatever status), the watchdog stopped it, or the
/// process running it died.</summary>
public enum Ending { Finished, Hang, Crash }

/// <summary>What one engine configuration (or CPython) did with a program, and how long it took.</summary>
public sealed record Outcome(string Stdout, string Stderr, int ExitCode, Ending Ending = Ending.Finished)
{
    public double Milliseconds { get; init; }

    /// <summary>The last non-empty stderr line: the exception of an uncaught error, as the program
    /// tests compare it.</summary>
    public string StderrLastLine =>
        Stderr.Split('\n').Select(l => l.TrimEnd('\r')).LastOrDefault(l => l.Trim().Length > 0) ?? "";

    /// <summary>A .NET exception escaped into the output: an internal error report or a stack trace.</summary>
    public bool InternalError => Stderr.Contains("lbbv: internal error", StringComparison.Ordinal)
        || Stderr.Contains("   at ", StringComparison.Ordinal);

    public bool NotSupported => ExitCode == 2 && Stderr.Contains("NotSupportedError", StringComparison.Ordinal);

    public bool SyntaxError => ExitCode == 1
        && (StderrLastLine.StartsWith("SyntaxError", StringComparison.Ordinal)
            || StderrLastLine.StartsWith("IndentationError", StringComparison.Ordinal));

    public static Outcome Stopped(Ending ending, string detail) => new("", detail, -1, ending);
}
