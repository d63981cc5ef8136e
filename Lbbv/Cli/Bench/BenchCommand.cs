using System.CommandLine;
using Lbbv.Reports.Comparison;
using Lbbv.Reports.Model;
using Lbbv.Reports.Output;

namespace Lbbv.Cli.Bench;

/// <summary>`lbbv bench [PATH...] [options]` measures a suite under every engine and writes a report;
/// `lbbv bench compare OLD.json NEW.json` compares two reports (the A/B of two builds). See bench/README.md.</summary>
public static class BenchCommand
{
    public const string DefaultSuite = "bench/programs";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Folders of programs, folders of pyperformance benchmarks (NAME/run_benchmark.py) "
                + "or .py files "
                + $"(default {DefaultSuite}).",
        };
        var engines = new Option<string>("--engines")
        {
            Description = "Lbbv engines, comma-separated, each with `run` options after colons "
                + "(e.g. off,lbbv,lbbv:--max-versions=1).",
            DefaultValueFactory = _ => "off,lbbv,trace",
        };
        var python = new Option<string?>("--python") { Description = "Also measure this CPython (e.g. python3)." };
        var pypy = new Option<string?>("--pypy") { Description = "Also measure this PyPy (e.g. pypy3)." };
        var runs = new Option<int>("--runs")
        {
            Description = "Whole-process runs per engine.",
            DefaultValueFactory = _ => 5,
        };
        var warmup = new Option<int>("--warmup")
        {
            Description = "In-process iterations that count as warm-up (left out of the steady state).",
            DefaultValueFactory = _ => 2,
        };
        var iterations = new Option<int>("--iterations")
        {
            Description = "In-process iterations per engine, in one process (external interpreters: pyperformance "
                + "benchmarks only).",
            DefaultValueFactory = _ => 10,
        };
        var loops = new Option<int>("--loops")
        {
            Description = "Loops per value of pyperformance benchmarks, the same under every engine "
                + "(0: calibrate each benchmark under the baseline engine).",
            DefaultValueFactory = _ => 0,
        };
        var minTime = new Option<double>("--min-time")
        {
            Description = "Calibration: seconds one value of a pyperformance benchmark lasts at least under the "
                + "baseline engine.",
            DefaultValueFactory = _ => 0.1,
        };
        var output = new Option<string>("--out")
        {
            Description = "Folder for report.md, report.json, the charts and report.html.",
            DefaultValueFactory = _ => "bench-report",
        };
        var quiet = new Option<bool>("--quiet") { Description = "Plain progress lines instead of a live display." };
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds before one run is stopped and counted as failed.",
            DefaultValueFactory = _ => 600,
        };
        var command = new Command("bench",
            "Measure benchmarks under every engine; write Markdown, JSON, charts and HTML.")
        {
            paths, engines, python, pypy, runs, warmup, iterations, loops, minTime, output, quiet, timeout,
        };
        command.Subcommands.Add(CreateCompare(stdout, stderr));
        command.Subcommands.Add(CreateRender(stdout, stderr));
        command.SetAction(parsed =>
        {
            var externals = new List<EngineSpec>();
            if (parsed.GetValue(python) is { } py) externals.Add(EngineSpec.External("cpython", py));
            if (parsed.GetValue(pypy) is { } pp) externals.Add(EngineSpec.External("pypy", pp));
            var request = new BenchRequest(
                parsed.GetValue(paths) is { Length: > 0 } given ? given : [DefaultSuite],
                parsed.GetValue(engines)!, externals, parsed.GetValue(runs), parsed.GetValue(warmup),
                parsed.GetValue(iterations), parsed.GetValue(loops), parsed.GetValue(minTime), parsed.GetValue(output)!, parsed.GetValue(quiet), parsed.GetValue(timeout),
                parsed.Tokens.Select(t => t.Value).ToList());
            return BenchSession.Execute(request, stdout, stderr);
        });
        return command;
    }

    private static Command CreateCompare(TextWriter stdout, TextWriter stderr)
    {
        var old = new Argument<string>("OLD") { Description = "report.json of the old build." };
        var @new = new Argument<string>("NEW") { Description = "report.json of the new build." };
        var command = new Command("compare", "Compare two `lbbv bench` reports: speedup of NEW over OLD per benchmark.")
        {
            old, @new,
        };
        command.SetAction(parsed =>
        {
            if (Read(parsed.GetValue(old)!, "compare", stderr) is not { } a
                || Read(parsed.GetValue(@new)!, "compare", stderr) is not { } b)
                return LbbvCommandLine.UsageError;
            var table = ReportComparison.Compare(a, b);
            stdout.WriteLine($"OLD: {parsed.GetValue(old)} (commit {a.Lbbv.Commit})");
            stdout.WriteLine($"NEW: {parsed.GetValue(@new)} (commit {b.Lbbv.Commit})");
            stdout.WriteLine();
            stdout.WriteLine(table.Note);
            stdout.WriteLine();
            stdout.Write(MarkdownTable.Render(table));
            return 0;
        });
        return command;
    }

    /// <summary>`lbbv bench render REPORT.json --out DIR`: writes a report's files again from its raw samples
    /// (after a change to the report's tables or charts; nothing is measured).</summary>
    private static Command CreateRender(TextWriter stdout, TextWriter stderr)
    {
        var report = new Argument<string>("REPORT") { Description = "A report.json written by `lbbv bench`." };
        var output = new Option<string>("--out")
        {
            Description = "Folder for report.md, report.json, the charts and report.html.",
            DefaultValueFactory = _ => "bench-report",
        };
        var command = new Command("render",
            "Write a report's Markdown, JSON, charts and HTML again from its report.json.")
        {
            report, output,
        };
        command.SetAction(parsed =>
        {
            if (Read(parsed.GetValue(report)!, "render", stderr) is not { } read) return LbbvCommandLine.UsageError;
            foreach (var path in ReportWriter.Write(read, parsed.GetValue(output)!)) stdout.WriteLine($"wrote {path}");
            return 0;
        });
        return command;
    }

    private static BenchReport? Read(string path, string command, TextWriter stderr)
    {
        try { return ReportJson.Read(path); }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException
                                      or UnauthorizedAccessException)
        {
            stderr.WriteLine($"lbbv bench {command}: {e.Message}");
            return null;
        }
    }
}
