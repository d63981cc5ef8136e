using System.CommandLine;
using System.Diagnostics;
using Lbbv.Runtime;
using Lbbv.Versioning;

namespace Lbbv.Cli;

/// <summary>`lbbv compare FILE [ARGS...]`: runs FILE under the interpreter, LBBV with the default
/// version cap and LBBV with versioning disabled (--max-versions 1), in this one process, checks
/// that the outputs are identical, and prints one table. Each LBBV configuration first runs once
/// with --stats counters (the dynamic columns; it also warms up the .NET code of the VM), then
/// every configuration runs --runs times round-robin without counting; the table shows the median.
/// With `--link MODE,...` it compares link modes instead (<see cref="CompareLinkModes"/>).</summary>
public static class CompareCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var maxVersions = new Option<int>("--max-versions")
        {
            Description = "The version cap of the versioned configuration.",
            DefaultValueFactory = _ => 4,
        };
        var runs = new Option<int>("--runs") { Description = "Timed runs per engine (median shown).", DefaultValueFactory = _ => 3 };
        var link = new Option<string?>("--link")
        {
            Description = "Compare link modes instead (e.g. indirect,patch,reemit): each JIT under each mode, "
                + "against the interpreter.",
        };
        var file = new Argument<string>("FILE") { Description = "The Python program to run." };
        var programArgs = new Argument<string[]>("ARGS") { Arity = ArgumentArity.ZeroOrMore, Description = "sys.argv[1:]" };
        var command = new Command("compare", "Run a program under off, lbbv and lbbv --max-versions 1 and compare.")
        {
            maxVersions, runs, link, file, programArgs,
        };
        command.SetAction(parsed => parsed.GetValue(link) is { } modes
            ? CompareLinkModes.Execute(parsed.GetValue(file)!, parsed.GetValue(programArgs) ?? [], modes,
                Math.Max(1, parsed.GetValue(runs)), stdout, stderr)
            : Execute(parsed.GetValue(file)!, parsed.GetValue(programArgs) ?? [],
                Math.Max(2, parsed.GetValue(maxVersions)), Math.Max(1, parsed.GetValue(runs)), stdout, stderr));
        return command;
    }

    private sealed record Row(string Name, double WallMs, string Output, int Status, LbbvStatistics? Stats, long Versions, long CodeBytes, double CompileMs, long TypeTests, long ClassChecks);

    public static int Execute(string file, string[] programArgs, int maxVersions, int runs, TextWriter stdout, TextWriter stderr)
    {
        var configs = new (string Name, LbbvOptions? Options)[]
        {
            ("off", null),
            ($"lbbv (max {maxVersions})", new LbbvOptions { MaxVersions = maxVersions }),
            ("lbbv (max 1)", new LbbvOptions { MaxVersions = 1 }),
        };
        var counted = configs.Select(c => c.Options is null ? null : Counted(file, programArgs, c.Options)).ToArray();
        var times = configs.Select(_ => new List<double>()).ToArray();
        var outputs = new (string Output, int Status)[configs.Length];
        for (int r = 0; r < runs; r++)
            for (int c = 0; c < configs.Length; c++)
            {
                var (wall, output, status, _) = RunOnce(file, programArgs, configs[c].Options);
                times[c].Add(wall);
                outputs[c] = (output, status);
            }
        var rows = new List<Row>();
        for (int c = 0; c < configs.Length; c++)
        {
            double median = times[c].Order().ElementAt(times[c].Count / 2);
            var k = counted[c];
            rows.Add(k is null
                ? new Row(configs[c].Name, median, outputs[c].Output, outputs[c].Status, null, 0, 0, 0, 0, 0)
                : k with { Name = configs[c].Name, WallMs = median, Output = outputs[c].Output, Status = outputs[c].Status });
        }
        bool same = rows.All(r => r.Output == rows[0].Output && r.Status == rows[0].Status);
        double baseline = rows[0].WallMs;
        long genericTests = rows[2].TypeTests;
        stdout.WriteLine($"{Path.GetFileName(file)}: outputs {(same ? "identical" : "DIFFER")}");
        stdout.WriteLine($"{"engine",-16} {"wall ms",10} {"speedup",8} {"versions",9} {"type tests",14} {"eliminated",10} {"class checks",13} {"code bytes",11} {"compile ms",10}");
        foreach (var r in rows)
        {
            bool jit = r.Stats != null;
            string eliminated = jit && genericTests > 0 ? $"{100.0 * (genericTests - r.TypeTests) / genericTests:F1}%" : "-";
            stdout.WriteLine($"{r.Name,-16} {r.WallMs,10:F1} {baseline / r.WallMs,7:F2}x {(jit ? r.Versions.ToString() : "-"),9} {(jit ? r.TypeTests.ToString("N0") : "-"),14} {eliminated,10} {(jit ? r.ClassChecks.ToString("N0") : "-"),13} {(jit ? r.CodeBytes.ToString("N0") : "-"),11} {(jit ? r.CompileMs.ToString("F1") : "-"),10}");
        }
        if (!same)
        {
            foreach (var r in rows.Where(r => r.Output != rows[0].Output || r.Status != rows[0].Status))
                stderr.WriteLine($"lbbv compare: {r.Name} printed different output (status {r.Status} vs {rows[0].Status})");
            return 1;
        }
        return 0;
    }

    private static Row Counted(string file, string[] programArgs, LbbvOptions options)
    {
        var (_, output, status, tier) = RunOnce(file, programArgs, options with { CountInCode = true });
        try
        {
            var (s, jit) = (tier!.Statistics, tier.Jit);
            return new Row("", 0, output, status, s, s.VersionsCompiled, tier.Backend.Counters.BytesPublished,
                jit.CompileTime.Elapsed.TotalMilliseconds, jit.Read(jit.TypeTestsExecuted), jit.Read(jit.ClassChecksExecuted));
        }
        finally { tier!.Dispose(); }
    }

    /// <summary>One run in this process: wall time, stdout and stderr together, status, and the tier
    /// when it counted in code (the caller disposes it).</summary>
    internal static (double WallMs, string Output, int Status, LbbvTier? Tier) RunOnce(
        string file, string[] programArgs, LbbvOptions? options)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var vm = new Vm(new VmOptions { Stdout = output, Stderr = errors });
        var tier = options is null ? null : new LbbvTier(options);
        var clock = Stopwatch.StartNew();
        int status;
        try
        {
            tier?.Install();
            status = vm.RunFile(file, programArgs);
        }
        finally { tier?.Uninstall(); }
        clock.Stop();
        if (options is not null && !options.CountInCode) { tier!.Dispose(); tier = null; }
        return (clock.Elapsed.TotalMilliseconds, output.ToString() + errors.ToString(), status, tier);
    }
}
