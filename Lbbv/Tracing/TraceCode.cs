// The tracing frontend's record of one code object: its loop headers (targets of backward jumps)
// and, for each, the back-edge counter, the back-off of aborted recordings and the compiled trace.
using Lbbv.Bytecode;
using Lbbv.Jit;
using Lbbv.Runtime;

namespace Lbbv.Tracing;

public sealed class TraceCode : JitCode
{
    private readonly LoopHeader?[] _headers;

    public TraceCode(CodeRuntime code) : base(code)
    {
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

    public IEnumerable<LoopHeader> Headers => _headers.OfType<LoopHeader>();

    public string Name => Code.Code.QualName;
}

/// <summary>One loop header: how often its back-edge was taken, when recording may be tried again
/// after an abort (exponential back-off), and its compiled trace.</summary>
public sealed class LoopHeader(TraceCode code, int offset)
{
    public TraceCode Code { get; } = code;
    public int Offset { get; } = offset;
    /// <summary>Back-edges counted toward the next recording attempt.</summary>
    public long BackEdges;
    /// <summary>Back-edges needed before the next attempt (the threshold, doubled at each abort).</summary>
    public long NextAttemptAt = -1;
    public int Aborts;
    /// <summary>The loop's trace while it may be entered (null before it is compiled and after it
    /// was invalidated).</summary>
    public CompiledTrace? Trace;

    public override string ToString() => $"{Code.Name}@{Offset}";
}
