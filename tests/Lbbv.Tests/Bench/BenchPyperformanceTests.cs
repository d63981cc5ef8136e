using System.Text.Json;

namespace Lbbv.Tests.Bench;

/// <summary>`lbbv bench` on pyperformance benchmarks: every engine, CPython included, runs Lbbv's own pyperf, so
/// the loops are the same everywhere and every engine's output is checked; loops are calibrated or given.</summary>
public sealed class BenchPyperformanceTests
{
    private const string Benchmark =
        "import pyperf\n\ndef work(n):\n    return sum(i * i for i in range(n))\n\n"
        + "runner = pyperf.Runner()\nrunner.bench_func('demo', work, 200)\n";

    [Fact]
    public void CPython_runs_Lbbvs_pyperf_with_the_calibrated_loops_and_its_values_are_timed_in_process()
    {
        if (!ProcessRunner.HasPython3) return;
        using var suite = new PyperformanceSuite(Benchmark);
        var result = suite.Bench("--engines", "off,lbbv", "--python", "python3", "--min-time", "0.05");

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var doc = suite.Report();
        var benchmark = doc.RootElement.GetProperty("benchmarks")[0];
        Assert.Equal("ok", benchmark.GetProperty("status").GetString());
        int loops = benchmark.GetProperty("loops").GetInt32();
        // One loop takes tens of microseconds: far fewer than 50 ms, even on a loaded machine.
        Assert.True(loops >= 16, $"calibration to 50 ms gave {loops} loop(s)");
        Assert.Equal(0, loops & (loops - 1));
        foreach (var engine in benchmark.GetProperty("results").EnumerateArray())
        {
            Assert.Equal("ok", engine.GetProperty("status").GetString());
            var iterations = engine.GetProperty("iterations");
            Assert.Equal("demo", iterations.GetProperty("series").GetString());
            Assert.Equal(3, iterations.GetProperty("seconds").GetArrayLength());
        }
    }

    [Fact]
    public void An_interpreter_whose_pyperformance_output_differs_fails_the_benchmark()
    {
        using var suite = new PyperformanceSuite(Benchmark);
        string fake = suite.FakeInterpreter();
        var result = suite.Bench("--engines", "off", "--python", fake, "--loops", "2");

        Assert.True(result.ExitCode == 1, result.Stderr);
        using var doc = suite.Report();
        var benchmark = doc.RootElement.GetProperty("benchmarks")[0];
        Assert.Equal(2, benchmark.GetProperty("loops").GetInt32());
        Assert.Contains("cpython: output differs from off's at line 1: expected 'demo: 2 loops per value; returned "
            + "2646700', got '42'", benchmark.GetProperty("failure").GetString());
    }

    /// <summary>A temporary pyperformance suite of one benchmark (`demo/run_benchmark.py`) and its report.</summary>
    private sealed class PyperformanceSuite : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("lbbv-bench-pyperformance-").FullName;
        private string Output => Path.Combine(_folder, "report");

        public PyperformanceSuite(string script)
        {
            Directory.CreateDirectory(Path.Combine(_folder, "suite", "demo"));
            File.WriteAllText(Path.Combine(_folder, "suite", "demo", "run_benchmark.py"), script);
        }

        public ProcessResult Bench(params string[] options) => ProcessRunner.Lbbv(
            ["bench", Path.Combine(_folder, "suite"), .. options, "--runs", "1", "--iterations", "3", "--warmup", "1",
                "--out", Output, "--quiet"], RepoPaths.Root);

        public JsonDocument Report() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "report.json")));

        /// <summary>An "interpreter" that answers --version and prints 42 for every program.</summary>
        public string FakeInterpreter()
        {
            string fake = Path.Combine(_folder, "fake-python");
            File.WriteAllText(fake,
                "#!/bin/sh\nif [ \"$1\" = --version ]; then echo 'Fake 1.0'; exit 0; fi\necho 42\n");
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return fake;
        }

        public void Dispose() => Directory.Delete(_folder, recursive: true);
    }
}
