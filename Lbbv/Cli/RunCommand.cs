using System.CommandLine;
using Lbbv.Backend.Linking;
using Lbbv.Jit.Linking;
using Lbbv.Runtime;
using Lbbv.Tracing;
using Lbbv.Versioning;

namespace Lbbv.Cli;

/// <summary>`lbbv run [--jit off|lbbv|trace] [--max-versions N] [--call-threshold N] [--loop-threshold N]
/// [--link indirect|patch|reemit] [--reemit-after N] [--reemit-wait N] [--trace-threshold N] [--trace-limit N]
/// [--max-inline-depth N] [--bridge-threshold N] [--stats] [--stats-json PATH] [--dump-versions] [--dump-traces]
/// [--dump-asm] [--repeat N] FILE [ARGS...]`.</summary>
public static class RunCommand
{
    public const string DefaultEngine = "lbbv";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var jit = new Option<string>("--jit")
        {
            Description = "Execution engine: off (the interpreter), lbbv (lazy basic block versioning, the default) or trace (tracing JIT).",
            DefaultValueFactory = _ => DefaultEngine,
        };
        jit.AcceptOnlyFromAmong(EngineNames.All);
        var maxVersions = new Option<int>("--max-versions")
        {
            Description = "LBBV: versions per block before the generic version is used (1 = versioning disabled).",
            DefaultValueFactory = _ => 4,
        };
        var callThreshold = new Option<int>("--call-threshold")
        {
            Description = "LBBV: calls of a function before it is compiled (0 = at first execution).",
            DefaultValueFactory = _ => 30,
        };
        var loopThreshold = new Option<int>("--loop-threshold")
        {
            Description = "LBBV: loop back-edges before the loop is entered in machine code (0 = at first execution).",
            DefaultValueFactory = _ => 30,
        };
        var noReturnVersioning = new Option<bool>("--no-return-versioning")
        {
            Description = "LBBV: calls do not continue typed by their callee's return (docs/LBBV.md, \"Return versioning\").",
        };
        var noClassContext = new Option<bool>("--no-class-context")
        {
            Description = "LBBV: classes known of objects stay within a version "
                + "(docs/LBBV.md, \"Class knowledge in the type context\").",
        };
        var noListKinds = new Option<bool>("--no-list-kinds")
        {
            Description = "LBBV: list items are not typed by their list's element kind (docs/LBBV.md, \"List element kinds\").",
        };
        var noLeafInlining = new Option<bool>("--no-leaf-inlining")
        {
            Description = "LBBV: calls of small leaf functions are direct calls, not run inline "
                + "(docs/JIT-CORE.md, \"Virtual frames\").",
        };
        var link = CreateLinkOption();
        var reemitAfter = new Option<int>("--reemit-after")
        {
            Description = "JIT, --link reemit: uses of a resolved link before its unit is emitted again with a "
                + "direct jump.",
            DefaultValueFactory = _ => new LinkOptions().HotUses,
        };
        var reemitWait = new Option<int>("--reemit-wait")
        {
            Description = "JIT, --link reemit: uses of a batch of hot links, with no new hot link and nothing "
                + "compiled, before the batch is emitted again (0 = emit each hot link at once).",
            DefaultValueFactory = _ => new LinkOptions().BatchWaitUses,
        };
        var reclaimAfter = new Option<long>("--reclaim-after")
        {
            Description = "JIT, --link reemit: bytes of code superseded after which the next safe point retires "
                + "the replaced copies nothing can reach (0 = never).",
            DefaultValueFactory = _ => new LinkOptions().ReclaimAfterBytes,
        };
        var trace = TraceCommandOptions.Create();
        var stats = new Option<bool>("--stats") { Description = "Print engine statistics to stderr after the run." };
        var statsJson = new Option<string?>("--stats-json") { Description = "Write engine statistics as JSON to PATH." };
        var dumpVersions = new Option<bool>("--dump-versions") { Description = "LBBV: print every block's versions, contexts and execution counts to stderr." };
        var dumpAsm = new Option<bool>("--dump-asm") { Description = "JIT: print the machine code of every version, trace and bridge to stderr." };
        var noLoopRegisters = new Option<bool>("--no-loop-registers")
        {
            Description = "JIT: keep no int local in a register across block edges (docs/JIT-CORE.md, "
                + "\"The register cache across block edges\").",
        };
        var floatLoopRegisters = new Option<bool>("--float-loop-registers")
        {
            Description = "JIT: keep the float locals of simple loops in xmm12-xmm15 across block edges too "
                + "(those of loops that call an inlined leaf are by default; docs/JIT-CORE.md, \"Float locals "
                + "across loop edges\").",
        };
        var noFloatLoopRegisters = new Option<bool>("--no-float-loop-registers")
        {
            Description = "JIT: keep no float local in a register across block edges (not even in loops "
                + "that call an inlined leaf).",
        };
        var frameTraffic = new Option<bool>("--count-frame-traffic")
        {
            Description = "JIT: count the frame slot loads and stores machine code executes (--stats: "
                + "*_regcache_frame_loads_executed, *_regcache_frame_stores_executed; slows the code).",
        };
        var perfMap = new Option<bool>("--perf-map") { Description = "JIT: write /tmp/perf-<pid>.map so `perf report` names JIT code." };
        var repeat = RepeatedRuns.CreateOption();
        var file = new Argument<string>("FILE") { Description = "The Python program to run." };
        var programArgs = new Argument<string[]>("ARGS")
        {
            Description = "Arguments passed to the program as sys.argv[1:].",
            Arity = ArgumentArity.ZeroOrMore,
        };

