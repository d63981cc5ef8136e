using System.CommandLine;
using Lbbv.Tracing;

namespace Lbbv.Cli;

/// <summary>The tracing JIT's options of `lbbv run` (docs/TRACING.md).</summary>
public sealed class TraceCommandOptions
{
    private static readonly TraceOptions Defaults = new();

    public required Option<int> Threshold { get; init; }
    public required Option<int> Limit { get; init; }
    public required Option<int> MaxInlineDepth { get; init; }
    public required Option<int> BridgeThreshold { get; init; }
    public required Option<bool> DumpTraces { get; init; }
    public required Option<bool> PushInlinedFrames { get; init; }
    public required Option<bool> LoopRegisters { get; init; }

    public static TraceCommandOptions Create() => new()
    {
        Threshold = new Option<int>("--trace-threshold")
        {
            Description = "Trace: loop back-edges or function calls before recording (0 or 1 = at the first).",
            DefaultValueFactory = _ => Defaults.TraceThreshold,
        },
        Limit = new Option<int>("--trace-limit")
        {
            Description = "Trace: most ops a recording may have (inlined calls included) before it aborts.",
            DefaultValueFactory = _ => Defaults.TraceLimit,
        },
        MaxInlineDepth = new Option<int>("--max-inline-depth")
        {
            Description = "Trace: how deep calls are inlined into a trace (0 = no inlining).",
            DefaultValueFactory = _ => Defaults.MaxInlineDepth,
        },
        BridgeThreshold = new Option<int>("--bridge-threshold")
        {
            Description = "Trace: failures of a side exit before a bridge is recorded from it (1 = at the first).",
            DefaultValueFactory = _ => Defaults.BridgeThreshold,
        },
        DumpTraces = new Option<bool>("--dump-traces")
        {
            Description = "Trace: print each trace's IR before and after optimization, its guards, snapshots and failure counts, to stderr.",
        },
        PushInlinedFrames = new Option<bool>("--push-inlined-frames")
        {
            Description = "Trace: push the frame of every inlined call, leaf calls too "
                + "(no virtual frames; to measure them).",
        },
        LoopRegisters = new Option<bool>("--trace-loop-registers")
        {
            Description = "Trace: keep the int locals of simple loops in registers across the back edge "
                + "(off by default: it costs more at side exits than it saves; docs/JIT-CORE.md).",
        },
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Threshold);
        command.Options.Add(Limit);
        command.Options.Add(MaxInlineDepth);
        command.Options.Add(BridgeThreshold);
        command.Options.Add(DumpTraces);
        command.Options.Add(PushInlinedFrames);
        command.Options.Add(LoopRegisters);
    }

    public TraceOptions Read(ParseResult parsed, bool counting, bool dumpAsm, bool perfMap) => new()
    {
        TraceThreshold = Math.Max(0, parsed.GetValue(Threshold)),
        TraceLimit = Math.Max(1, parsed.GetValue(Limit)),
        MaxInlineDepth = Math.Max(0, parsed.GetValue(MaxInlineDepth)),
        BridgeThreshold = Math.Max(0, parsed.GetValue(BridgeThreshold)),
        CountInCode = counting || parsed.GetValue(DumpTraces),
        KeepListings = dumpAsm,
        WritePerfMap = perfMap,
        KeepIr = parsed.GetValue(DumpTraces),
        VirtualFrames = !parsed.GetValue(PushInlinedFrames),
        LoopRegisters = parsed.GetValue(LoopRegisters),
    };
}
