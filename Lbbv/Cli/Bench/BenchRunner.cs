using System.Globalization;
using System.Text.Json;
using Lbbv.Reports.Model;

namespace Lbbv.Cli.Bench;

/// <summary>The measurement plan of `lbbv bench`, in three phases (after calibrating the loops of pyperformance
/// benchmarks, <see cref="PyperfHarness"/>):
/// 1. check: every engine runs every benchmark once (Lbbv engines with --stats-json, which gives the counters);
///    outputs are compared with the reference engine's, and a failing engine fails its benchmark;
/// 2. whole process: --runs rounds, each running every benchmark under every engine (A B C A B C ...);
/// 3. in process: one process per benchmark and engine running --iterations iterations (Lbbv engines; external
///    interpreters on pyperformance benchmarks, whose pyperf times its values).
/// A failed benchmark is not measured further.</summary>
public sealed class BenchRunner(
    IReadOnlyList<string> lbbv, BenchSettings settings, string scratch, PyperfHarness pyperf, IBenchProgress progress)
{
    private TimeSpan Timeout => TimeSpan.FromSeconds(settings.TimeoutSeconds);

    /// <summary>Steps the plan can take at most (for the progress display).</summary>
    public static int StepCount(IReadOnlyList<BenchmarkSpec> benchmarks, IReadOnlyList<ProbedEngine> engines,
        BenchSettings s)
    {
        var available = engines.Where(e => e.Available).ToList();
        int reference = available.Any(e => e.Spec.IsJit) && !available.Any(e => IsReference(e.Spec)) ? 1 : 0;
        int lbbvEngines = available.Count(e => e.Spec.IsLbbv);
        int pyperformance = benchmarks.Count(b => b.IsPyperformance);
        int calibration = s.Loops == 0 ? pyperformance : 0;
        int inProcess = benchmarks.Count * lbbvEngines + pyperformance * (available.Count - lbbvEngines);
        return calibration + benchmarks.Count * (available.Count + reference + s.Runs * available.Count) + inProcess;
    }

    public List<BenchmarkResult> Run(IReadOnlyList<BenchmarkSpec> benchmarks, IReadOnlyList<ProbedEngine> engines,
        string baseline)
    {
        var available = engines.Where(e => e.Available).OrderBy(e => e.Spec.Name == baseline ? 0 : 1).ToList();
        var cells = benchmarks.Select(b => available.Select(e => new BenchCell(e)).ToList()).ToList();
        var references = new IReadOnlyDictionary<string, double>?[benchmarks.Count];

        for (int i = 0; i < benchmarks.Count; i++)
        {
            Calibrate(benchmarks[i], cells[i][0]);
            foreach (var cell in cells[i]) Check(benchmarks[i], cell, cells[i][0]);
            references[i] = ReferenceCounters(benchmarks[i], cells[i]);
        }
        for (int run = 1; run <= settings.Runs; run++)
            for (int i = 0; i < benchmarks.Count; i++)
                foreach (var cell in cells[i])
                    Step(cells[i], () => TimedRun(benchmarks[i], cell, cells[i][0], run));
        for (int i = 0; i < benchmarks.Count; i++)
            foreach (var cell in cells[i].Where(c => c.Engine.Spec.IsLbbv || benchmarks[i].IsPyperformance))
                Step(cells[i], () => InProcess(benchmarks[i], cell, cells[i][0]));

        return benchmarks.Select((b, i) => Result(b, cells[i], references[i])).ToList();
    }

    /// <summary>Runs one step of a benchmark unless it has failed or the engine cannot run it.</summary>
    private void Step(List<BenchCell> cells, Action step)
    {
        if (cells.Any(c => c.Status == Statuses.Failed)) { progress.Skip(); return; }
        step();
    }

    /// <summary>A pyperformance benchmark's loops per value: --loops, or one value of one loop under the baseline
    /// engine and the power of two that makes a value last --min-time there. A run that fails leaves one loop
    /// (the check phase then reports the failure).</summary>
    private void Calibrate(BenchmarkSpec benchmark, BenchCell baseline)
    {
        if (!benchmark.IsPyperformance) return;
        if (settings.Loops > 0) { pyperf.SetLoops(benchmark, settings.Loops); return; }
        progress.Begin($"calibrate the loops of {benchmark.Name} under {baseline.Engine.Spec.Name}");
        string times = Path.Combine(scratch, "calibration-times.txt");
        File.Delete(times);
        var result = Run(benchmark, baseline.Engine.Spec, [], times, iterations: 1, loops: 1);
        double? fastest = result.Succeeded ? FastestValue(times) : null;
        if (fastest is not { } seconds)
        {
            progress.End("failed: " + (result.Succeeded ? "no value was timed" : result.Problem));
            return;
        }
        int loops = PyperfHarness.LoopsFor(seconds, settings.MinTimeSeconds);
        pyperf.SetLoops(benchmark, loops);
        progress.End($"{loops} loop(s) per value (one loop: {seconds * 1000:F2} ms)");
    }

    /// <summary>The shortest value in a times file, over every benchmark the script ran.</summary>
    private static double? FastestValue(string times)
    {
        try { return IterationTimesFile.ReadAll(times) is { Count: > 0 } all ? all.Min() : null; }
        catch (InvalidDataException) { return null; }
    }

    private void Check(BenchmarkSpec benchmark, BenchCell cell, BenchCell reference)
    {
        var spec = cell.Engine.Spec;
        progress.Begin($"check {benchmark.Name} under {spec.Name}");
        string stats = Path.Combine(scratch, "stats.json");
        File.Delete(stats);
        var result = Run(benchmark, spec, spec.IsLbbv ? ["--stats-json", stats] : [], ProcessTimes, 1);
        if (!Accept(cell, reference, result, expected: null)) return;
        if (spec.IsLbbv) cell.Counters = ReadCounters(stats);
        progress.End($"{result.WallSeconds:F3} s, output {(cell == reference ? "recorded" : "identical")}");
    }

    private void TimedRun(BenchmarkSpec benchmark, BenchCell cell, BenchCell reference, int run)
    {
        if (!cell.Ok) { progress.Skip(); return; }
        var spec = cell.Engine.Spec;
        progress.Begin($"run {run}/{settings.Runs} {benchmark.Name} under {spec.Name}");
        var result = Run(benchmark, spec, [], ProcessTimes, 1);
        if (!Accept(cell, reference, result, cell.Output)) return;
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
        string times = Path.Combine(scratch, "times.txt");
        File.Delete(times);
        var result = Run(benchmark, spec, [], times, settings.Iterations, inProcess: true);
        string copies = benchmark.IsPyperformance ? "the first run" : $"{settings.Iterations} copies of the first run";
        if (!Accept(cell, reference, result, expected, copies)) return;
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
        var result = Run(benchmark, spec, ["--stats-json", stats], ProcessTimes, 1);
        if (!result.Succeeded) { progress.End("failed: " + result.Problem); return null; }
        progress.End("done");
        return ReadCounters(stats);
    }

    private static bool IsReference(EngineSpec spec) =>
        spec.Jit == "lbbv" && spec.Options.SequenceEqual(EngineSpec.UnversionedReference.Options);

    /// <summary>Checks a run's status and output. Without `expected` (the check phase) the run records the
    /// engine's output, which must equal the reference engine's; later runs must print what they printed then.
    /// </summary>
    private bool Accept(BenchCell cell, BenchCell reference, ChildResult result, string? expected,
        string expectedFrom = "the first run")
    {
        if (!result.Succeeded) { Fail(cell, result.Problem); return false; }
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

    private string ProcessTimes => Path.Combine(scratch, "process-times.txt");

    /// <summary>One run of a benchmark under an engine: an Lbbv engine with `extra` run options, or an external
    /// interpreter on the file. A pyperformance benchmark measures `iterations` values (times to `times`) of
    /// its loops; a program runs once with the plain environment, or, in the in-process phase, `--repeat`s
    /// `iterations` times in one process, timing each to `times`.</summary>
    private ChildResult Run(BenchmarkSpec benchmark, EngineSpec spec, IReadOnlyList<string> extra, string times,
        int iterations, int? loops = null, bool inProcess = false)
    {
        bool repeat = inProcess && !benchmark.IsPyperformance;
        if (repeat) extra = [.. extra, "--repeat", iterations.ToString(CultureInfo.InvariantCulture)];
        var environment = benchmark.IsPyperformance
            ? pyperf.Environment(benchmark, spec, times, iterations, loops)
            : repeat ? ChildEnvironment.Iterations(times, iterations) : ChildEnvironment.Plain;
        IReadOnlyList<string> command = spec.IsLbbv
            ? [.. lbbv, .. spec.RunArguments(extra, benchmark.FileName)]
            : [.. spec.Command, benchmark.FileName];
        return ChildProcess.Run(command, benchmark.WorkingDirectory, environment, Timeout);
    }

    private static IReadOnlyDictionary<string, double>? ReadCounters(string path)
    {
        if (!File.Exists(path)) return null;
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number)
            .ToDictionary(p => p.Name, p => p.Value.GetDouble());
    }

    private BenchmarkResult Result(BenchmarkSpec benchmark, List<BenchCell> cells,
        IReadOnlyDictionary<string, double>? reference)
    {
        var failed = cells.Where(c => c.Status == Statuses.Failed).ToList();
        string? failure = failed.Count == 0
            ? null : string.Join("; ", failed.Select(c => $"{c.Engine.Spec.Name}: {c.Error}"));
        return new BenchmarkResult(benchmark.Name, benchmark.Suite, benchmark.Kind, benchmark.Script,
            failed.Count == 0 ? Statuses.Ok : Statuses.Failed, failure, cells.Select(c => c.ToResult()).ToList(),
            reference, benchmark.IsPyperformance ? pyperf.LoopsOf(benchmark) : null);
    }
}
