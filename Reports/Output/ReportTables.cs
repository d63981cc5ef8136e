using Lbbv.Reports.Analysis;
using Lbbv.Reports.Model;
using Lbbv.Reports.Statistics;

namespace Lbbv.Reports.Output;

/// <summary>The tables of a report, shared by report.md and report.html.</summary>
public static class ReportTables
{
    public const string Failed = "FAILED";

    public static Table Engines(BenchReport report) => new("Engines",
        $"Speedups are relative to `{report.Baseline}`. An engine that is not available was left out.",
        ["engine", "command", "version", "status"],
        report.Engines.Select(e => new TableRow([e.Name, string.Join(' ', e.Command), e.Version,
            e.Available ? "measured" : "not available: " + e.UnavailableReason])).ToList(), TextColumns: 4);

    /// <summary>A whole-process measure: wall-clock time, or the child's user + system CPU time.</summary>
    public sealed record ProcessMeasure(string Title, string What, Func<EngineAnalysis, Estimate?> Median,
        Func<EngineAnalysis, Estimate?> Speedup, Func<EngineAnalysis, Verdict?> Verdict,
        Func<EngineSummary, Estimate?> Geomean, Func<EngineSummary, Verdict?> GeomeanVerdict,
        Func<EngineResult, IReadOnlyList<double>> Samples);

    public static readonly ProcessMeasure WallTime = new("Whole-process time", "wall seconds",
        a => a.Wall, a => a.Speedup, a => a.SpeedupVerdict, s => s.GeomeanSpeedup, s => s.SpeedupVerdict,
        r => r.Process.WallSeconds);

    public static readonly ProcessMeasure CpuTime = new("Whole-process CPU time", "CPU seconds (user + system)",
        a => a.Cpu, a => a.CpuSpeedup, a => a.CpuSpeedupVerdict, s => s.GeomeanCpuSpeedup, s => s.CpuSpeedupVerdict,
        r => r.Process.CpuSeconds);

    /// <summary>Whole-process time per engine, then each engine's speedup over the baseline.</summary>
    public static Table WholeProcess(BenchReport report, ReportAnalysis analysis, ProcessMeasure measure)
    {
        var engines = MeasuredEngines(report, r => measure.Samples(r).Count > 0);
        var compared = engines.Where(e => e != report.Baseline).ToList();
        var headers = new List<string> { "benchmark" };
        headers.AddRange(engines.Select(e => $"{e} s"));
        headers.AddRange(compared.Select(e => $"{e} speedup"));
        var rows = new List<TableRow>();
        foreach (var b in report.Benchmarks)
        {
            var a = analysis.For(b.Name)!;
            var cells = new List<string> { RowName(b) };
            cells.AddRange(engines.Select(e => Cell(b, e, () => Format.Seconds(Get(a, e, measure.Median)))));
            cells.AddRange(compared.Select(e => Cell(b, e,
                () => Format.Speedup(Get(a, e, measure.Speedup), a.For(e) is { } x ? measure.Verdict(x) : null))));
            rows.Add(new TableRow(cells));
        }
        var mean = new List<string> { "geometric mean" };
        mean.AddRange(engines.Select(_ => ""));
        mean.AddRange(compared.Select(e => Summary(analysis, e) is { } s
            ? Format.Speedup(measure.Geomean(s), measure.GeomeanVerdict(s)) : "-"));
        rows.Add(new TableRow(mean, Summary: true));
        return new Table(measure.Title,
            $"Median {measure.What} of {report.Settings.Runs} run(s) per engine, each a whole process "
            + "(start-up included), runs interleaved across engines; [95% bootstrap interval]. Speedup = baseline "
            + "median / engine median; a verdict needs its interval to exclude 1 and at least 3 runs per side.",
            headers, rows);
    }

    private static Estimate? Get(BenchmarkAnalysis a, string engine, Func<EngineAnalysis, Estimate?> read) =>
        a.For(engine) is { } e ? read(e) : null;

