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

    /// <summary>Whether the trace's own frame is one pushed with its room checked (see
    /// <see cref="RootPushedChecked"/>): a leaf called from it may go in the frame stack's reserve.</summary>
    private bool _rootChecked;

    public void Reset(TraceCode root, SideExit? fromExit = null)
    {
        _calls.Clear();
        _rootChecked = !root.Code.IsGenerator && RootPushedChecked(fromExit);
    }

    /// <summary>A trace starts in a frame pushed with its room checked unless it is a bridge from an exit
    /// inside an inlined call (its frame may be a virtual frame pushed on the way out, in the reserve)
    /// or from a trace that is; a generator's frame is outside the frame stack (the frame stack's top
    /// is then whatever its resumer left). A loop trace's frame is never one pushed in the reserve: only
    /// callees without loops go there (CallOps.GenInlinedCall).</summary>
    private static bool RootPushedChecked(SideExit? fromExit)
    {
        for (var exit = fromExit; exit is not null; exit = exit.Owner.FromExit)
            if (exit.Snapshot.Frames.Length > 0 || exit.Snapshot.Code.Code.IsGenerator) return false;
        return true;
    }

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
        // At the trace's own frame (pushed with its room checked), a leaf's frame fits the reserve.
        _calls.Add(lowerer.EnterInlinedCall(callee, callable, arguments, leaf,
            callerChecked: _rootChecked && _calls.Count == 0));
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
