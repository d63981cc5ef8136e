// The exit policy while the ops of a leaf callee are lowered inside its caller's code (LBBV's
// inlined calls, CallOps.GenInlinedLeaf): every way off the inlined straight line — a failed
// guard, a declined fast path, a branch — finishes the call in the interpreter from there (the
// callee's frame pushed first) and continues the caller after the call, untyped. Nothing is
// deferred; the rest is the caller's policy.
using Lbbv.Backend.Emission;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Jit.Lowering;

internal sealed class InlinedBodyPolicy(
    IExitPolicy caller, Func<int, Operand> finishAt, Func<int> offset, Action<Operand> jump) : IExitPolicy
{
    public bool MaySpeculate => true;

    public bool MayDefer => false;

    public Operand GuardFailed(TypeContext context) => finishAt(offset());

    public Operand Declined(TypeContext context) => finishAt(offset());

    public Operand BranchTo(int target, TypeContext context) => finishAt(target);

    /// <summary>Not reached for the straight-line callees inlined; if it were, the inlined code ends
    /// with a jump to the exit that finishes the call at <paramref name="target"/>.</summary>
    public void ContinueAt(int target, TypeContext context)
    {
        jump(finishAt(target));
        Ended = true;
    }

    /// <summary>True once the lowering was told to continue somewhere (the inlined code ends there).</summary>
    public bool Ended { get; private set; }

    public JitCode? CodeOf(CodeRuntime callee) => caller.CodeOf(callee);

    public bool TypedListItems => caller.TypedListItems;

    public bool TryCalleeEntry(JitCode callee, ReadOnlySpan<AbstractType> argumentTypes, string kind,
        out IndirectSlot entry) => caller.TryCalleeEntry(callee, argumentTypes, kind, out entry);
}