    /// <summary>In-process iterations: first iteration, steady state and the steady-state speedup.</summary>
    public static Table? InProcess(BenchReport report, ReportAnalysis analysis)
    {
        var engines = MeasuredEngines(report, r => r.Iterations is { Seconds.Count: > 0 });
        if (engines.Count == 0) return null;
        var compared = engines.Where(e => e != report.Baseline && HasIterations(report, report.Baseline)).ToList();
        var headers = new List<string> { "benchmark" };
        foreach (var e in engines) headers.AddRange([$"{e} first ms", $"{e} steady ms"]);
        headers.AddRange(compared.Select(e => $"{e} steady speedup"));
        var rows = new List<TableRow>();
        foreach (var b in report.Benchmarks)
        {
            var a = analysis.For(b.Name)!;
            var cells = new List<string> { RowName(b) };
            foreach (var e in engines)
            {
                cells.Add(Cell(b, e, () => Format.Milliseconds(a.For(e)?.FirstIteration)));
                cells.Add(Cell(b, e, () => Format.Milliseconds(a.For(e)?.Steady)));
            }
            cells.AddRange(compared.Select(e => Cell(b, e,
                () => Format.Speedup(a.For(e)?.SteadySpeedup, a.For(e)?.SteadyVerdict))));
            rows.Add(new TableRow(cells));
        }
        var mean = new List<string> { "geometric mean" };
        foreach (var _ in engines) mean.AddRange(["", ""]);
        mean.AddRange(compared.Select(e => Summary(analysis, e) is { } s
            ? Format.Speedup(s.GeomeanSteadySpeedup, s.SteadyVerdict) : "-"));
        rows.Add(new TableRow(mean, Summary: true));
        var s = report.Settings;
        return new Table("In-process iterations",
            $"{s.Iterations} iterations in one process per engine; first = the first iteration; steady = median of "
            + $"the iterations after the first {s.Warmup} (warm-up) [95% bootstrap interval]. A plain program is run "
            + "again from scratch each iteration (fresh runtime and JIT state, warm .NET code); a pyperformance "
            + "benchmark reports its own loop times.",
            headers, rows);
    }

    /// <summary>One table per engine whose counters have any highlighted key (the JIT engines).</summary>
    public static IEnumerable<Table> Counters(BenchReport report, ReportAnalysis analysis)
    {
        foreach (var engine in report.Engines.Where(e => e.Available).Select(e => e.Name))
        {
            var all = report.Benchmarks.Select(b => b.For(engine)?.Counters)
                .OfType<IReadOnlyDictionary<string, double>>().ToList();
            var columns = CounterKeys.Highlighted.Where(c => all.Any(k => c.Read(k) is not null)).ToList();
            if (columns.Count == 0) continue;
            var headers = new List<string> { "benchmark" };
            headers.AddRange(columns.Select(c => c.Title));
            headers.Add("type tests eliminated");
            var rows = new List<TableRow>();
            foreach (var b in report.Benchmarks)
            {
                var counters = b.For(engine)?.Counters;
                var cells = new List<string> { RowName(b) };
                cells.AddRange(columns.Select(c => counters is null ? "-" : Format.Number(c.Read(counters), c.Format)));
                cells.Add(Format.Percent(analysis.For(b.Name)?.For(engine)?.TypeTestsEliminated));
                rows.Add(new TableRow(cells));
            }
            var summary = Summary(analysis, engine);
            var mean = new List<string> { "geometric mean" };
            mean.AddRange(columns.Select(_ => ""));
            mean.Add($"{Format.Percent(summary?.GeomeanTypeTestsEliminated)} "
                + $"(arithmetic {Format.Percent(summary?.MeanTypeTestsEliminated)})");
            rows.Add(new TableRow(mean, Summary: true));
            yield return new Table($"Counters: {engine}",
                "From one extra process per benchmark with `--stats-json` (counting changes the machine code, so "
                + "timed runs do not count). Type tests eliminated = 1 - type tests / type tests of "
                + "`lbbv --max-versions=1`. Every key is in report.json.",
                headers, rows);
        }
    }

    public static Table? Failures(BenchReport report)
    {
        var rows = report.Benchmarks.Where(b => b.Failed)
            .SelectMany(b => b.Results.Where(r => r.Status == Statuses.Failed)
                .Select(r => new TableRow([b.Name, r.Engine, r.Error ?? ""]))
                .DefaultIfEmpty(new TableRow([b.Name, "", b.Failure ?? ""])))
            .ToList();
        return rows.Count == 0 ? null : new Table("Failures",
            "A FAILED benchmark is left out of every mean.", ["benchmark", "engine", "error"], rows, TextColumns: 3);
    }

    private static string RowName(BenchmarkResult b) => b.Failed ? $"{b.Name} ({Failed})" : b.Name;

    private static string Cell(BenchmarkResult b, string engine, Func<string> value)
    {
        var r = b.For(engine);
        return r is null ? "-" : r.Status switch
        {
            Statuses.Failed => Failed,
            Statuses.Unavailable => "n/a",
            _ => value(),
        };
    }

    private static EngineSummary? Summary(ReportAnalysis analysis, string engine) =>
        analysis.Engines.FirstOrDefault(s => s.Engine == engine);

    private static bool HasIterations(BenchReport report, string engine) =>
        report.Benchmarks.Any(b => b.For(engine)?.Iterations is { Seconds.Count: > 0 });

    private static List<string> MeasuredEngines(BenchReport report, Func<EngineResult, bool> measured) =>
        report.Engines.Where(e => e.Available && report.Benchmarks.Any(b => b.For(e.Name) is { } r && measured(r)))
            .Select(e => e.Name).ToList();
}
