using System.CommandLine;
using System.Diagnostics;
using Lbbv.Jit;
using Lbbv.Runtime;
using Lbbv.Tracing;
using Lbbv.Versioning;
using TraceOptions = Lbbv.Tracing.TraceOptions;

namespace Lbbv.Cli;

/// <summary>`lbbv compare FILE [ARGS...]`: runs FILE under the interpreter, LBBV with the default
/// version cap, LBBV with versioning disabled (--max-versions 1) and the tracing JIT, in this one
/// process, checks that the outputs are identical, and prints one table with the same columns for
/// both JITs. Each JIT configuration first runs once with counters in its code (the dynamic
/// columns; it also warms up the .NET code of the VM), then every configuration runs --runs times
/// round-robin without counting; the table shows the median time. With `--link MODE,...` it compares
/// link modes instead (<see cref="CompareLinkModes"/>).</summary>
public static class CompareCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var maxVersions = new Option<int>("--max-versions")
        {
            Description = "The version cap of the versioned configuration.",
            DefaultValueFactory = _ => 4,
        };
        var runs = new Option<int>("--runs")
        {
            Description = "Timed runs per engine (median shown).",
            DefaultValueFactory = _ => 3,
        };
        var link = new Option<string?>("--link")
        {
            Description = "Compare link modes instead (e.g. indirect,patch,reemit): LBBV and the tracer under "
                + "each mode, against the interpreter.",
        };
        var file = new Argument<string>("FILE") { Description = "The Python program to run." };
        var programArgs = new Argument<string[]>("ARGS")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "sys.argv[1:]",
        };
        var command = new Command("compare",
            "Run a program under off, lbbv, lbbv --max-versions 1 and trace and compare.")
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

    /// <summary>One engine configuration: its name and how to make its tier (null: the interpreter).</summary>
    private sealed record Config(string Name, Func<bool, JitTier?> Create);

    /// <summary>A JIT tier as compare drives it: install, run, read the shared counters, dispose.</summary>
    private sealed record JitTier(Action Install, Action Uninstall, Action Dispose, Func<JitStatistics> Jit,
        Func<long> CodeBytes);

    /// <summary>The dynamic columns of a counted run.</summary>
    private sealed record Counts(long TypeTests, long SideExits, long IndirectJumps, long CodeBytes, double CompileMs);

    private sealed record Row(string Name, double WallMs, Counts? Counts);

    public static int Execute(string file, string[] programArgs, int maxVersions, int runs, TextWriter stdout,
        TextWriter stderr)
    {
        var configs = new Config[]
        {
            new("off", _ => null),
            new($"lbbv (max {maxVersions})",
                count => Lbbv(new LbbvOptions { MaxVersions = maxVersions, CountInCode = count })),
            new("lbbv (max 1)", count => Lbbv(new LbbvOptions { MaxVersions = 1, CountInCode = count })),
            new("trace", count => Trace(new TraceOptions { CountInCode = count })),
        };
        var counted = configs.Select(c => c.Name == "off" ? null : Counted(file, programArgs, c)).ToArray();
        var times = configs.Select(_ => new List<double>()).ToArray();
        var outputs = new (string Output, int Status)[configs.Length];
        for (int r = 0; r < runs; r++)
            for (int c = 0; c < configs.Length; c++)
            {
                var (wall, output, status) = RunOnce(file, programArgs, configs[c].Create(false), null);
                times[c].Add(wall);
                outputs[c] = (output, status);
            }
        var rows = configs.Select((c, i) => new Row(c.Name, times[i].Order().ElementAt(times[i].Count / 2), counted[i]))
            .ToList();
        bool same = outputs.All(o => o == outputs[0]);
        WriteTable(Path.GetFileName(file), same, rows, stdout);
        if (same) return 0;
        for (int c = 1; c < configs.Length; c++)
            if (outputs[c] != outputs[0])
                stderr.WriteLine($"lbbv compare: {configs[c].Name} printed different output "
                    + $"(status {outputs[c].Status} vs {outputs[0].Status})");
        return 1;
    }

    /// <summary>Type tests are eliminated relative to LBBV without versioning (max 1), the generic
    /// code both JITs improve on; side exits are exits from machine code to the interpreter other
    /// than returns.</summary>
    private static void WriteTable(string program, bool same, List<Row> rows, TextWriter stdout)
    {
        double baseline = rows[0].WallMs;
        long generic = rows.Single(r => r.Name == "lbbv (max 1)").Counts!.TypeTests;
        stdout.WriteLine($"{program}: outputs {(same ? "identical" : "DIFFER")}");
        stdout.WriteLine($"{"engine",-14} {"time ms",9} {"speedup",8} {"type tests",14} {"eliminated",10} "
            + $"{"side exits",11} {"indirect jumps",15} {"code bytes",11} {"compile ms",10}");
        foreach (var r in rows)
        {
            var k = r.Counts;
            string eliminated = k != null && generic > 0 ? $"{100.0 * (generic - k.TypeTests) / generic:F1}%" : "-";
            stdout.WriteLine($"{r.Name,-14} {r.WallMs,9:F1} {baseline / r.WallMs,7:F2}x "
                + $"{Column(k?.TypeTests),14} {eliminated,10} {Column(k?.SideExits),11} {Column(k?.IndirectJumps),15} "
                + $"{Column(k?.CodeBytes),11} {(k is null ? "-" : k.CompileMs.ToString("F1")),10}");
        }
    }

    private static string Column(long? value) => value is { } v ? v.ToString("N0") : "-";

    private static JitTier Lbbv(LbbvOptions options) => Lbbv(new LbbvTier(options));

    private static JitTier Lbbv(LbbvTier tier)
    {
        return new JitTier(tier.Install, tier.Uninstall, tier.Dispose, () => tier.Jit,
            () => tier.Backend.Counters.BytesPublished);
    }

    private static JitTier Trace(TraceOptions options) => Trace(new TracingTier(options));

    private static JitTier Trace(TracingTier tier)
    {
        return new JitTier(tier.Install, tier.Uninstall, tier.Dispose, () => tier.Jit,
            () => tier.Backend.Counters.BytesPublished);
    }

    private static long SideExits(JitStatistics jit)
    {
        long exits = 0;
        for (int r = 1; r < ExitReasons.Count; r++)
            if ((ExitReason)r != ExitReason.Return) exits += jit.ExitsSeen[r];
        return exits;
    }

    private static Counts Counted(string file, string[] programArgs, Config config)
    {
        Counts? counts = null;
        RunOnce(file, programArgs, config.Create(true), tier =>
        {
            var jit = tier.Jit();
            counts = new Counts(jit.Read(jit.TypeTestsExecuted), SideExits(jit), jit.Read(jit.IndirectJumps),
                tier.CodeBytes(), jit.CompileTime.Elapsed.TotalMilliseconds);
        });
        return counts!;
    }

    /// <summary>Runs the program once in a fresh VM under <paramref name="tier"/> (null: the
    /// interpreter), reads its counters with <paramref name="read"/> before the tier is disposed.</summary>
    private static (double WallMs, string Output, int Status) RunOnce(string file, string[] programArgs,
        JitTier? tier, Action<JitTier>? read)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var vm = new Vm(new VmOptions { Stdout = output, Stderr = errors });
        var clock = Stopwatch.StartNew();
        int status;
        try
        {
            tier?.Install();
            status = vm.RunFile(file, programArgs);
        }
        finally { tier?.Uninstall(); }
        clock.Stop();
        try
        {
            if (tier != null) read?.Invoke(tier);
        }
        finally { tier?.Dispose(); }
        return (clock.Elapsed.TotalMilliseconds, output.ToString() + errors.ToString(), status);
    }

    /// <summary>One run under LBBV with <paramref name="options"/> (null: the interpreter), for the link-mode
    /// comparison; <paramref name="read"/> sees the tier before it is disposed.</summary>
    internal static (double WallMs, string Output, int Status) RunLbbv(
        string file, string[] programArgs, LbbvOptions? options, Action<LbbvTier>? read = null)
    {
        if (options is null) return RunOnce(file, programArgs, null, null);
        var tier = new LbbvTier(options);
        return RunOnce(file, programArgs, Lbbv(tier), _ => read?.Invoke(tier));
    }

    /// <summary>One run under the tracer with <paramref name="options"/>, for the link-mode comparison.</summary>
    internal static (double WallMs, string Output, int Status) RunTrace(
        string file, string[] programArgs, TraceOptions options, Action<TracingTier>? read = null)
    {
        var tier = new TracingTier(options);
        return RunOnce(file, programArgs, Trace(tier), _ => read?.Invoke(tier));
    }
}
