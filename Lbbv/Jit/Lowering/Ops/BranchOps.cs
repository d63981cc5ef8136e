// Gen<Op> for control flow: conditional branches (truthiness, None tests) and jumps. Where each
// side leads is the exit policy's: LBBV branches to versions of the successor blocks (the
// fall-through one placed inline); a tracer guards the recorded direction and goes on.
using Lbbv.Backend.Emission;
using Lbbv.Jit.Frames;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Jit.Lowering.Ops;

internal sealed class BranchOps(Lowerer lowerer) : OpFamily(lowerer)
{
    public bool GenJump(int target)
    {
        OpDone();
        FlushOps();
        Policy.ContinueAt(target, Frame.Context);
        return false;
    }

    /// <summary>Where a taken branch to <paramref name="target"/> jumps (the policy's
    /// <see cref="IExitPolicy.BranchTo"/>). Stack entries still pending (copies of locals, constants:
    /// a chained comparison's left operand, the bool a JumpIfFalseOrPop leaves) are written on the
    /// taken path only, out of line, so the fall-through pays nothing for them: the policy sees them
    /// as written, which they are wherever its code is reached from.</summary>
    public Operand BranchTarget(int target)
    {
        // The taken side starts with the stack exact (cached locals: the policy's BranchTo).
        Frame.SpillStackRegisters(SpillReason.Frame);
        if (!Frame.HasPendingStack()) return Policy.BranchTo(target, Frame.Context);
        var saved = Frame.Save(keepCachedLocals: true); // the fall-through resumes it, registers intact
        Operand taken = default;
        var writes = Emit.ColdPath(() => Unit.Emit(S.Control.Jump, taken));
        Frame.AssumeWritten();
        taken = Policy.BranchTo(target, Frame.Context);
        Frame.Restore(saved);
        return Operand.To(writes);
    }

    public bool GenPopJumpIf(int target, bool jumpIfTrue)
    {
        int top = Top();
        if (Frame[top].PendingConstant is { Tag: Tag.Bool or Tag.Int or Tag.None } constant)
        {
            // A constant condition (the False a chained comparison's failed test leaves): no test.
            FlushOps();
            Frame.Pop();
            OpDone();
            Policy.ContinueAt((constant.Payload != 0) == jumpIfTrue ? target : K, Frame.Context);
            return false;
        }
        // An int that may be big and copies no local: nothing a guard would teach outlives the pop.
        bool integer = TypeOf(top) == AbstractType.Integer;
        if (integer && Frame[top].Alias < 0) return GenIntegerTruth(top, target, jumpIfTrue);
        // An untyped condition whose value the compiler cannot see: compile the test when it is
        // reached (the live value then picks the guard) rather than guess bool and chain.
        if (!Speculation.IsLeaf(TypeOf(top)) && Speculation.Peek(top) is null && Speculation.ShouldDefer()) return Speculation.Defer();
        var t = Speculation.Speculate(top, AbstractType.Bool, out bool guard);
        // A local's Integer seen big, or not speculated on: the tag test, not the helper.
        if (integer && t != AbstractType.Int) return GenIntegerTruth(top, target, jumpIfTrue);
        // A big int now, where nothing is speculated (a version compiled over big values): "int or big
        // int", then the inline truth test, so later small values stay in machine code too.
        if (t == AbstractType.Unknown && Ops.Integers.GuardSeenBig(top))
            return GenIntegerTruth(top, target, jumpIfTrue);
        FlushOps();
        if (t is AbstractType.None)
        {
            // Falsy: known None, or speculated from the live value behind a None guard (any other
            // value chains to code that tests it).
            if (guard) Guards.Guard(top, AbstractType.None, Guards.Failure());
            Frame.Pop();
            OpDone();
            Policy.ContinueAt(jumpIfTrue ? K : target, Frame.Context);
            return false;
        }
        if (t is AbstractType.Bool or AbstractType.Int)
        {
            if (guard) Guards.Guard(top, t, Guards.Failure());
        }
        else
        {
            // Anything else: the interpreter's truth test turns it into a bool in place.
            Emit.CallHelper(OpHelpers.ToBoolAddress);
        }
        var condition = In(top);
        Frame.Pop();
        OpDone();
        FlushOps();
        var taken = BranchTarget(target);
        Unit.Emit(jumpIfTrue ? S.Compare.BranchIfNonZero : S.Compare.BranchIfZero, condition, taken);
        Policy.ContinueAt(K, Frame.Context);
        return false;
    }

