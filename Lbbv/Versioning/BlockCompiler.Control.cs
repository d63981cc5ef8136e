// Gen<Op> for control flow: conditional branches (truthiness, None tests) and jumps (for loops: BlockCompiler.Iteration.cs).
using Lbbv.Backend.Emission;
using Lbbv.Bytecode;
using Lbbv.Jit;
using Lbbv.Types;

namespace Lbbv.Versioning;

internal sealed unsafe partial class BlockCompiler
{
    private bool GenJump(int target)
    {
        OpDone();
        FlushOps();
        FallThrough(target, _ctx);
        return false;
    }

    private bool GenPopJumpIf(int target, bool jumpIfTrue)
    {
        int top = Top();
        // An untyped condition whose value the compiler cannot see: compile the test when it is
        // reached (the live value then picks the guard) rather than guess bool and chain.
        if (!IsLeaf(TypeOf(top)) && Peek(top) is null && ShouldDefer()) return Defer();
        var t = Speculate(top, AbstractType.Bool, out bool guard);
        FlushOps();
        if (t is AbstractType.None)
        {
            // Falsy: known None, or speculated from the live value behind a None guard (any other
            // value chains to a version that tests it).
            if (guard) Guard(top, AbstractType.None, ChainTarget(_ctx));
            Pop();
            OpDone();
            FallThrough(jumpIfTrue ? _k : target, _ctx);
            return false;
        }
        if (t is AbstractType.Bool or AbstractType.Int)
        {
            if (guard) Guard(top, t, ChainTarget(_ctx));
        }
        else
        {
            // Anything else: the interpreter's truth test turns it into a bool in place.
            CallHelper(OpHelpers.ToBoolAddress);
        }
        var condition = In(top);
        Pop();
        OpDone();
        FlushOps();
        var taken = BranchTarget(target, _ctx);
        _unit.Emit(jumpIfTrue ? _s.Compare.BranchIfNonZero : _s.Compare.BranchIfZero, condition, taken);
        FallThrough(_k, _ctx);
        return false;
    }

    private bool GenPopJumpIfNone(int target, bool jumpIfNone)
    {
        int top = Top();
        var known = TypeOf(top);
        FlushOps();
        Pop();
        OpDone();
        if (known == AbstractType.None || (known != AbstractType.Unknown && !AbstractType.None.IsSubtypeOf(known)))
        {
            bool isNone = known == AbstractType.None;
            FallThrough(isNone == jumpIfNone ? target : _k, _ctx);
            return false;
        }
        CountTypeTest();
        var taken = BranchTarget(target, _ctx);
        if (jumpIfNone)
        {
            var notNone = _unit.NewLabel();
            _unit.Emit(_s.Guards.None, Operand.Slot(top), notNone);
            _unit.Emit(_s.Control.Jump, taken);
            _unit.Bind(notNone);
        }
        else
        {
            _unit.Emit(_s.Guards.None, Operand.Slot(top), taken);
        }
        FallThrough(_k, _ctx);
        return false;
    }

    private bool GenJumpIfOrPop(int target, bool jumpIfTrue)
    {
        int top = Top();
        var t = Speculate(top, AbstractType.Bool, out bool guard);
        if (t is not (AbstractType.Bool or AbstractType.Int)) return ExitHere(ExitReason.Unsupported);
        FlushOps();
        if (guard) Guard(top, t, ChainTarget(_ctx));
        OpDone();
        FlushOps();
        // Taken: the value stays on the stack; fall-through: it is popped.
        var taken = BranchTarget(target, _ctx);
        _unit.Emit(jumpIfTrue ? _s.Compare.BranchIfNonZero : _s.Compare.BranchIfZero, Operand.Slot(top), taken);
        Pop();
        FallThrough(_k, _ctx);
        return false;
    }

    private bool GenReturnValueUnused() => false;
}
