using System.Text.Json;
using System.Text.RegularExpressions;

namespace Lbbv.Tests;

/// <summary>The `lbbv` command line: help, exit statuses, error reports, statistics, argv, dis.</summary>
public sealed class CliTests
{
    private static string Cli => Path.Combine(RepoPaths.Root, "tests", "cli");

    [Theory]
    [InlineData("--help")]
    [InlineData("run", "--help")]
    [InlineData("dis", "--help")]
    [InlineData("bench", "--help")]
    [InlineData("bench", "compare", "--help")]
    public void Help_exits_zero(params string[] args)
    {
        var result = ProcessRunner.Lbbv(args, Cli);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage", result.Stdout);
    }

    [Fact]
    public void Version_prints_the_version()
    {
        // The help and version options are added only when named (LbbvCommandLine): --version still works.
        var result = ProcessRunner.Lbbv(["--version"], Cli);
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Stdout);
    }

    [Fact]
    public void Missing_file_is_one_clear_line_and_status_2()
    {
        var result = ProcessRunner.Lbbv(["run", "no_such_file.py"], Cli);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("lbbv: can't open file 'no_such_file.py': [Errno 2] No such file or directory", result.Stderr.Trim());
    }

    [Fact]
    public void Unknown_option_is_a_usage_error()
    {
        var result = ProcessRunner.Lbbv(["run", "--frobnicate", "small.py"], Cli);
        Assert.Equal(2, result.ExitCode);
    }

    [Theory]
    [InlineData("unsupported_match.py", "match", 2)]
    [InlineData("unsupported_complex.py", "complex", 2)]
    [InlineData("unsupported_async.py", "async with", 2)]
    public void Unsupported_construct_is_named_with_its_line(string file, string feature, int line)
    {
        var result = ProcessRunner.Lbbv(["run", file], Cli);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("NotSupportedError", result.Stderr);
        Assert.Contains(feature, result.Stderr);
        Assert.Contains($":{line}:", result.Stderr);
        Assert.Equal("", result.Stdout); // rejected before anything runs
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void An_unknown_link_mode_is_a_usage_error()
    {
        var result = ProcessRunner.Lbbv(["run", "--link", "sideways", "small.py"], Cli);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'sideways' not recognized", result.Stderr);
        Assert.Contains("'reemit'", result.Stderr);
    }

    [Theory]
    [InlineData("patch")]
    [InlineData("reemit")]
    public void The_tracer_runs_in_every_link_mode(string mode)
    {
        var indirect = ProcessRunner.Lbbv(["run", "--jit", "trace", "--trace-threshold", "0", "small.py"], Cli);
        var result = ProcessRunner.Lbbv(
            ["run", "--jit", "trace", "--trace-threshold", "0", "--link", mode, "--stats", "small.py"], Cli);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(indirect.Stdout, result.Stdout);
        Assert.Matches($@"trace_link_mode +{(mode == "patch" ? 1 : 2)}\n", result.Stderr);
    }

    [Fact]
    public void Compare_link_modes_prints_one_row_per_mode_with_identical_outputs()
    {
        var result = ProcessRunner.Lbbv(["compare", "--link", "indirect,patch,reemit", "--runs", "1", "small.py"], Cli);
        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("small.py: outputs identical", lines[0]);
        Assert.Contains("indirect jumps", lines[1]);
        Assert.Equal(["off", "lbbv indirect", "lbbv patch", "lbbv reemit", "trace indirect", "trace patch", "trace reemit"],
            lines[2..].Select(l => l[..16].Trim()));
    }

    [Fact]
    public void Program_arguments_go_to_sys_argv_even_when_they_look_like_options()
    {
        var result = ProcessRunner.Lbbv(["run", "argv.py", "a", "--stats", "-x"], Cli);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("4 ['a', '--stats', '-x']\n", result.Stdout);
    }

    [Fact]
    public void Stats_are_printed_to_stderr_and_written_as_json()
    {
        string json = Path.Combine(Path.GetTempPath(), $"lbbv-stats-{Guid.NewGuid():N}.json");
        try
        {
            var result = ProcessRunner.Lbbv(["run", "--stats", "--stats-json", json, "small.py"], Cli);
            Assert.Equal(0, result.ExitCode);
            Assert.Equal("25\n", result.Stdout);
            Assert.Contains("bytecodes_executed", result.Stderr);
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            Assert.True(doc.RootElement.GetProperty("bytecodes_executed").GetInt64() > 50);
            Assert.True(doc.RootElement.GetProperty("calls").GetInt64() >= 1);
        }
        finally { File.Delete(json); }
    }

    [Fact]
    public void Dis_groups_bytecode_by_block_with_entry_depth()
    {
        var result = ProcessRunner.Lbbv(["dis", "small.py"], Cli);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("depth", result.Stdout);
        Assert.Contains("ForIter", result.Stdout);
    }

    [Fact]
    public void Trace_engine_runs_and_reports_its_counters()
    {
        var result = ProcessRunner.Lbbv(["run", "--jit", "trace", "--trace-threshold", "0", "--stats", "small.py"], Cli);
        var off = ProcessRunner.Lbbv(["run", "--jit", "off", "small.py"], Cli);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(off.Stdout, result.Stdout);
        Assert.Matches(@"trace_traces_compiled +[1-9]", result.Stderr);
        Assert.Contains("trace_type_tests_executed", result.Stderr);
        Assert.Contains("trace_aborts_trace_too_long", result.Stderr);
    }

    [Fact]
    public void Compare_runs_every_engine_with_one_table_for_both_jits()
    {
        var result = ProcessRunner.Lbbv(["compare", "--runs", "1", "hot_loop.py"], Cli);
        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("hot_loop.py: outputs identical", lines[0]);
        Assert.Matches("engine +time ms +speedup +type tests +eliminated +side exits +indirect jumps +code bytes",
            lines[1]);
        Assert.Equal(["off", "lbbv", "lbbv", "trace"], lines[2..].Select(l => l.Split(' ')[0]));
        // Both JITs fill every column; the interpreter only its time.
        Assert.All(lines[3..], l => Assert.DoesNotContain(" - ", l));
    }

    [Fact]
    public void Dump_traces_shows_the_ir_before_and_after_the_passes_with_each_exit()
    {
        var result = ProcessRunner.Lbbv(["run", "--jit", "trace", "--trace-threshold", "0", "--bridge-threshold", "1",
            "--dump-traces", "small.py"], Cli);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("before optimization:", result.Stderr);
        Assert.Contains("after optimization:", result.Stderr);
        Assert.Contains("[removed by type_propagation]", result.Stderr);
        Assert.Matches(@"exit \d+ \(branch\): resume f@\d+.*; failed [1-9]\d*, .* -> bridge \d+", result.Stderr);
    }

    [Fact]
    public void Lbbv_engine_runs_and_reports_its_counters()
    {
        var result = ProcessRunner.Lbbv(["run", "--jit", "lbbv", "--call-threshold", "0", "--loop-threshold", "0", "--stats", "small.py"], Cli);
        var off = ProcessRunner.Lbbv(["run", "--jit", "off", "small.py"], Cli);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(off.Stdout, result.Stdout);
        Assert.Contains("lbbv_versions_compiled", result.Stderr);
        Assert.Contains("lbbv_type_tests_executed", result.Stderr);
    }
}