    /// <summary>The truth test of an int that may be big (<see cref="AbstractType.Integer"/>), inline:
    /// an int64 is true when non-zero; a big int always is, since the runtime keeps every value that
    /// fits in int64 (0 among them) tagged Int (<c>Ints.FromBig</c>).</summary>
    private bool GenIntegerTruth(int top, int target, bool jumpIfTrue)
    {
        FlushOps();
        var condition = In(top);
        Frame.Pop();
        OpDone();
        FlushOps();
        var taken = BranchTarget(target);
        BranchOnIntegerTruth(condition, taken, jumpIfTrue);
        Policy.ContinueAt(K, Frame.Context);
        return false;
    }

    public bool GenPopJumpIfNone(int target, bool jumpIfNone)
    {
        int top = Top();
        var known = TypeOf(top);
        var value = In(top);
        FlushOps();
        Frame.Pop();
        OpDone();
        if (known == AbstractType.None || (known != AbstractType.Unknown && !AbstractType.None.IsSubtypeOf(known)))
        {
            bool isNone = known == AbstractType.None;
            Policy.ContinueAt(isNone == jumpIfNone ? target : K, Frame.Context);
            return false;
        }
        Emit.CountTypeTest();
        var taken = BranchTarget(target);
        if (jumpIfNone)
        {
            var notNone = Unit.NewLabel();
            Unit.Emit(S.Guards.None, value, notNone);
            Unit.Emit(S.Control.Jump, taken);
            Unit.Bind(notNone);
        }
        else
        {
            Unit.Emit(S.Guards.None, value, taken);
        }
        Policy.ContinueAt(K, Frame.Context);
        return false;
    }

    public bool GenJumpIfOrPop(int target, bool jumpIfTrue)
    {
        int top = Top();
        // An int that may be big: the inline truth test of GenIntegerTruth, the value kept on the taken side.
        if (TypeOf(top) == AbstractType.Integer || Ops.Integers.GuardSeenBig(top))
            return GenIntegerJumpOrPop(top, target, jumpIfTrue);
        var t = Speculation.Speculate(top, AbstractType.Bool, out bool guard);
        if (t is not (AbstractType.Bool or AbstractType.Int)) return Emit.ExitHere(ExitReason.Unsupported);
        FlushOps();
        if (guard) Guards.Guard(top, t, Guards.Failure());
        OpDone();
        FlushOps();
        // Taken: the value stays on the stack; fall-through: it is popped.
        var taken = BranchTarget(target);
        Unit.Emit(jumpIfTrue ? S.Compare.BranchIfNonZero : S.Compare.BranchIfZero, In(top), taken);
        Frame.Pop();
        Policy.ContinueAt(K, Frame.Context);
        return false;
    }

    /// <summary>`x or y` / `x and y` on an int that may be big (until this, an exit to the
    /// interpreter): a big int is true, an int64 is true when non-zero. Taken, the value stays on the
    /// stack; falling through, it is popped.</summary>
    private bool GenIntegerJumpOrPop(int top, int target, bool jumpIfTrue)
    {
        FlushOps();
        OpDone();
        FlushOps();
        var taken = BranchTarget(target);
        var condition = In(top);
        BranchOnIntegerTruth(condition, taken, jumpIfTrue);
        Frame.Pop();
        Policy.ContinueAt(K, Frame.Context);
        return false;
    }

    /// <summary>Jumps to <paramref name="taken"/> when the Integer in <paramref name="condition"/> is
    /// true (<paramref name="jumpIfTrue"/>) or false: a big int (tag not Int) is true.</summary>
    private void BranchOnIntegerTruth(Operand condition, Operand taken, bool jumpIfTrue)
    {
        Emit.CountTypeTest();
        if (jumpIfTrue)
        {
            Unit.Emit(S.Guards.Int, condition, taken); // big: true
            Unit.Emit(S.Compare.BranchIfNonZero, condition, taken);
        }
        else
        {
            var big = Unit.NewLabel();
            Unit.Emit(S.Guards.Int, condition, big); // big: true, falls through
            Unit.Emit(S.Compare.BranchIfZero, condition, taken);
            Unit.Bind(big);
        }
    }
}
