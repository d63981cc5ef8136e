// Gen<Op> for comparisons of ints and floats: fused with the conditional branch that follows (no
// bool is materialized), or stored as a bool.
using Lbbv.Backend.Emission;
using Lbbv.Backend.Stencils;
using Lbbv.Backend.Stencils.Families;
using Lbbv.Bytecode;
using Lbbv.Jit.Frames;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Jit.Lowering.Ops;

internal sealed class CompareOps(Lowerer lowerer) : OpFamily(lowerer)
{
    private static Comparison ComparisonOf(int arg) => arg switch
    {
        Compare.Eq => Comparison.Equal,
        Compare.Ne => Comparison.NotEqual,
        Compare.Lt => Comparison.Less,
        Compare.Le => Comparison.LessOrEqual,
        Compare.Gt => Comparison.Greater,
        _ => Comparison.GreaterOrEqual,
    };

    private static Comparison Negate(Comparison c) => c switch
    {
        Comparison.Less => Comparison.GreaterOrEqual,
        Comparison.LessOrEqual => Comparison.Greater,
        Comparison.Equal => Comparison.NotEqual,
        Comparison.NotEqual => Comparison.Equal,
        Comparison.Greater => Comparison.LessOrEqual,
        _ => Comparison.Less,
    };

    public bool GenCompareOp(int arg)
    {
        // Ints, one of them big now: the int64 compare inline, the big one out of line.
        if (Ops.Integers.TrySpeculateIntegers())
            return Ops.Integers.GenIntegerCompare(arg, S.Compare.IntValue(ComparisonOf(arg)));
        var pair = Ops.Arithmetic.SpeculateNumbers(allowMixed: false, out bool defer);
        if (pair == NumericPair.None)
        {
            if (defer) return Speculation.Defer();
            if (TryGenStrCompare(arg)) return true;
            Frame.SpillRegisters(SpillReason.Op); // the runtime's comparison reads the frame
            return Ops.Generic.GenHelperOp(OpHelpers.RichCompareAddress, 2, AbstractType.Bound, arg);
        }
        int a = Top(1), b = Top(0);
        var c = ComparisonOf(arg);
        bool isInt = pair == NumericPair.IntInt;
        int next = K + 1;
        var nextOp = next < Shape.Length ? OpcodeInfo.OpOf(L.Code.InstrAt(next)) : Opcode.Nop;
        if (!Shape.IsBlockStart(next) && nextOp is Opcode.PopJumpIfFalse or Opcode.PopJumpIfTrue)
            return GenCompareAndBranch(c, isInt, OpcodeInfo.ArgOf(L.Code.InstrAt(next)),
                nextOp == Opcode.PopJumpIfTrue, leavesBool: false);
        // `Jump T` to a PopJumpIf (a chained comparison's last test): a branch to T's targets.
        if (!Shape.IsBlockStart(next) && nextOp is Opcode.Jump && Policy.MayThreadJumps
            && OpcodeInfo.ArgOf(L.Code.InstrAt(next)) is var to && to < Shape.Length
            && OpcodeInfo.OpOf(L.Code.InstrAt(to)) is (Opcode.PopJumpIfFalse or Opcode.PopJumpIfTrue) and var threaded)
            return GenCompareAndBranch(c, isInt, OpcodeInfo.ArgOf(L.Code.InstrAt(to)), threaded == Opcode.PopJumpIfTrue,
                false, continueAt: to + 1);
        // A chained comparison's JumpIfFalseOrPop: the taken side leaves the bool, which is known there.
        if (!Shape.IsBlockStart(next) && nextOp is Opcode.JumpIfFalseOrPop or Opcode.JumpIfTrueOrPop)
            return GenCompareAndBranch(c, isInt, OpcodeInfo.ArgOf(L.Code.InstrAt(next)),
                nextOp == Opcode.JumpIfTrueOrPop, leavesBool: true);
        Unit.Emit(isInt ? S.Compare.IntValue(c) : S.Compare.FloatValue(c), In(a), In(b), Operand.Slot(a));
        Frame.Pop(2);
        Frame.Push(AbstractType.Bool);
        return Done();
    }

    /// <summary>A comparison of two strs (one proved a str, the constant of `op == "num"` say, the other
    /// proved or speculated one, guarded once so that its local stays typed): the runtime's comparison,
    /// whose result is then a bool (a str object is exactly a str, no subclass defines `__eq__`), so
    /// the branch after it tests nothing. Counted as <c>lbbv_str_compares_typed_emitted</c>.</summary>
    private bool TryGenStrCompare(int arg)
    {
        int a = Top(1), b = Top(0);
        if (TypeOf(a) != AbstractType.Str && TypeOf(b) != AbstractType.Str) return false;
        int other = TypeOf(a) == AbstractType.Str ? b : a;
        if (TypeOf(other) != AbstractType.Str)
        {
            var type = Speculation.Speculate(other, AbstractType.Str, out bool guard);
            if (type != AbstractType.Str) return false;
            FlushOps();
            if (guard && !Guards.Guard(other, AbstractType.Str, Guards.Failure())) return false;
        }
        Frame.SpillRegisters(SpillReason.Op); // the runtime's comparison reads the frame
        Stats.StrComparesTypedEmitted++;
        return Ops.Generic.GenHelperOp(OpHelpers.RichCompareAddress, 2, AbstractType.Bool, arg);
    }

