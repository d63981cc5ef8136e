using Lbbv.Fuzz.Checking;

namespace Lbbv.Fuzz.Campaign;

/// <summary>A seed whose program diverged (or that the generator got wrong), with its shrunk repro
/// when shrinking succeeded.</summary>
public sealed record Finding(long Seed, Verdict Verdict, string Program, string? Shrunk, Verdict? ShrunkVerdict,
    int ShrinkTests)
{
    public BugClass Class => Verdict.Class;

    /// <summary>The known bug the shrunk repro shows (<see cref="KnownBugs"/>), or null for a new one.</summary>
    public string? Known => ShrunkVerdict is { } v ? KnownBugs.Match(v) : null;

    public string Summary
    {
        get
        {
            if (Verdict.GeneratorProblem != null) return $"seed {Seed}: generator problem: {Verdict.GeneratorProblem}";
            var d = Verdict.Primary!;
            string others = string.Join(", ", Verdict.Divergences.Select(x => x.Config));
            string bug = Class.ToString().ToLowerInvariant() + " bug";
            string known = Known is { } k ? $"known {bug} ({k})" : bug;
            return $"seed {Seed}: {known}, {d.Config} {d.Kind.ToString().ToLowerInvariant()}"
                + $" ({others} differ from {Verdict.Reference}): {d.Detail}";
        }
    }
}

/// <summary>The result of a fuzzing run.</summary>
public sealed record CampaignReport(int Programs, TimeSpan Elapsed, IReadOnlyList<Finding> Findings, string Reference,
    int WorkerRestarts, IReadOnlyDictionary<string, double> SecondsPerConfig)
{
    /// <summary>No finding but known bugs (<see cref="KnownBugs"/>).</summary>
    public bool Clean => Findings.All(f => f.Known != null);

    public string Describe(bool withPrograms = true)
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine($"{Programs} programs in {Elapsed.TotalSeconds:F1} s against {Reference}: "
            + (Findings.Count == 0 ? "no divergence"
                : $"{Findings.Count(f => f.Known == null)} new finding(s), "
                    + $"{Findings.Count(f => f.Known != null)} known")
            + (WorkerRestarts > 0 ? $" ({WorkerRestarts} worker restart(s))" : ""));
        sb.AppendLine("seconds per configuration (shrinking included): "
            + string.Join(", ", SecondsPerConfig.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value:F1}")));
        foreach (var f in Findings)
        {
            sb.AppendLine(f.Summary);
            if (withPrograms && f.Shrunk != null)
            {
                var shrunk = f.ShrunkVerdict?.Primary;
                string how = shrunk != null ? $" ({shrunk.Config}: {shrunk.Detail})" : "";
                sb.AppendLine($"  shrunk in {f.ShrinkTests} tests{how}:");
                foreach (var line in f.Shrunk.TrimEnd('\n').Split('\n')) sb.AppendLine("    " + line);
            }
        }
        return sb.ToString();
    }
}
