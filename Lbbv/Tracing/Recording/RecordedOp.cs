using Lbbv.Bytecode;
using Lbbv.Runtime;

namespace Lbbv.Tracing.Recording;

/// <summary>How a recorded call is compiled.</summary>
public enum CallKind : byte
{
    /// <summary>Not a call.</summary>
    None,
    /// <summary>A Python function the recording followed: its ops are recorded after the call and
    /// the trace runs them inline (in the callee's own frame).</summary>
    Inlined,
    /// <summary>Any other call: the trace calls it as the interpreter would.</summary>
    Residual,
}

/// <summary>One op the interpreter executed while recording, with what it observed: the operand
/// stack as the op found it (operand tags, classes, call targets, iterators).</summary>
public sealed class RecordedOp
{
    public required TraceCode Code { get; init; }
    public required int Offset { get; init; }
    public required Opcode Op { get; init; }
    public required int Arg { get; init; }
    /// <summary>0 in the frame the recording started in; n inside the n-th inlined call.</summary>
    public required int Depth { get; init; }
    /// <summary>The operand stack (bottom first) before the op ran.</summary>
    public required Value[] Stack { get; init; }
    public CallKind Call { get; set; }

    public override string ToString() => $"{Code.Name}@{Offset} {Op} {Arg}";
}
