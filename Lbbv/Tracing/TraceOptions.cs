namespace Lbbv.Tracing;

/// <summary>Settings of the tracing tier (`lbbv run --jit trace ...`).</summary>
public sealed record TraceOptions
{
    /// <summary>Back-edges to a loop header before its loop is recorded; 0 and 1 record at the
    /// first back-edge (the stress setting).</summary>
    public int TraceThreshold { get; init; } = 30;
    /// <summary>Record hot functions from their entry (calls counted like back-edges, same threshold),
    /// so that calls from the interpreter and from residual calls in traces run in machine code.</summary>
    public bool TraceFunctionEntries { get; init; } = true;
    /// <summary>A trace's residual call of a plain Python function enters the callee's entry trace
    /// directly, machine code to machine code (with entry traces on).</summary>
    public bool DirectCalls { get; init; } = true;
    /// <summary>Most recorded ops in one trace (inlined calls' ops included) before it aborts.</summary>
    public int TraceLimit { get; init; } = 2000;
    /// <summary>How deep calls are inlined into a trace (0: no inlining; calls run through the
    /// interpreter's call).</summary>
    public int MaxInlineDepth { get; init; } = 4;
    /// <summary>An inlined call of a leaf function (one that calls nothing) does not push its frame:
    /// the frame is pushed only where code needs it (an exit, a helper call; docs/TRACING.md).</summary>
    public bool VirtualFrames { get; init; } = true;
    /// <summary>Failures of a side exit before a bridge is recorded from it (1: at the first).</summary>
    public int BridgeThreshold { get; init; } = 20;
    /// <summary>Count in generated code (type tests, indirect jumps, bytecodes, exits per guard).</summary>
    public bool CountInCode { get; init; }
    /// <summary>Keep listings for --dump-asm.</summary>
    public bool KeepListings { get; init; }
    /// <summary>Write /tmp/perf-PID.map lines for every published trace and bridge (--perf-map).</summary>
    public bool WritePerfMap { get; init; }
    /// <summary>Count the frame slot loads and stores machine code executes (`--count-frame-traffic`).</summary>
    public bool CountFrameTraffic { get; init; }
    /// <summary>Keep the int locals of simple loops in registers across the loop's back edge
    /// (`--trace-loop-registers`; off by default: the write-backs at side exits and bridges cost more
    /// than the loop saves, docs/JIT-CORE.md, "The register cache across block edges").</summary>
    public bool LoopRegisters { get; init; }
    /// <summary>Keep the body's float locals in xmm12..xmm15, also without <see cref="LoopRegisters"/>
    /// (`--float-loop-registers`).</summary>
    public bool FloatLoopRegisters { get; init; }
    /// <summary>Keep the float locals of a body that calls an inlined leaf in xmm12..xmm15 (on by default;
    /// `--no-float-loop-registers` turns it off).</summary>
    public bool LeafLoopFloatRegisters { get; init; } = true;
    /// <summary>Keep each trace's IR before and after optimization for --dump-traces.</summary>
    public bool KeepIr { get; init; }
    /// <summary>Run the optimization passes (off only to measure what they do).</summary>
    public bool Optimize { get; init; } = true;

    /// <summary>How exits, bridges and loop entries are linked (`--link`, docs/LINKING.md).</summary>
    public Jit.Linking.LinkOptions Link { get; init; } = new();
    /// <summary>Hash every published range, so that tests can check no published byte changed.</summary>
    public bool TrackPublishedHashes { get; init; }

    /// <summary>The threshold as a count: at least one back-edge.</summary>
    public int EffectiveTraceThreshold => Math.Max(1, TraceThreshold);
    public int EffectiveBridgeThreshold => Math.Max(1, BridgeThreshold);
}
