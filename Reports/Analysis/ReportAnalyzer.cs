using Lbbv.Reports.Model;
using Lbbv.Reports.Statistics;

namespace Lbbv.Reports.Analysis;

/// <summary>Derives the report's conclusions from its raw samples: medians and intervals per benchmark and
/// engine, speedups over the baseline with verdicts, geometric means over the benchmarks that did not fail.</summary>
public static class ReportAnalyzer
{
    public static ReportAnalysis Analyze(BenchReport report)
    {
        var benchmarks = report.Benchmarks.Select(b => AnalyzeBenchmark(report, b)).ToList();
        var engines = report.Engines.Where(e => e.Available)
            .Select(e => Summarize(report, e.Name, benchmarks)).ToList();
        return new ReportAnalysis(benchmarks, engines);
    }

    /// <summary>The iterations that count as steady state: those after the warm-up ones (all of them when
    /// there are no more than the warm-up).</summary>
    public static IReadOnlyList<double> SteadyIterations(IterationSamples iterations, int warmup) =>
        iterations.Seconds.Count > warmup ? iterations.Seconds.Skip(warmup).ToList() : iterations.Seconds;

    private static BenchmarkAnalysis AnalyzeBenchmark(BenchReport report, BenchmarkResult benchmark)
    {
        var baseline = benchmark.For(report.Baseline);
        var engines = benchmark.Results.Select(r => AnalyzeEngine(report, benchmark, r, baseline)).ToList();
        return new BenchmarkAnalysis(benchmark.Name, !benchmark.Failed, engines);
    }

    private static EngineAnalysis AnalyzeEngine(BenchReport report, BenchmarkResult benchmark, EngineResult result,
        EngineResult? baseline)
    {
        bool compared = result.Engine != report.Baseline && baseline != null;
        var wall = Measure(result.Process.WallSeconds, compared ? baseline!.Process.WallSeconds : []);
        var cpu = Measure(result.Process.CpuSeconds, compared ? baseline!.Process.CpuSeconds : []);
        var steady = Measure(SteadySamples(result, report), compared ? SteadySamples(baseline!, report) : []);
        return new EngineAnalysis(result.Engine, wall.Median, wall.Speedup, wall.Verdict,
            cpu.Median, cpu.Speedup, cpu.Verdict,
            result.Iterations is { Seconds.Count: > 0 } first ? first.Seconds[0] : null,
            steady.Median, steady.Speedup, steady.Verdict,
            TypeTestsEliminated(result.Counters, benchmark.ReferenceCounters));
    }

    /// <summary>One measure of one engine: its median, and its speedup over the baseline's samples (none for
    /// the baseline itself, or when either side has no sample).</summary>
    private static (Estimate? Median, Estimate? Speedup, Verdict? Verdict) Measure(
        IReadOnlyList<double> samples, IReadOnlyList<double> baseline)
    {
        if (samples.Count == 0) return (null, null, null);
        var median = Bootstrap.OfMedian(samples);
        if (baseline.Count == 0) return (median, null, null);
        var speedup = Bootstrap.OfRatio(baseline, samples);
        return (median, speedup, Verdicts.OfSpeedup(speedup, baseline.Count, samples.Count));
    }

    /// <summary>An engine's steady-state iteration times (none without iterations).</summary>
    public static IReadOnlyList<double> SteadySamples(EngineResult result, BenchReport report) =>
        result.Iterations is { Seconds.Count: > 0 } it ? SteadyIterations(it, report.Settings.Warmup) : [];

    /// <summary>1 - tests(engine) / tests(lbbv --max-versions=1): the ECOOP 2015 measure of versioning.</summary>
    public static double? TypeTestsEliminated(IReadOnlyDictionary<string, double>? counters,
        IReadOnlyDictionary<string, double>? reference)
    {
        if (counters is null || reference is null) return null;
        double? tests = CounterKeys.TypeTestsExecuted(counters);
        double? generic = CounterKeys.TypeTestsExecuted(reference);
        if (tests is null || generic is not > 0) return null;
        return 1.0 - tests.Value / generic.Value;
    }

    private static EngineSummary Summarize(BenchReport report, string engine, IReadOnlyList<BenchmarkAnalysis> analyses)
    {
        var included = report.Benchmarks.Where(b => !b.Failed).ToList();
        var wallPairs = Pairs(included, report.Baseline, engine, r => r.Process.WallSeconds);
        var cpuPairs = Pairs(included, report.Baseline, engine, r => r.Process.CpuSeconds);
        var steadyPairs = Pairs(included, report.Baseline, engine, r => SteadySamples(r, report));
        var eliminated = included.Select(b => analyses.First(a => a.Name == b.Name).For(engine)?.TypeTestsEliminated)
            .OfType<double>().ToList();
        return new EngineSummary(engine,
            wallPairs.Count, Geomean(wallPairs), GeomeanVerdict(wallPairs), Geomean(cpuPairs), GeomeanVerdict(cpuPairs),
            steadyPairs.Count, Geomean(steadyPairs), GeomeanVerdict(steadyPairs),
            eliminated.Count > 0 && eliminated.All(e => e > 0) ? Bootstrap.GeometricMean(eliminated) : null,
            eliminated.Count > 0 ? eliminated.Average() : null);
    }

    /// <summary>(baseline samples, engine samples) of every benchmark where both have some; empty for the
    /// baseline itself.</summary>
    private static List<(IReadOnlyList<double> Numerator, IReadOnlyList<double> Denominator)> Pairs(
        IEnumerable<BenchmarkResult> benchmarks, string baseline, string engine,
        Func<EngineResult, IReadOnlyList<double>> samples)
    {
        var pairs = new List<(IReadOnlyList<double>, IReadOnlyList<double>)>();
        if (engine == baseline) return pairs;
        foreach (var b in benchmarks)
            if (b.For(baseline) is { } bs && b.For(engine) is { } es && samples(bs).Count > 0 && samples(es).Count > 0)
                pairs.Add((samples(bs), samples(es)));
        return pairs;
    }

    internal static Estimate? Geomean(
        List<(IReadOnlyList<double> Numerator, IReadOnlyList<double> Denominator)> pairs) =>
        pairs.Count == 0 ? null : Bootstrap.OfGeometricMeanOfRatios(pairs);

    internal static Verdict? GeomeanVerdict(
        List<(IReadOnlyList<double> Numerator, IReadOnlyList<double> Denominator)> pairs)
    {
        if (pairs.Count == 0) return null;
        int fewest = pairs.Min(p => Math.Min(p.Numerator.Count, p.Denominator.Count));
        return Verdicts.OfSpeedup(Geomean(pairs)!, fewest, fewest);
    }
}