/// <summary>`--perf-map` names every published JIT code range for `perf report`.</summary>
public sealed class PerfMapTests
{
    [Fact]
    public void Perf_map_lists_published_code()
    {
        var lines = PerfMapOf("--jit", "lbbv", "--call-threshold", "0", "--loop-threshold", "0");
        Assert.NotEmpty(lines);
        foreach (var line in lines)
            Assert.Matches("^[0-9a-f]+ [0-9a-f]+ lbbv:.+$", line);
    }

    [Fact]
    public void Perf_map_names_traces_and_bridges()
    {
        var lines = PerfMapOf("--jit", "trace", "--trace-threshold", "0", "--bridge-threshold", "1");
        Assert.Contains(lines, l => Regex.IsMatch(l, "^[0-9a-f]+ [0-9a-f]+ lbbv:trace1:f@"));
        Assert.Contains(lines, l => Regex.IsMatch(l, "^[0-9a-f]+ [0-9a-f]+ lbbv:bridge"));
    }

    /// <summary>The perf map of tests/cli/small.py run with <paramref name="options"/> --perf-map.</summary>
    private static string[] PerfMapOf(params string[] options)
    {
        string cli = Path.Combine(RepoPaths.Root, "tests", "cli");
        var result = ProcessRunner.Lbbv(["run", .. options, "--perf-map", "small.py"], cli);
        string map = $"/tmp/perf-{result.ProcessId}.map";
        try
        {
            Assert.Equal(0, result.ExitCode);
            Assert.Equal("25\n", result.Stdout);
            return File.ReadAllLines(map);
        }
        finally { File.Delete(map); }
    }
}
