namespace Lbbv.Tests;

/// <summary>What a program sees of the modules Lbbv ships: where imports come from, errors for
/// what is not supported, and the pyperf module's options, output and times file.</summary>
public sealed class LibraryCliTests
{
    private static string Cli(string folder) => Path.Combine(RepoPaths.Root, "tests", "cli", folder);
    private static string PyperfFolder => Path.Combine(RepoPaths.Root, "Interpreter", "Runtime", "Lib", "packages");

    [Fact]
    public void A_module_beside_the_program_shadows_a_shipped_one_but_not_a_builtin_one()
    {
        var result = ProcessRunner.Lbbv(["run", "main.py"], Cli("shadow"));
        Assert.Equal("", result.Stderr);
        Assert.Equal("local heapq local pyperf itertools True\n", result.Stdout);
    }

    [Fact]
    public void A_module_Lbbv_does_not_ship_is_a_ModuleNotFoundError_naming_it()
    {
        var result = ProcessRunner.Lbbv(["run", "unsupported_module.py"], Cli("imports"));
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("ModuleNotFoundError: No module named 're'", result.StderrLastLine);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void An_imported_module_outside_the_subset_is_a_NotSupportedError_naming_its_file_and_line()
    {
        var result = ProcessRunner.Lbbv(["run", "imports_unsupported_syntax.py"], Cli("imports"));
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("before\n", result.Stdout);
        Assert.EndsWith("_async_helper.py:2: NotSupportedError: async is not supported by Lbbv", result.StderrLastLine);
        Assert.DoesNotContain("internal error", result.Stderr);
    }

    /// <summary>gc drives the VM's collector: disable() stops the collections allocation triggers,
    /// collect() runs one whatever the setting.</summary>
    [Theory]
    [InlineData("automatic", 1, int.MaxValue, "True")]
    [InlineData("disabled", 0, 0, "False")]
    [InlineData("explicit", 2, 2, "False")]
    public void Gc_module_drives_the_collector(string mode, int atLeast, int atMost, string enabled)
    {
        string json = Path.Combine(Path.GetTempPath(), $"lbbv-gc-{Guid.NewGuid():N}.json");
        try
        {
            var result = ProcessRunner.Lbbv(["run", "--jit", "off", "--stats-json", json, "gc_wired.py", mode],
                Cli("imports"));
            Assert.Equal($"1200000 {enabled}\n", result.Stdout);
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
            long collections = doc.RootElement.GetProperty("gc_collections").GetInt64();
            Assert.InRange(collections, atLeast, atMost);
        }
        finally { File.Delete(json); }
    }

    [Theory]
    [InlineData("off")]
    [InlineData("lbbv")]
    public void A_builtin_Lbbv_does_not_support_is_a_NotSupportedError_naming_it_at_its_line(string engine)
    {
        var result = ProcessRunner.Lbbv(["run", "--jit", engine, "--call-threshold", "0", "uses_open.py"],
            Cli("imports"));
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("2 collections.abc\n", result.Stdout);
        Assert.EndsWith("uses_open.py:6: NotSupportedError: open() is not supported by Lbbv", result.StderrLastLine);
        Assert.DoesNotContain("internal error", result.Stderr);
    }

    [Theory]
    [InlineData("off")]
    [InlineData("lbbv")]
    public void Pyperf_prints_a_deterministic_summary_and_appends_every_time_to_LBBV_BENCH_TIMES(string engine)
    {
        string times = Path.GetTempFileName();
        try
        {
            var env = new Dictionary<string, string> { ["LBBV_BENCH_TIMES"] = times };
            var result = ProcessRunner.Lbbv(["run", "--jit", engine, "timed.py", "--size", "3", "b"], Cli("bench"),
                environment: env);
            Assert.Equal("", result.Stderr);
            Assert.Equal(ExpectedSummary(3, 1, 1, "[3, 3, 3]") + "b 3\n", result.Stdout);
            var lines = File.ReadAllLines(times);
            Assert.Equal(2 * (1 + 3), lines.Length); // two benchmarks, one warm-up and three values each
            Assert.All(lines, l => Assert.True(double.Parse(l, System.Globalization.CultureInfo.InvariantCulture) > 0));
        }
        finally { File.Delete(times); }
    }

    [Fact]
    public void Pyperf_takes_loops_values_and_warmups_from_the_command_line_then_the_environment()
    {
        string times = Path.GetTempFileName();
        try
        {
            var env = new Dictionary<string, string> { ["LBBV_BENCH_TIMES"] = times, ["LBBV_PYPERF_VALUES"] = "2" };
            var result = ProcessRunner.Lbbv(["run", "timed.py", "--loops", "5", "--warmups", "0"], Cli("bench"),
                environment: env);
            Assert.Equal(ExpectedSummary(2, 5, 0, "[7, 7, 7]") + "None 7\n", result.Stdout);
            Assert.Equal(2 * 2, File.ReadAllLines(times).Length);
            var single = ProcessRunner.Lbbv(["run", "timed.py", "--debug-single-value"], Cli("bench"),
                environment: env);
            Assert.Equal(ExpectedSummary(1, 1, 0, "[7, 7, 7]") + "None 7\n", single.Stdout);
        }
        finally { File.Delete(times); }
    }

    [Theory]
    [InlineData("--bad", "timed.py: error: unrecognized arguments: --bad")]
    [InlineData("--size=x", "timed.py: error: argument --size: invalid int value: 'x'")]
    [InlineData("c", "timed.py: error: argument mode: invalid choice: 'c' (choose from 'a', 'b')")]
    [InlineData("--loops", "timed.py: error: argument -l/--loops: expected one argument")]
    public void Pyperf_reports_bad_options_as_argparse_does(string option, string error)
    {
        var result = ProcessRunner.Lbbv(["run", "timed.py", option], Cli("bench"));
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(error, result.StderrLastLine);
    }

    /// <summary>The same module under CPython prints the same (which gives every corpus program an
    /// expected output).</summary>
    [Fact]
    public void Pyperf_runs_under_CPython_with_the_same_output()
    {
        if (!ProcessRunner.HasPython3) return;
        var env = new Dictionary<string, string> { ["PYTHONPATH"] = PyperfFolder };
        var python = ProcessRunner.Run("python3", ["timed.py", "--size", "3", "b"], Cli("bench"), environment: env);
        var lbbv = ProcessRunner.Lbbv(["run", "timed.py", "--size", "3", "b"], Cli("bench"));
        Assert.Equal(python.Stdout, lbbv.Stdout);
        Assert.Equal(ExpectedSummary(3, 1, 1, "[3, 3, 3]") + "b 3\n", python.Stdout);
    }

    private static string ExpectedSummary(int values, int loops, int warmups, string result)
    {
        static string Plural(int n) => n == 1 ? "" : "s";
        string counts = $"{values} value{Plural(values)} x {loops} loop{Plural(loops)} "
            + $"({warmups} warmup{Plural(warmups)})";
        return $"timed: {counts}\nanswer: {counts}; returned {result}\n";
    }
}
