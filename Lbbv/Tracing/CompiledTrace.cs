using Lbbv.Backend.Emission;
using Lbbv.Tracing.Ir;

namespace Lbbv.Tracing;

/// <summary>A trace or a bridge as published machine code.</summary>
public sealed class CompiledTrace
{
    public required int Id { get; init; }
    public required Trace Ir { get; init; }
    /// <summary>The exit a bridge leaves from (null for a loop trace).</summary>
    public SideExit? FromExit { get; init; }
    public bool IsBridge => FromExit != null;
    /// <summary>A trace entered at its function's entry (not a loop trace, not a bridge).</summary>
    public bool IsEntry => Ir.Function != null;
    public nint Entry { get; set; }
    public string UnitName { get; set; } = "";
    public int CodeBytes { get; set; }
    public List<SideExit> Exits { get; } = [];
    /// <summary>The IR as recorded (before the passes), kept for --dump-traces.</summary>
    public List<TraceOp>? Unoptimized { get; init; }
    /// <summary>The class version the trace was compiled under, and whether its code checks it.</summary>
    public long ClassVersion { get; init; }
    public bool ChecksClassVersion { get; set; }
    public bool Invalidated { get; set; }
    /// <summary>Machine-code entries of this trace from the interpreter (loop and entry traces).</summary>
    public long Entries;
    public ExitCounter? TypeTests { get; init; }
    /// <summary>A peeled loop trace: the slot through which bridges enter its body (unlinked when the
    /// trace is no longer entered), and what the body assumes of the frame there.</summary>
    public IndirectSlot? BodySlot { get; set; }
    /// <summary>A loop trace: the slot through which bridges compiled while it is the loop's trace enter
    /// it (linked once, unlinked when the trace is no longer entered, so that --link reemit may make
    /// jumps through it direct; the header's entry slot is re-pointed from trace to trace).</summary>
    public IndirectSlot? EntrySlot { get; set; }
    public Types.AbstractType[]? BodyAssumes { get; set; }
    public bool BodyAssumesVersionChecked { get; set; }
    /// <summary>The body's inlined leaf calls assume the frame's depth was checked under the recursion
    /// limit (AbstractFrame.LeafDepthChecked): only a frame that knows it jumps to the body.</summary>
    public bool BodyAssumesLeafDepthChecked { get; set; }
    /// <summary>The iterator kinds the body assumes its loop's stack entries hold (Lowering.ProvenIterators,
    /// proved by the preamble): only a frame that proves them jumps to the body.</summary>
    public ulong BodyIterators { get; set; }
    public int GuardsEmitted { get; set; }

    public string Name => IsBridge ? $"bridge {Id}" : IsEntry ? $"entry trace {Id}" : $"trace {Id}";
}
