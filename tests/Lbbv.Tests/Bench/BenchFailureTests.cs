using System.Text.Json;

namespace Lbbv.Tests.Bench;

/// <summary>What `lbbv bench` does with engines that fail or are missing, and with a bad command line.</summary>
public sealed class BenchFailureTests
{
    private static string OneProgram => Path.Combine(BenchSuiteRun.Suite, "sum_squares.py");

    [Fact]
    public void An_interpreter_that_prints_something_else_fails_the_benchmark_and_leaves_it_out_of_the_means()
    {
        string folder = Directory.CreateTempSubdirectory("lbbv-bench-fake-").FullName;
        try
        {
            // An "interpreter" that answers --version and prints a wrong result for every program.
            string fake = Path.Combine(folder, "fake-python");
            File.WriteAllText(fake,
                "#!/bin/sh\nif [ \"$1\" = --version ]; then echo 'Fake 1.0'; exit 0; fi\necho 42\n");
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            string output = Path.Combine(folder, "report");
            var result = ProcessRunner.Lbbv(["bench", OneProgram, "--engines", "off", "--python", fake, "--runs", "1",
                "--iterations", "1", "--warmup", "0", "--out", output, "--quiet"], RepoPaths.Root);

            Assert.True(result.ExitCode == 1, result.Stderr);
            Assert.Contains("sum_squares FAILED", result.Stderr);
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "report.json")));
            var benchmark = doc.RootElement.GetProperty("benchmarks")[0];
            Assert.Equal("failed", benchmark.GetProperty("status").GetString());
            Assert.Contains("cpython: output differs from off's at line 1: expected '2666466670000', got '42'",
                benchmark.GetProperty("failure").GetString());
            var cpython = doc.RootElement.GetProperty("analysis").GetProperty("engines").EnumerateArray()
                .First(e => e.GetProperty("engine").GetString() == "cpython");
            Assert.Equal(0, cpython.GetProperty("benchmarks").GetInt32());
            Assert.Equal(JsonValueKind.Null, cpython.GetProperty("geomean_speedup").ValueKind);
            Assert.Contains("| sum_squares (FAILED) |", File.ReadAllText(Path.Combine(output, "report.md")));
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public void A_pyperformance_benchmark_that_fails_to_import_is_FAILED_with_its_error()
    {
        string folder = Directory.CreateTempSubdirectory("lbbv-bench-pyperf-").FullName;
        try
        {
            string suite = Path.Combine(folder, "suite");
            Directory.CreateDirectory(Path.Combine(suite, "demo"));
            File.WriteAllText(Path.Combine(suite, "demo", "run_benchmark.py"),
                "import pyperf\nimport no_such_module\n\nrunner = pyperf.Runner()\nrunner.bench_func('demo', len, [1, 2])\n");
            string output = Path.Combine(folder, "report");
            var result = ProcessRunner.Lbbv(["bench", suite, "--engines", "off,lbbv", "--runs", "1",
                "--iterations", "1", "--warmup", "0", "--out", output, "--quiet"], RepoPaths.Root);

            Assert.True(result.ExitCode == 1, result.Stderr);
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "report.json")));
            var benchmark = doc.RootElement.GetProperty("benchmarks")[0];
            Assert.Equal("demo", benchmark.GetProperty("name").GetString());
            Assert.Equal("pyperformance", benchmark.GetProperty("kind").GetString());
            Assert.Equal("failed", benchmark.GetProperty("status").GetString());
            Assert.Contains("ModuleNotFoundError: No module named 'no_such_module'",
                benchmark.GetProperty("failure").GetString());
            Assert.True(File.Exists(Path.Combine(output, "report.html")));
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public void A_missing_interpreter_is_reported_and_left_out()
    {
        string output = Directory.CreateTempSubdirectory("lbbv-bench-missing-").FullName;
        try
        {
            var result = ProcessRunner.Lbbv(["bench", OneProgram, "--engines", "off", "--pypy", "no-such-pypy-here",
                "--runs", "1", "--iterations", "1", "--warmup", "0", "--out", output, "--quiet"], RepoPaths.Root);
            Assert.True(result.ExitCode == 0, result.Stderr);
            Assert.Contains("engine 'pypy' is left out: cannot run 'no-such-pypy-here'", result.Stderr);
            Assert.Contains("| pypy | no-such-pypy-here FILE |  | not available: cannot run",
                File.ReadAllText(Path.Combine(output, "report.md")));
        }
        finally { Directory.Delete(output, recursive: true); }
    }

    [Theory]
    [InlineData("--engines", "off,jvm")]
    [InlineData("--engines", "lbbv:--no-such-option=1")]
    [InlineData("--warmup", "5")]
    public void A_bad_command_line_is_one_line_and_status_2(string option, string value)
    {
        var result = ProcessRunner.Lbbv(["bench", OneProgram, option, value, "--iterations", "2", "--out",
            Path.Combine(Path.GetTempPath(), "lbbv-bench-never-written")], RepoPaths.Root);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("lbbv bench: ", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void Run_repeat_times_each_run_into_the_protocol_file()
    {
        string times = Path.Combine(Path.GetTempPath(), $"lbbv-times-{Guid.NewGuid():N}.txt");
        try
        {
            var result = ProcessRunner.Lbbv(["run", "--repeat", "3", "sum_squares.py"], BenchSuiteRun.Suite,
                environment: new Dictionary<string, string> { ["LBBV_BENCH_TIMES"] = times });
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(string.Concat(Enumerable.Repeat("2666466670000\n", 3)), result.Stdout);
            var lines = File.ReadAllLines(times);
            Assert.Equal(3, lines.Length);
            Assert.All(lines, l => Assert.Matches(@"^sum_squares\t[0-9.eE-]+$", l));
        }
        finally { File.Delete(times); }
    }
}
