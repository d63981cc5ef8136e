using Lbbv.Jit.Linking;

namespace Lbbv.Versioning;

/// <summary>Settings of the LBBV tier (`lbbv run --jit lbbv ...`).</summary>
public sealed record LbbvOptions
{
    /// <summary>Versions a block may have before new contexts get its generic version (YJIT: 4).
    /// 1 means every version is generic (versioning disabled).</summary>
    public int MaxVersions { get; init; } = 4;
    /// <summary>Calls of a function before it is compiled (YJIT: 30); 0 compiles at first execution.</summary>
    public int CallThreshold { get; init; } = 30;
    /// <summary>Back-edges of a loop before it is entered in machine code; 0 at first execution.</summary>
    public int LoopThreshold { get; init; } = 30;
    /// <summary>Return versioning: return sites report the type they prove and direct calls
    /// continue typed by it (docs/LBBV.md, "Return versioning").</summary>
    public bool ReturnVersioning { get; init; } = true;
    /// <summary>List element kinds: a guard on a list's element kind types the items loaded from it
    /// (docs/LBBV.md, "List element kinds").</summary>
    public bool ListElementKinds { get; init; } = true;
    /// <summary>Calls of small straight-line leaf functions with int or float arguments run the
    /// callee's ops inline, its frame pushed only when the inlined code leaves (docs/JIT-CORE.md).</summary>
    public bool InlineLeafCalls { get; init; } = true;
    /// <summary>Class knowledge in the type context: the classes known of locals' and stack entries'
    /// objects cross block edges and calls (docs/LBBV.md, "Class knowledge in the type context").</summary>
    public bool ClassContext { get; init; } = true;
    /// <summary>Count in generated code (versions executed, type tests, indirect jumps, bytecodes).</summary>
    public bool CountInCode { get; init; }
    /// <summary>Write /tmp/perf-PID.map lines for every published code range (--perf-map).</summary>
    public bool WritePerfMap { get; init; }
    /// <summary>Count the frame slot loads and stores machine code executes (`--count-frame-traffic`).</summary>
    public bool CountFrameTraffic { get; init; }
    /// <summary>Keep the int locals of simple loops in registers across block edges (`--no-loop-registers`
    /// turns it off; docs/JIT-CORE.md, "The register cache across block edges").</summary>
    public bool LoopRegisters { get; init; } = true;
    /// <summary>With <see cref="LoopRegisters"/>, keep the float locals of every loop that allows them in
    /// xmm12..xmm15 too (`--float-loop-registers`; off by default: docs/JIT-CORE.md, "Float locals across
    /// loop edges").</summary>
    public bool FloatLoopRegisters { get; init; }
    /// <summary>With <see cref="LoopRegisters"/>, keep the float locals of loops that call an inlined leaf in
    /// xmm12..xmm15 (on by default; `--no-float-loop-registers` turns it off: docs/JIT-CORE.md, "Float
    /// locals across leaf calls and item reads").</summary>
    public bool LeafLoopFloatRegisters { get; init; } = true;
    /// <summary>Keep listings for --dump-asm.</summary>
    public bool KeepListings { get; init; }
    /// <summary>Most versions compiled into one unit (a version plus the fall-through versions placed after it).</summary>
    public int MaxVersionsPerUnit { get; init; } = 32;
    /// <summary>With a non-zero call threshold, loop-free functions shorter than this are not entered at their call.</summary>
    public int MinEntryBytecodes { get; init; } = 64;
    /// <summary>How slots are linked (--link, --reemit-after; docs/LINKING.md).</summary>
    public LinkOptions Link { get; init; } = new();
    /// <summary>Hash every published range, so that tests can prove no published byte changed.</summary>
    public bool TrackPublishedHashes { get; init; }
}
