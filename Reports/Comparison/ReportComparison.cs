using Lbbv.Reports.Analysis;
using Lbbv.Reports.Model;
using Lbbv.Reports.Output;
using Lbbv.Reports.Statistics;

namespace Lbbv.Reports.Comparison;

/// <summary>`lbbv bench compare OLD.json NEW.json`: per benchmark and engine that both reports measured, the
/// speedup of NEW over OLD (OLD median / NEW median, above 1 = NEW is faster) with its 95% bootstrap interval
/// and verdict, for whole-process wall and CPU time and steady state, and each engine's geometric mean. Benchmarks that
/// failed in either report are left out.</summary>
public static class ReportComparison
{
    public static Table Compare(BenchReport old, BenchReport @new)
    {
        var engines = old.Engines.Where(e => e.Available).Select(e => e.Name)
            .Intersect(@new.Engines.Where(e => e.Available).Select(e => e.Name)).ToList();
        var benchmarks = old.Benchmarks.Where(b => !b.Failed)
            .Select(b => (Old: b, New: @new.Benchmarks.FirstOrDefault(n => n.Name == b.Name && n.Suite == b.Suite)))
            .Where(p => p.New is { Failed: false }).Select(p => (p.Old, New: p.New!)).ToList();
        var rows = new List<TableRow>();
        foreach (var engine in engines)
        {
            var wallPairs = new List<(IReadOnlyList<double>, IReadOnlyList<double>)>();
            var cpuPairs = new List<(IReadOnlyList<double>, IReadOnlyList<double>)>();
            var steadyPairs = new List<(IReadOnlyList<double>, IReadOnlyList<double>)>();
            foreach (var (o, n) in benchmarks)
            {
                if (o.For(engine) is not { } or || n.For(engine) is not { } nr) continue;
                var wall = Side(or.Process.WallSeconds, nr.Process.WallSeconds, wallPairs);
                var cpu = Side(or.Process.CpuSeconds, nr.Process.CpuSeconds, cpuPairs);
                var steady = Side(Steady(or, old), Steady(nr, @new), steadyPairs);
                if (wall is null && steady is null) continue;
                rows.Add(new TableRow([o.Name, engine,
                    Format.Seconds(Median(or.Process.WallSeconds)), Format.Seconds(Median(nr.Process.WallSeconds)),
                    Format.Speedup(wall?.Speedup, wall?.Verdict), Format.Speedup(cpu?.Speedup, cpu?.Verdict),
                    Format.Milliseconds(Median(Steady(or, old))), Format.Milliseconds(Median(Steady(nr, @new))),
                    Format.Speedup(steady?.Speedup, steady?.Verdict)]));
            }
            rows.Add(new TableRow(["geometric mean", engine, "", "",
                Format.Speedup(ReportAnalyzer.Geomean(wallPairs), ReportAnalyzer.GeomeanVerdict(wallPairs)),
                Format.Speedup(ReportAnalyzer.Geomean(cpuPairs), ReportAnalyzer.GeomeanVerdict(cpuPairs)), "", "",
                Format.Speedup(ReportAnalyzer.Geomean(steadyPairs), ReportAnalyzer.GeomeanVerdict(steadyPairs))],
                Summary: true));
        }
        return new Table("Comparison",
            "Speedup of NEW over OLD = OLD median / NEW median (above 1: NEW is faster) [95% bootstrap interval]; "
            + "a verdict needs its interval to exclude 1 and at least 3 samples per side. Benchmarks that failed "
            + "in either report are left out.",
            ["benchmark", "engine", "old s", "new s", "speedup", "cpu speedup", "old steady ms", "new steady ms",
                "steady speedup"],
            rows, TextColumns: 2);
    }

    private static (Estimate Speedup, Verdict Verdict)? Side(IReadOnlyList<double> old, IReadOnlyList<double> @new,
        List<(IReadOnlyList<double>, IReadOnlyList<double>)> pairs)
    {
        if (old.Count == 0 || @new.Count == 0) return null;
        pairs.Add((old, @new));
        var speedup = Bootstrap.OfRatio(old, @new);
        return (speedup, Verdicts.OfSpeedup(speedup, old.Count, @new.Count));
    }

    private static IReadOnlyList<double> Steady(EngineResult result, BenchReport report) =>
        ReportAnalyzer.SteadySamples(result, report);

    private static Estimate? Median(IReadOnlyList<double> samples) =>
        samples.Count == 0 ? null : Bootstrap.OfMedian(samples);
}
