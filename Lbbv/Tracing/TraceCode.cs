// The tracing frontend's record of one code object: its loop headers (targets of backward jumps)
// and its function entry, each with its counter (back-edges, calls), the back-off of aborted
// recordings and the compiled trace.
using Lbbv.Backend.Emission;
using Lbbv.Bytecode;
using Lbbv.Jit;
using Lbbv.Runtime;

namespace Lbbv.Tracing;

public sealed class TraceCode : JitCode
{
    private readonly LoopHeader?[] _headers;

    public TraceCode(CodeRuntime code) : base(code)
    {
        Entry = new FunctionEntry(this);
        _headers = new LoopHeader?[Shape.Length];
        for (int k = 0; k < Shape.Length; k++)
        {
            int instr = InstrAt(k);
            if (OpcodeInfo.OpOf(instr) == Opcode.Jump && OpcodeInfo.ArgOf(instr) <= k)
                _headers[OpcodeInfo.ArgOf(instr)] ??= new LoopHeader(this, OpcodeInfo.ArgOf(instr));
        }
    }

    /// <summary>The loop header at <paramref name="offset"/> (a backward jump's target), or null.</summary>
    public LoopHeader? HeaderAt(int offset) => (uint)offset < (uint)_headers.Length ? _headers[offset] : null;

    /// <summary>Where calls of this code start: its function-entry trace, once the calls are hot.</summary>
    public FunctionEntry Entry { get; }

    public IEnumerable<LoopHeader> Headers => _headers.OfType<LoopHeader>();

    public string Name => Code.Code.QualName;
}

/// <summary>A place where the interpreter enters traces: how often it was reached (back-edges of a
/// loop header, calls of a function), when recording may be tried again after an abort (exponential
/// back-off), and its compiled trace.</summary>
public abstract class TraceAnchor(TraceCode code, int offset)
{
    public TraceCode Code { get; } = code;
    public int Offset { get; } = offset;
    /// <summary>Arrivals (back-edges or calls) counted toward the next recording attempt.</summary>
    public long Count;
    /// <summary>Arrivals needed before the next attempt (the threshold, doubled at each abort).</summary>
    public long NextAttemptAt = -1;
    public int Aborts;
    /// <summary>The trace entered here while it may be entered (null before it is compiled and after
    /// it was invalidated or discarded).</summary>
    public CompiledTrace? Trace;
}

/// <summary>One loop header (a backward jump's target), counting its back-edges.</summary>
public sealed class LoopHeader(TraceCode code, int offset) : TraceAnchor(code, offset)
{
    /// <summary>Body slots of discarded traces of this loop, linked to its current trace's entry
    /// (unlinked again when that trace is discarded).</summary>
    public List<IndirectSlot> RelinkedSlots { get; } = [];

    public override string ToString() => $"{Code.Name}@{Offset}";
}

/// <summary>A function's entry (offset 0), counting its calls: a hot function gets a trace from its
/// entry to its return or to the first loop header with a trace.</summary>
public sealed class FunctionEntry(TraceCode code) : TraceAnchor(code, 0)
{
    /// <summary>The slot through which traces call this function directly (allocated at the first
    /// such call site): linked to the entry trace while it is valid, else its stub leaves to the
    /// interpreter at the function's entry.</summary>
    public IndirectSlot? CallSlot;

    public override string ToString() => $"{Code.Name}:entry";
}
