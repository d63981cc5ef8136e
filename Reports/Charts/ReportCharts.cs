using System.Text.RegularExpressions;
using Lbbv.Reports.Analysis;
using Lbbv.Reports.Model;
using Lbbv.Reports.Statistics;

namespace Lbbv.Reports.Charts;

/// <summary>The charts of a report: speedups over the baseline (whole process and steady state) with their
/// intervals, one warm-up curve per benchmark, the versions-per-block histogram and the type tests
/// eliminated. A chart with nothing to show is left out.</summary>
public static partial class ReportCharts
{
    public static IReadOnlyList<Chart> Draw(BenchReport report, ReportAnalysis analysis)
    {
        var charts = new List<Chart>();
        var included = report.Benchmarks.Where(b => !b.Failed).Select(b => analysis.For(b.Name)!).ToList();
        var engines = report.Engines.Where(e => e.Available).Select(e => e.Name).ToList();
        var compared = engines.Where(e => e != report.Baseline).ToList();

        AddSpeedups(charts, "speedup-process.png", $"Speedup over {report.Baseline}, whole process",
            included, compared, e => e.Speedup);
        AddSpeedups(charts, "speedup-steady.png", $"Speedup over {report.Baseline}, steady state (in process)",
            included, compared, e => e.SteadySpeedup);
        foreach (var b in report.Benchmarks)
        {
            var lines = b.Results.Where(r => r.Iterations is { Seconds.Count: > 0 })
                .Select(r => (r.Engine, (IReadOnlyList<double>)r.Iterations!.Seconds.Select(s => s * 1000).ToList()))
                .ToList();
            if (lines.Count > 0)
                charts.Add(new Chart($"warmup-{FileSafe(b.Name)}.png", $"Warm-up: {b.Name}",
                    ChartDrawing.Lines($"Warm-up: {b.Name}", "iteration", "ms", lines)));
        }
        AddVersionHistogram(charts, report, engines);
        AddEliminated(charts, included, engines);
        return charts;
    }

    private static void AddSpeedups(List<Chart> charts, string file, string title, List<BenchmarkAnalysis> benchmarks,
        List<string> engines, Func<EngineAnalysis, Estimate?> speedup)
    {
        var series = engines.Select(e => new Series(e, benchmarks
                .Select(b => b.For(e) is { } a && speedup(a) is { } s
                    ? new BarValue(s.Value, s.Low, s.High) : (BarValue?)null)
                .ToList()))
            .Where(s => s.Values.Any(v => v != null)).ToList();
        if (series.Count == 0) return;
        charts.Add(new Chart(file, title, ChartDrawing.GroupedBars(title, "speedup (x)",
            benchmarks.Select(b => b.Name).ToList(), series, referenceLine: 1.0)));
    }

    /// <summary>Blocks by number of versions, summed over the benchmarks, per engine that counts them.</summary>
    private static void AddVersionHistogram(List<Chart> charts, BenchReport report, List<string> engines)
    {
        var perEngine = engines.Select(e => (Engine: e, Bins: report.Benchmarks.Where(b => !b.Failed)
                .Select(b => b.For(e)?.Counters).OfType<IReadOnlyDictionary<string, double>>()
                .SelectMany(CounterKeys.VersionHistogram)
                .GroupBy(h => (h.Versions, h.Label)).ToDictionary(g => g.Key.Label, g => g.Sum(h => h.Blocks))))
            .Where(e => e.Bins.Count > 0).ToList();
        if (perEngine.Count == 0) return;
        var labels = perEngine.SelectMany(e => e.Bins.Keys).Distinct()
            .OrderBy(l => int.Parse(l.TrimEnd('+'))).ThenBy(l => l.EndsWith('+')).ToList();
        var series = perEngine.Select(e => new Series(e.Engine,
            labels.Select(l => e.Bins.TryGetValue(l, out var n) ? new BarValue(n) : (BarValue?)null).ToList()))
            .ToList();
        const string title = "Blocks by number of versions (all benchmarks)";
        charts.Add(new Chart("versions-per-block.png", title,
            ChartDrawing.GroupedBars(title, "blocks", labels.Select(l => l + " versions").ToList(), series, null)));
    }

    private static void AddEliminated(List<Chart> charts, List<BenchmarkAnalysis> benchmarks, List<string> engines)
    {
        var series = engines.Select(e => new Series(e, benchmarks
                .Select(b => b.For(e)?.TypeTestsEliminated is { } x ? new BarValue(x * 100) : (BarValue?)null)
                .ToList()))
            .Where(s => s.Values.Any(v => v != null)).ToList();
        if (series.Count == 0) return;
        const string title = "Type tests eliminated (vs lbbv --max-versions=1)";
        charts.Add(new Chart("type-tests-eliminated.png", title, ChartDrawing.GroupedBars(title, "% eliminated",
            benchmarks.Select(b => b.Name).ToList(), series, null)));
    }

    private static string FileSafe(string name) => UnsafeCharacters().Replace(name, "_");

    [GeneratedRegex("[^A-Za-z0-9_.-]")]
    private static partial Regex UnsafeCharacters();
}
