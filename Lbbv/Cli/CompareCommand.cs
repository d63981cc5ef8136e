using System.CommandLine;
using System.Diagnostics;
using Lbbv.Runtime;
using Lbbv.Versioning;

namespace Lbbv.Cli;

/// <summary>`lbbv compare FILE [ARGS...]`: runs FILE under the interpreter, LBBV with the default
/// version cap and LBBV with versioning disabled (--max-versions 1), in this one process, checks
/// that the outputs are identical, and prints one table. Each LBBV configuration runs twice: once
/// timed (no counting in generated code) and once with --stats counters for the dynamic columns.</summary>
public static class CompareCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var maxVersions = new Option<int>("--max-versions")
        {
            Description = "The version cap of the versioned configuration.",
            DefaultValueFactory = _ => 4,
        };
        var file = new Argument<string>("FILE") { Description = "The Python program to run." };
        var programArgs = new Argument<string[]>("ARGS") { Arity = ArgumentArity.ZeroOrMore, Description = "sys.argv[1:]" };
        var command = new Command("compare", "Run a program under off, lbbv and lbbv --max-versions 1 and compare.")
        {
            maxVersions, file, programArgs,
        };
        command.SetAction(parsed => Execute(parsed.GetValue(file)!, parsed.GetValue(programArgs) ?? [],
            Math.Max(2, parsed.GetValue(maxVersions)), stdout, stderr));
        return command;
    }

    private sealed record Row(string Name, double WallMs, string Output, int Status, LbbvStatistics? Stats, long Versions, long CodeBytes, double CompileMs, long TypeTests);

    public static int Execute(string file, string[] programArgs, int maxVersions, TextWriter stdout, TextWriter stderr)
    {
        var rows = new List<Row>
        {
            Measure("off", file, programArgs, null),
            Measure($"lbbv (max {maxVersions})", file, programArgs, new LbbvOptions { MaxVersions = maxVersions }),
            Measure("lbbv (max 1)", file, programArgs, new LbbvOptions { MaxVersions = 1 }),
        };
        bool same = rows.All(r => r.Output == rows[0].Output && r.Status == rows[0].Status);
        double baseline = rows[0].WallMs;
        long genericTests = rows[2].TypeTests;
        stdout.WriteLine($"{Path.GetFileName(file)}: outputs {(same ? "identical" : "DIFFER")}");
        stdout.WriteLine($"{"engine",-16} {"wall ms",10} {"speedup",8} {"versions",9} {"type tests",14} {"eliminated",10} {"code bytes",11} {"compile ms",10}");
        foreach (var r in rows)
        {
            bool jit = r.Stats != null;
            string eliminated = jit && genericTests > 0 ? $"{100.0 * (genericTests - r.TypeTests) / genericTests:F1}%" : "-";
            stdout.WriteLine($"{r.Name,-16} {r.WallMs,10:F1} {baseline / r.WallMs,7:F2}x {(jit ? r.Versions.ToString() : "-"),9} {(jit ? r.TypeTests.ToString("N0") : "-"),14} {eliminated,10} {(jit ? r.CodeBytes.ToString("N0") : "-"),11} {(jit ? r.CompileMs.ToString("F1") : "-"),10}");
        }
        if (!same)
        {
            foreach (var r in rows.Where(r => r.Output != rows[0].Output || r.Status != rows[0].Status))
                stderr.WriteLine($"lbbv compare: {r.Name} printed different output (status {r.Status} vs {rows[0].Status})");
            return 1;
        }
        return 0;
    }

    private static Row Measure(string name, string file, string[] programArgs, LbbvOptions? options)
    {
        var (wall, output, status, _) = RunOnce(file, programArgs, options);
        if (options is null) return new Row(name, wall, output, status, null, 0, 0, 0, 0);
        var (_, countedOutput, _, tier) = RunOnce(file, programArgs, options with { CountInCode = true });
        try
        {
            var s = tier!.Statistics;
            return new Row(name, wall, output, status, s, s.VersionsCompiled, tier.Backend.Counters.BytesPublished,
                s.CompileTime.Elapsed.TotalMilliseconds, s.Read(s.TypeTestsExecuted));
        }
        finally { tier!.Dispose(); }
    }

    private static (double WallMs, string Output, int Status, LbbvTier? Tier) RunOnce(string file, string[] programArgs, LbbvOptions? options)
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
