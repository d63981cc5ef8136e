using Lbbv.Reports.Statistics;

namespace Lbbv.Reports.Analysis;

/// <summary>What the report concludes from its raw samples (report.json's `analysis`; recomputed on read).</summary>
public sealed record ReportAnalysis(IReadOnlyList<BenchmarkAnalysis> Benchmarks, IReadOnlyList<EngineSummary> Engines)
{
    public BenchmarkAnalysis? For(string benchmark) => Benchmarks.FirstOrDefault(b => b.Name == benchmark);
}

/// <summary>One benchmark; Included is false when it failed (left out of the means).</summary>
public sealed record BenchmarkAnalysis(string Name, bool Included, IReadOnlyList<EngineAnalysis> Engines)
{
    public EngineAnalysis? For(string engine) => Engines.FirstOrDefault(e => e.Engine == engine);
}

/// <summary>One engine on one benchmark. Wall, Cpu: median whole-process seconds (wall clock; user + system);
/// Speedup, CpuSpeedup: the baseline's median over this engine's; Steady: median of the iterations after
/// warm-up (seconds); TypeTestsEliminated: the share of dynamic type tests this engine does not execute
/// compared with `lbbv --max-versions=1` (0..1).</summary>
public sealed record EngineAnalysis(
    string Engine, Estimate? Wall, Estimate? Speedup, Verdict? SpeedupVerdict,
    Estimate? Cpu, Estimate? CpuSpeedup, Verdict? CpuSpeedupVerdict,
    double? FirstIteration, Estimate? Steady, Estimate? SteadySpeedup, Verdict? SteadyVerdict,
    double? TypeTestsEliminated);

/// <summary>One engine over the included benchmarks: geometric means of the speedups with their intervals,
/// and the means of the type tests eliminated.</summary>
public sealed record EngineSummary(
    string Engine, int Benchmarks, Estimate? GeomeanSpeedup, Verdict? SpeedupVerdict,
    Estimate? GeomeanCpuSpeedup, Verdict? CpuSpeedupVerdict,
    int SteadyBenchmarks, Estimate? GeomeanSteadySpeedup, Verdict? SteadyVerdict,
    double? GeomeanTypeTestsEliminated, double? MeanTypeTestsEliminated);
