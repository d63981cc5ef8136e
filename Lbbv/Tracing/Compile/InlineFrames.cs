// The calls a trace runs inline while it is lowered: entering one pushes the callee's real frame
// (as a direct call does, without the call) and lowers on in it; its ReturnValue pops it. A leaf
// callee's frame is virtual: not pushed, and pushed on the way out of any exit inside it (or
// before a helper call). Side exits inside inlined code name these frames in their snapshots; the
// frames are real when the exit leaves, so the interpreter finishes them as it finishes a direct
// call's frame (TraceExits).
using Lbbv.Jit;
using Lbbv.Jit.Lowering;
using Lbbv.Runtime;
using Lbbv.Tracing.Ir;

namespace Lbbv.Tracing.Compile;

internal sealed class InlineFrames(TracingTier tier, Lowerer lowerer)
{
    private readonly List<InlinedCall> _calls = [];

    public int Depth => _calls.Count;

    public void Reset(TraceCode root) => _calls.Clear();

    /// <summary>Lowers the inlined call <paramref name="call"/> (the lowering is at its offset, its
    /// operands observed); false when the callee cannot be compiled.</summary>
    /// <remarks>A <paramref name="leaf"/> call's frame is not pushed (CallOps.GenInlinedCall).</remarks>
    public bool Enter(TraceOp call, bool leaf)
    {
        var stack = call.Stack;
        int argc = call.Arg;
        Value callable;
        ReadOnlySpan<Value> arguments;
        if (call.Op == Bytecode.Opcode.Call)
        {
            callable = stack[^(argc + 1)];
            arguments = stack.AsSpan(stack.Length - argc);
        }
        else
        {
            callable = stack[^(argc + 2)];
            arguments = stack.AsSpan(stack.Length - argc - 1);
        }
        if (!callable.Is(ObjectKind.Function) || tier.CodeOf(Functions.Data(callable).Code) is not { } callee) return false;
        _calls.Add(lowerer.EnterInlinedCall(callee, callable, arguments, leaf));
        return true;
    }

    public void Return(TraceOp returnOp)
    {
        var call = _calls[^1];
        _calls.RemoveAt(_calls.Count - 1);
        lowerer.ReturnFromInlinedCall(call);
    }

    /// <summary>The inlined frames around the code being lowered (outermost first), for a snapshot.</summary>
    public InlinedFrame[] Snapshot() =>
        _calls.Count == 0 ? [] : _calls.Select(c => new InlinedFrame((TraceCode)c.Code, c.Offset)).ToArray();
}
