using System.Text.Json.Serialization;
using Lbbv.Reports.Analysis;

namespace Lbbv.Reports.Model;

/// <summary>Everything one `lbbv bench` invocation measured (report.json; schema: bench/report.schema.json).
/// Raw samples only; <see cref="Analysis"/> is derived from them and recomputed when a report is read.</summary>
public sealed record BenchReport
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required DateTimeOffset CreatedUtc { get; init; }
    /// <summary>The arguments of the `lbbv` command that produced the report.</summary>
    public required IReadOnlyList<string> Command { get; init; }
    public required MachineInfo Machine { get; init; }
    public required LbbvBuild Lbbv { get; init; }
    public required BenchSettings Settings { get; init; }
    /// <summary>The engine every speedup is relative to (`off` when it was measured).</summary>
    public required string Baseline { get; init; }
    public required IReadOnlyList<EngineInfo> Engines { get; init; }
    public required IReadOnlyList<BenchmarkResult> Benchmarks { get; init; }
    public ReportAnalysis? Analysis { get; init; }
}

public sealed record MachineInfo(
    string HostName, string CpuModel, int LogicalCores, long MemoryBytes, string Os, string Kernel,
    string Architecture, string DotnetVersion);

/// <summary>The Lbbv build that ran: its git commit (from the assembly's informational version).</summary>
public sealed record LbbvBuild(string Commit, string InformationalVersion, IReadOnlyList<string> Executable);

/// <summary>What `lbbv bench` was asked for. Loops: pyperformance benchmarks' loops per value (0: calibrated per
/// benchmark so that one value lasts at least MinTimeSeconds under the baseline engine).</summary>
public sealed record BenchSettings(
    int Runs, int Warmup, int Iterations, double TimeoutSeconds, IReadOnlyList<string> Paths, int Loops = 0,
    double MinTimeSeconds = 0.1);

public static class EngineKinds
{
    public const string Lbbv = "lbbv";
    public const string External = "external";
}

/// <summary>An engine as the command line named it: an Lbbv engine with its `run` options
/// (`lbbv:--max-versions=1`), or an external interpreter (`cpython`, `pypy`).</summary>
public sealed record EngineInfo(
    string Name, string Kind, IReadOnlyList<string> Command, IReadOnlyList<string> Options, string Version,
    bool Available, string? UnavailableReason);

public static class BenchmarkKinds
{
    public const string Program = "program";
    public const string Pyperformance = "pyperformance";
}

public static class Statuses
{
    public const string Ok = "ok";
    public const string Failed = "failed";
    public const string Unavailable = "unavailable";
}

/// <summary>One benchmark under every engine. Status `failed` (an engine crashed, or printed something
/// else than the baseline) leaves the benchmark out of every mean. Loops: a pyperformance benchmark's loops
/// per value, the same for every engine (null for a program).</summary>
public sealed record BenchmarkResult(
    string Name, string Suite, string Kind, string Path, string Status, string? Failure,
    IReadOnlyList<EngineResult> Results,
    IReadOnlyDictionary<string, double>? ReferenceCounters, int? Loops = null)
{
    [JsonIgnore] public bool Failed => Status == Statuses.Failed;

    public EngineResult? For(string engine) => Results.FirstOrDefault(r => r.Engine == engine);
}

/// <summary>One engine on one benchmark: whole-process samples, in-process iteration times and the
/// engine's counters (`lbbv run --stats-json`, any keys).</summary>
public sealed record EngineResult(
    string Engine, string Status, string? Error, ProcessSamples Process, IterationSamples? Iterations,
    IReadOnlyDictionary<string, double>? Counters);

/// <summary>Whole-process runs, in seconds: wall time and the child's user + system CPU time.</summary>
public sealed record ProcessSamples(IReadOnlyList<double> WallSeconds, IReadOnlyList<double> CpuSeconds);

/// <summary>In-process iterations of one process, in seconds, in the order they ran.</summary>
public sealed record IterationSamples(string Series, IReadOnlyList<double> Seconds);
