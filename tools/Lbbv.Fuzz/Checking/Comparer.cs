using Lbbv.Fuzz.Running;

namespace Lbbv.Fuzz.Checking;

/// <summary>Compares each configuration's outcome with the reference's as the program tests do
/// (stdout, exit status, last stderr line) and names the first differing line.</summary>
public static class Comparer
{
    public static Verdict Compare(IReadOnlyDictionary<string, Outcome> outcomes, string reference)
    {
        if (!outcomes.TryGetValue(reference, out var expected))
            return new Verdict(reference, null, [], $"no outcome from the reference {reference}");
        string? problem = expected switch
        {
            { Ending: not Ending.Finished } => $"the reference {reference} did not finish: {expected.Stderr}",
            { SyntaxError: true } => $"the reference {reference} reports {expected.StderrLastLine}",
            { NotSupported: true } => $"the reference reports {expected.StderrLastLine}",
            _ when expected.Stderr.Contains("SyntaxWarning", StringComparison.Ordinal) =>
                $"the reference warns: {expected.Stderr.Split('\n')[0]}",
            _ => null,
        };
        var divergences = new List<Divergence>();
        foreach (var (config, actual) in outcomes)
        {
            if (config == reference) continue;
            // A construct Lbbv names as unsupported is not a divergence, but the generator should
            // not have made it: reported as the generator's problem.
            if (actual is { Ending: Ending.Finished, NotSupported: true })
                problem ??= $"{config} reports {actual.StderrLastLine}";
            else if (Diverges(config, expected, actual) is { } divergence)
                divergences.Add(divergence);
        }
        return new Verdict(reference, expected, divergences, problem);
    }

    static Divergence? Diverges(string config, Outcome expected, Outcome actual)
    {
        if (actual.Ending == Ending.Hang) return new(config, DivergenceKind.Hang, actual.Stderr);
        if (actual.Ending == Ending.Crash) return new(config, DivergenceKind.Crash, actual.Stderr);
        if (actual.InternalError) return new(config, DivergenceKind.Crash, LastLines(actual.Stderr, 12));
        if (expected.Stdout != actual.Stdout)
        {
            var want = expected.Stdout.Split('\n');
            var got = actual.Stdout.Split('\n');
            int i = 0;
            while (i < want.Length && i < got.Length && want[i] == got[i]) i++;
            string? At(string[] lines) => i < lines.Length ? lines[i] : null;
            string Show(string? line) => line == null ? "(end of output)" : "\"" + line + "\"";
            return new(config, DivergenceKind.Output,
                $"stdout line {i + 1}: expected {Show(At(want))}, got {Show(At(got))}", At(want), At(got));
        }
        if (expected.StderrLastLine != actual.StderrLastLine)
            return new(config, DivergenceKind.Output,
                $"last stderr line: expected \"{expected.StderrLastLine}\", got \"{actual.StderrLastLine}\"");
        if (expected.ExitCode != actual.ExitCode)
            return new(config, DivergenceKind.Output,
                $"exit status: expected {expected.ExitCode}, got {actual.ExitCode}");
        return null;
    }

    static string LastLines(string text, int count) =>
        string.Join('\n', text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).TakeLast(count));
}
