using System.Globalization;
using Lbbv.Reports.Model;
using Lbbv.Runtime;

namespace Lbbv.Cli.Bench;

/// <summary>How `lbbv bench` runs pyperformance benchmarks (`NAME/run_benchmark.py`). Every engine, Lbbv's and
/// external interpreters alike, imports Lbbv's own `pyperf` module: it is written to the scratch folder and put
/// first on an external interpreter's PYTHONPATH (a `pyperf.py` beside the benchmark still shadows it, as
/// CPython's import order says). So every engine runs the same number of loops per value and prints the same
/// deterministic summary, which is checked like any program's output. The loops per value are `--loops`, or
/// calibrated once per benchmark as pyperf does: one value of one loop under the baseline engine, then the
/// smallest power of two whose value lasts at least `--min-time` there.</summary>
public sealed class PyperfHarness
{
    public const string LoopsVariable = "LBBV_PYPERF_LOOPS";
    private const int MaxLoops = 1 << 20;

    private readonly string _pythonPath;
    private readonly Dictionary<string, int> _loops = [];

    public PyperfHarness(string scratch)
    {
        var module = ShippedModules.Find("pyperf")
            ?? throw new InvalidOperationException("Lbbv's pyperf module is not embedded in this build");
        _pythonPath = Path.Combine(scratch, "pyperf-module");
        Directory.CreateDirectory(_pythonPath);
        File.WriteAllText(Path.Combine(_pythonPath, "pyperf.py"), module.Source);
    }

    /// <summary>The loops per value of a benchmark (1 until it is set or calibrated).</summary>
    public int LoopsOf(BenchmarkSpec benchmark) => _loops.GetValueOrDefault(benchmark.Script, 1);

    public void SetLoops(BenchmarkSpec benchmark, int loops) => _loops[benchmark.Script] = loops;

    /// <summary>The smallest power of two of loops whose value lasts at least `minTime`, given what one loop
    /// took (at most 2^20).</summary>
    public static int LoopsFor(double secondsPerLoop, double minTime)
    {
        int loops = 1;
        while (loops < MaxLoops && loops * secondsPerLoop < minTime) loops *= 2;
        return loops;
    }

    /// <summary>The environment of one run of a pyperformance benchmark: the iteration protocol (`iterations`
    /// values, times to `timesPath`), the benchmark's loops, and for an external interpreter Lbbv's pyperf
    /// on PYTHONPATH.</summary>
    public IReadOnlyDictionary<string, string?> Environment(BenchmarkSpec benchmark, EngineSpec engine,
        string timesPath, int iterations, int? loops = null)
    {
        var environment = new Dictionary<string, string?>(ChildEnvironment.Iterations(timesPath, iterations))
        {
            [LoopsVariable] = (loops ?? LoopsOf(benchmark)).ToString(CultureInfo.InvariantCulture),
        };
        if (!engine.IsLbbv)
        {
            string? inherited = System.Environment.GetEnvironmentVariable("PYTHONPATH");
            environment["PYTHONPATH"] = string.IsNullOrEmpty(inherited)
                ? _pythonPath : _pythonPath + Path.PathSeparator + inherited;
        }
        return environment;
    }
}