    /// <summary>a ? b with b and a exchanged: the comparison that holds exactly when c does.</summary>
    private static Comparison Mirror(Comparison c) => c switch
    {
        Comparison.Less => Comparison.Greater,
        Comparison.LessOrEqual => Comparison.GreaterOrEqual,
        Comparison.Greater => Comparison.Less,
        Comparison.GreaterOrEqual => Comparison.LessOrEqual,
        _ => c,
    };

    /// <summary>The comparison and the PopJumpIf after it as one compare-and-branch; with
    /// <paramref name="leavesBool"/>, the JumpIfFalseOrPop/JumpIfTrueOrPop after it, whose taken side
    /// leaves the bool (a pending constant there: the branch is taken only when it has that value).</summary>
    private bool GenCompareAndBranch(Comparison c, bool isInt, int target, bool jumpIfTrue, bool leavesBool,
        int continueAt = -1)
    {
        int a = Top(1), b = Top(0);
        if (!isInt) return GenFloatCompareAndBranch(c, target, jumpIfTrue, leavesBool, continueAt);
        int constant = 0;
        bool immediate = Operands.SmallIntConstant(b, out constant);
        if (!immediate && Operands.SmallIntConstant(a, out constant))
        {
            // `0 <= x`: compared as `x >= 0`, the constant as the immediate.
            (a, b) = (b, a);
            c = Mirror(c);
            immediate = true;
        }
        // Operands cached in int registers are compared there (the register an add or a multiply left,
        // or a cached local's: a loop counter its increment left there).
        int ra = Frame.GprOf(a), rb = immediate ? -1 : Frame.GprOf(b);
        if (rb == ra) rb = -1; // `i == i`: b is read from the slot (written back first)
        bool aCached = ra >= 0, bCached = rb >= 0;
        int register = aCached ? ra : bCached ? (rb + 2) % GprStencils.Registers : AbstractFrame.IntRegisterOf(a);
        var operands = new List<Operand>(3);
        if (!aCached) operands.Add(In(a));
        if (immediate) operands.Add(Operand.Imm(constant));
        else if (!bCached) operands.Add(In(b));
        if (aCached || bCached) Frame.Counts.CountOp(aCached, bCached);
        var taken = TakenSide(target, jumpIfTrue, leavesBool, continueAt >= 0);
        var cc = jumpIfTrue ? c : Negate(c);
        Stencil branch = (aCached, bCached, immediate) switch
        {
            (true, _, true) => S.Gpr.BranchImmediate(cc, register),
            (false, _, true) => S.Compare.IntConstantBranch(cc),
            (false, false, false) => S.Compare.IntBranch(cc),
            (_, true, _) => S.Gpr.Branch(cc, aCached, register, rb),
            _ => S.Gpr.Branch(cc, aCached, bCached, register),
        };
        Unit.Emit(branch, [.. operands, taken]);
        Policy.ContinueAt(continueAt >= 0 ? continueAt : K, Frame.Context);
        return false;
    }

    /// <summary>Pops the compared operands, completes the compare and its branch op, and returns where
    /// the branch jumps when taken; with <paramref name="leavesBool"/> the taken side finds the bool
    /// (<paramref name="jumpIfTrue"/>) on the stack, a constant written on that side only.</summary>
    private Operand TakenSide(int target, bool jumpIfTrue, bool leavesBool, bool threaded)
    {
        Frame.Pop(2);
        OpDone(threaded ? 3 : 2); // the compare, its branch (and the PopJumpIf a jump was threaded to)
        FlushOps();
        if (!leavesBool) return Ops.Branches.BranchTarget(target);
        Frame.PushConstant(Value.Bool(jumpIfTrue), AbstractType.Bool, exact: false);
        var taken = Ops.Branches.BranchTarget(target);
        Frame.Pop();
        return taken;
    }

    /// <summary>A float compare-and-branch that reads each operand from its cache register when it
    /// is there (the register an arithmetic op left it in), else from the frame.</summary>
    private bool GenFloatCompareAndBranch(Comparison c, int target, bool jumpIfTrue, bool leavesBool, int continueAt)
    {
        int a = Top(1), b = Top(0);
        int register = AbstractFrame.RegisterOf(a);
        Operands.FloatLocalToRegister(a, b);
        Operands.FloatLocalToRegister(b, a);
        Operands.TryConstantToXmm(a, b);
        Operands.TryConstantToXmm(b, a);
        bool aCached = Frame.InXmm(a), bCached = Frame.InXmm(b);
        var operands = new List<Operand>(3);
        if (!aCached) operands.Add(In(a));
        if (!bCached) operands.Add(In(b));
        Frame.Counts.CountOp(aCached, bCached);
        var taken = TakenSide(target, jumpIfTrue, leavesBool, continueAt >= 0);
        var branch = S.Xmm.Branch(c, aCached, bCached, register);
        if (jumpIfTrue)
            Unit.Emit(branch, [.. operands, taken]);
        else
        {
            // NaN makes !(a < b) differ from a >= b: branch over an unconditional jump instead.
            var holds = Unit.NewLabel();
            Unit.Emit(branch, [.. operands, Operand.To(holds)]);
            Unit.Emit(S.Control.Jump, taken);
            Unit.Bind(holds);
        }
        Policy.ContinueAt(continueAt >= 0 ? continueAt : K, Frame.Context);
        return false;
    }
}