        var command = new Command("run", "Run a Python program.")
        {
            jit, maxVersions, callThreshold, loopThreshold, noReturnVersioning, noListKinds, noLeafInlining, link,
            reemitAfter, reemitWait, reclaimAfter, noClassContext,
            stats, statsJson, dumpVersions, dumpAsm, frameTraffic, noLoopRegisters, perfMap, repeat, file, programArgs,
        };
        command.Options.Add(floatLoopRegisters);
        command.Options.Add(noFloatLoopRegisters);
        trace.AddTo(command);
        command.SetAction(parsed =>
        {
            var linkOptions = new LinkOptions
            {
                Mode = parsed.GetValue(link),
                HotUses = Math.Max(1, parsed.GetValue(reemitAfter)),
                ReclaimAfterBytes = Math.Max(0, parsed.GetValue(reclaimAfter)),
                BatchWaitUses = Math.Max(0, parsed.GetValue(reemitWait)),
            };
            var settings = new RunSettings(
                EngineNames.Parse(parsed.GetValue(jit)!),
                new LbbvOptions
                {
                    MaxVersions = Math.Max(1, parsed.GetValue(maxVersions)),
                    CallThreshold = Math.Max(0, parsed.GetValue(callThreshold)),
                    LoopThreshold = Math.Max(0, parsed.GetValue(loopThreshold)),
                    ReturnVersioning = !parsed.GetValue(noReturnVersioning),
                    ListElementKinds = !parsed.GetValue(noListKinds),
                    InlineLeafCalls = !parsed.GetValue(noLeafInlining),
                    ClassContext = !parsed.GetValue(noClassContext),
                    CountInCode = parsed.GetValue(stats) || parsed.GetValue(statsJson) != null || parsed.GetValue(dumpVersions),
                    KeepListings = parsed.GetValue(dumpAsm),
                    WritePerfMap = parsed.GetValue(perfMap),
                    CountFrameTraffic = parsed.GetValue(frameTraffic),
                    LoopRegisters = !parsed.GetValue(noLoopRegisters),
                    FloatLoopRegisters = parsed.GetValue(floatLoopRegisters) && !parsed.GetValue(noFloatLoopRegisters),
                    LeafLoopFloatRegisters = !parsed.GetValue(noFloatLoopRegisters),
                    Link = linkOptions,
                },
                parsed.GetValue(stats), parsed.GetValue(statsJson), parsed.GetValue(dumpVersions), parsed.GetValue(dumpAsm))
            {
                Trace = trace.Read(parsed, counting: parsed.GetValue(stats) || parsed.GetValue(statsJson) != null,
                    dumpAsm: parsed.GetValue(dumpAsm), perfMap: parsed.GetValue(perfMap))
                    with
                    {
                        Link = linkOptions, CountFrameTraffic = parsed.GetValue(frameTraffic),
                        LoopRegisters = parsed.GetValue(trace.LoopRegisters) && !parsed.GetValue(noLoopRegisters),
                        FloatLoopRegisters = parsed.GetValue(floatLoopRegisters)
                            && !parsed.GetValue(noFloatLoopRegisters) && !parsed.GetValue(noLoopRegisters),
                        LeafLoopFloatRegisters =
                            !parsed.GetValue(noFloatLoopRegisters) && !parsed.GetValue(noLoopRegisters),
                    },
                DumpTraces = parsed.GetValue(trace.DumpTraces),
            };
            return RepeatedRuns.Execute(parsed.GetValue(repeat), parsed.GetValue(file)!,
                () => Execute(settings, parsed.GetValue(file)!, parsed.GetValue(programArgs) ?? [], stdout, stderr), stderr);
        });
        return command;
    }

    /// <summary>`--link indirect|patch|reemit` (docs/LINKING.md).</summary>
    public static Option<LinkMode> CreateLinkOption()
    {
        var link = new Option<LinkMode>("--link")
        {
            Description = "JIT: how a jump to code compiled later is linked: indirect (through a slot, the default), "
                + "patch (rewritten in place into a direct jump) or reemit (its unit emitted again with direct "
                + "jumps; code never modified).",
            DefaultValueFactory = _ => LinkMode.Indirect,
            // AcceptOnlyFromAmong (below) has refused any other name before this runs.
            CustomParser = result => LinkModes.TryParse(result.Tokens[0].Value, out var mode)
                ? mode : LinkMode.Indirect,
        };
        link.AcceptOnlyFromAmong(LinkModes.Names);
        return link;
    }

    public sealed record RunSettings(Engine Engine, LbbvOptions Lbbv, bool Stats, string? StatsJson, bool DumpVersions, bool DumpAsm)
    {
        public TraceOptions Trace { get; init; } = new();
        public bool DumpTraces { get; init; }
    }

    public static int Execute(RunSettings settings, string file, string[] programArgs, TextWriter stdout, TextWriter stderr)
    {
        bool collect = settings.Stats || settings.StatsJson != null;
        var vm = new Vm(new VmOptions { Stdout = stdout, Stderr = stderr, CollectStats = collect });
        LbbvTier? tier = settings.Engine == Engine.Lbbv ? new LbbvTier(settings.Lbbv) : null;
        TracingTier? tracer = settings.Engine == Engine.Trace
            ? new TracingTier(settings.Trace with { KeepIr = settings.Trace.KeepIr || settings.DumpTraces })
            : null;
        int status;
        try
        {
            tier?.Install();
            tracer?.Install();
            status = vm.RunFile(file, programArgs);
        }
        finally
        {
            tier?.Uninstall();
            tracer?.Uninstall();
        }
        try
        {
            if (tier != null && settings.DumpVersions) VersionDump.Write(tier, stderr);
            if (tier != null && settings.DumpAsm) stderr.Write(tier.Backend.DisassembleAll());
            if (tracer != null && settings.DumpTraces) TraceDump.Write(tracer, stderr);
            if (tracer != null && settings.DumpAsm && tracer.Traces.Count > 0) stderr.Write(tracer.Backend.DisassembleAll());
            if (collect)
            {
                var counters = StatisticsReport.Collect(settings.Engine, vm.Statistics, tier, tracer);
                if (settings.Stats) StatisticsReport.WriteText(counters, stderr);
                if (settings.StatsJson != null) StatisticsReport.WriteJson(counters, settings.StatsJson);
            }
        }
        finally
        {
            tier?.Dispose();
            tracer?.Dispose();
        }
        return status;
    }
}
