using System.Globalization;
using System.Text.Json;
using Lbbv.Reports.Model;

namespace Lbbv.Cli.Bench;

/// <summary>The measurement plan of `lbbv bench`, in three phases:
/// 1. check: every engine runs every benchmark once (Lbbv engines with --stats-json, which gives the counters);
///    outputs are compared with the reference engine's, and a failing engine fails its benchmark;
/// 2. whole process: --runs rounds, each running every benchmark under every engine (A B C A B C ...);
/// 3. in process: one process per benchmark and Lbbv engine running --iterations iterations.
/// A failed benchmark is not measured further.</summary>
public sealed class BenchRunner(
    IReadOnlyList<string> lbbv, BenchSettings settings, string scratch, IBenchProgress progress)
{
    private TimeSpan Timeout => TimeSpan.FromSeconds(settings.TimeoutSeconds);

    /// <summary>Steps the plan can take at most (for the progress display).</summary>
    public static int StepCount(IReadOnlyList<BenchmarkSpec> benchmarks, IReadOnlyList<ProbedEngine> engines,
        BenchSettings s)
    {
        var available = engines.Where(e => e.Available).ToList();
        int reference = available.Any(e => e.Spec.IsJit) && !available.Any(e => IsReference(e.Spec)) ? 1 : 0;
        int inProcess = available.Count(e => e.Spec.IsLbbv);
        return benchmarks.Count * (available.Count + reference + s.Runs * available.Count + inProcess);
    }

    public List<BenchmarkResult> Run(IReadOnlyList<BenchmarkSpec> benchmarks, IReadOnlyList<ProbedEngine> engines,
        string baseline)
    {
        var available = engines.Where(e => e.Available).OrderBy(e => e.Spec.Name == baseline ? 0 : 1).ToList();
        var cells = benchmarks.Select(b => available.Select(e => new BenchCell(e)).ToList()).ToList();
        var references = new IReadOnlyDictionary<string, double>?[benchmarks.Count];

        for (int i = 0; i < benchmarks.Count; i++)
        {
            foreach (var cell in cells[i]) Check(benchmarks[i], cell, cells[i][0]);
            references[i] = ReferenceCounters(benchmarks[i], cells[i]);
        }
        for (int run = 1; run <= settings.Runs; run++)
            for (int i = 0; i < benchmarks.Count; i++)
                foreach (var cell in cells[i])
                    Step(cells[i], () => TimedRun(benchmarks[i], cell, cells[i][0], run));
        for (int i = 0; i < benchmarks.Count; i++)
            foreach (var cell in cells[i].Where(c => c.Engine.Spec.IsLbbv))
                Step(cells[i], () => InProcess(benchmarks[i], cell, cells[i][0]));

        return benchmarks.Select((b, i) => Result(b, cells[i], references[i])).ToList();
    }

    /// <summary>Runs one step of a benchmark unless it has failed or the engine cannot run it.</summary>
    private void Step(List<BenchCell> cells, Action step)
    {
        if (cells.Any(c => c.Status == Statuses.Failed)) { progress.Skip(); return; }
        step();
    }

    private void Check(BenchmarkSpec benchmark, BenchCell cell, BenchCell reference)
    {
        var spec = cell.Engine.Spec;
        if (benchmark.IsPyperformance && cell.Engine.PyperfMissing is { } missing)
        {
            cell.MarkUnavailable(missing);
            progress.Skip();
            return;
        }
        progress.Begin($"check {benchmark.Name} under {spec.Name}");
        string stats = Path.Combine(scratch, "stats.json");
        File.Delete(stats);
        var result = spec.IsLbbv ? Lbbv(benchmark, spec, ["--stats-json", stats], 1) : External(benchmark, spec);
        if (!Accept(benchmark, cell, reference, result, expected: null)) return;
        if (spec.IsLbbv) cell.Counters = ReadCounters(stats);
        progress.End($"{result.WallSeconds:F3} s, output {(cell == reference ? "recorded" : "identical")}");
    }

    private void TimedRun(BenchmarkSpec benchmark, BenchCell cell, BenchCell reference, int run)
    {
        if (!cell.Ok) { progress.Skip(); return; }
        var spec = cell.Engine.Spec;
        progress.Begin($"run {run}/{settings.Runs} {benchmark.Name} under {spec.Name}");
        var result = spec.IsLbbv ? Lbbv(benchmark, spec, [], 1) : External(benchmark, spec);
        if (!Accept(benchmark, cell, reference, result, cell.Output)) return;
        cell.Wall.Add(result.WallSeconds);
        if (result.CpuSeconds is { } cpu) cell.Cpu.Add(cpu);
        progress.End($"{result.WallSeconds:F3} s");
    }

    private void InProcess(BenchmarkSpec benchmark, BenchCell cell, BenchCell reference)
    {
        if (!cell.Ok) { progress.Skip(); return; }
        var spec = cell.Engine.Spec;
        progress.Begin($"{settings.Iterations} iterations of {benchmark.Name} under {spec.Name} in one process");
        string? expected = benchmark.IsPyperformance
            ? cell.Output
            : string.Concat(Enumerable.Repeat(cell.Output, settings.Iterations));
        string[] repeat = benchmark.IsPyperformance
            ? [] : ["--repeat", settings.Iterations.ToString(CultureInfo.InvariantCulture)];
        string times = Path.Combine(scratch, "times.txt");
        File.Delete(times);
        var result = ChildProcess.Run([.. lbbv, .. spec.RunArguments(repeat, benchmark.FileName)],
            benchmark.WorkingDirectory, ChildEnvironment.Iterations(times, settings.Iterations), Timeout);
        if (!Accept(benchmark, cell, reference, result, expected, $"{settings.Iterations} copies of the first run"))
            return;
        IterationSamples? samples;
        try { samples = IterationTimesFile.Read(times); }
        catch (InvalidDataException e) { Fail(cell, e.Message); return; }
        if (samples is not { Seconds.Count: > 0 })
        {
            Fail(cell, $"no iteration times were reported in {IterationTimesFile.PathVariable}");
            return;
        }
        cell.Iterations = samples;
        progress.End($"first {samples.Seconds[0] * 1000:F1} ms, last {samples.Seconds[^1] * 1000:F1} ms");
    }

    /// <summary>Counters of `lbbv --max-versions=1`, the reference for "type tests eliminated": reused when it is
    /// one of the engines, else run once when some engine is a JIT.</summary>
    private IReadOnlyDictionary<string, double>? ReferenceCounters(BenchmarkSpec benchmark, List<BenchCell> cells)
    {
        if (cells.FirstOrDefault(c => IsReference(c.Engine.Spec)) is { } measured) return measured.Counters;
        if (!cells.Any(c => c.Engine.Spec.IsJit)) return null;
        if (cells.Any(c => c.Status == Statuses.Failed)) { progress.Skip(); return null; }
        var spec = EngineSpec.UnversionedReference;
        progress.Begin($"count {benchmark.Name} under {spec.Name} (reference for type tests eliminated)");
        string stats = Path.Combine(scratch, "stats.json");
        File.Delete(stats);
        var result = Lbbv(benchmark, spec, ["--stats-json", stats], 1);
        if (!result.Succeeded) { progress.End("failed: " + result.Problem); return null; }
        progress.End("done");
        return ReadCounters(stats);
    }

    private static bool IsReference(EngineSpec spec) =>
        spec.Jit == "lbbv" && spec.Options.SequenceEqual(EngineSpec.UnversionedReference.Options);

    /// <summary>Checks a run's status and output. Without `expected` (the check phase) the run records the
    /// engine's output, which must equal the reference engine's; later runs must print what they printed then.
    /// External interpreters' pyperf prints its own timings, so only their status counts on pyperformance
    /// benchmarks.</summary>
    private bool Accept(BenchmarkSpec benchmark, BenchCell cell, BenchCell reference, ChildResult result,
        string? expected, string expectedFrom = "the first run")
    {
        if (!result.Succeeded) { Fail(cell, result.Problem); return false; }
        if (benchmark.IsPyperformance && !cell.Engine.Spec.IsLbbv) return true;
        if (expected is null)
        {
            cell.Output = result.Stdout;
            if (cell == reference || reference.Output is null) return true;
            (expected, expectedFrom) = (reference.Output, reference.Engine.Spec.Name);
        }
        if (OutputCheck.Difference(expectedFrom, expected, result.Stdout) is not { } difference) return true;
        Fail(cell, difference);
        return false;
    }

    public const string FailedOutcome = "FAILED";

    private void Fail(BenchCell cell, string error)
    {
        cell.Fail(error);
        progress.End($"{FailedOutcome}: {error}");
    }

    private ChildResult Lbbv(BenchmarkSpec benchmark, EngineSpec spec, IReadOnlyList<string> extra, int iterations)
    {
        var environment = benchmark.IsPyperformance
            ? ChildEnvironment.Iterations(Path.Combine(scratch, "process-times.txt"), iterations)
            : ChildEnvironment.Plain;
        return ChildProcess.Run([.. lbbv, .. spec.RunArguments(extra, benchmark.FileName)], benchmark.WorkingDirectory,
            environment, Timeout);
    }

    /// <summary>An external interpreter runs the file; a pyperformance benchmark with its own pyperf computes a
    /// single value (`--debug-single-value`: one process, no calibration).</summary>
    private ChildResult External(BenchmarkSpec benchmark, EngineSpec spec) =>
        ChildProcess.Run(
            [.. spec.Command, benchmark.FileName, .. benchmark.IsPyperformance ? SingleValue : Array.Empty<string>()],
            benchmark.WorkingDirectory, ChildEnvironment.Plain, Timeout);

    private static readonly string[] SingleValue = ["--debug-single-value"];

    private static IReadOnlyDictionary<string, double>? ReadCounters(string path)
    {
        if (!File.Exists(path)) return null;
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number)
            .ToDictionary(p => p.Name, p => p.Value.GetDouble());
    }

    private static BenchmarkResult Result(BenchmarkSpec benchmark, List<BenchCell> cells,
        IReadOnlyDictionary<string, double>? reference)
    {
        var failed = cells.Where(c => c.Status == Statuses.Failed).ToList();
        string? failure = failed.Count == 0
            ? null : string.Join("; ", failed.Select(c => $"{c.Engine.Spec.Name}: {c.Error}"));
        return new BenchmarkResult(benchmark.Name, benchmark.Suite, benchmark.Kind, benchmark.Script,
            failed.Count == 0 ? Statuses.Ok : Statuses.Failed, failure, cells.Select(c => c.ToResult()).ToList(),
            reference);
    }
}
