// Gen<Op> for comparisons of ints and floats: fused with the conditional branch that follows (no
// bool is materialized), or stored as a bool.
using Lbbv.Backend.Emission;
using Lbbv.Backend.Stencils;
using Lbbv.Bytecode;
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
        var pair = Ops.Arithmetic.SpeculateNumbers(allowMixed: false, out bool defer);
        if (pair == NumericPair.None)
            return defer ? Speculation.Defer() : Ops.Generic.GenHelperOp(OpHelpers.RichCompareAddress, 2, AbstractType.Bound, arg);
        int a = Top(1), b = Top(0);
        var c = ComparisonOf(arg);
        bool isInt = pair == NumericPair.IntInt;
        int next = K + 1;
        var nextOp = next < Shape.Length ? OpcodeInfo.OpOf(L.Code.InstrAt(next)) : Opcode.Nop;
        if (!Shape.IsBlockStart(next) && nextOp is Opcode.PopJumpIfFalse or Opcode.PopJumpIfTrue)
            return GenCompareAndBranch(c, isInt, OpcodeInfo.ArgOf(L.Code.InstrAt(next)), nextOp == Opcode.PopJumpIfTrue);
        Unit.Emit(isInt ? S.Compare.IntValue(c) : S.Compare.FloatValue(c), In(a), In(b), Operand.Slot(a));
        Frame.Pop(2);
        Frame.Push(AbstractType.Bool);
        return Done();
    }

    /// <summary>The comparison and the PopJumpIf after it as one compare-and-branch.</summary>
    private bool GenCompareAndBranch(Comparison c, bool isInt, int target, bool jumpIfTrue)
    {
        int a = Top(1), b = Top(0);
        int constant = 0;
        bool immediate = isInt && Operands.SmallIntConstant(b, out constant);
        var inA = In(a);
        var inB = immediate ? Operand.Imm(constant) : In(b);
        Frame.Pop(2);
        OpDone(2);
        FlushOps();
        var taken = Policy.BranchTo(target, Frame.Context);
        if (isInt)
        {
            var cc = jumpIfTrue ? c : Negate(c);
            Unit.Emit(immediate ? S.Compare.IntConstantBranch(cc) : S.Compare.IntBranch(cc), inA, inB, taken);
        }
        else if (jumpIfTrue)
            Unit.Emit(S.Compare.FloatBranch(c), inA, inB, taken);
        else
        {
            // NaN makes !(a < b) differ from a >= b: branch over an unconditional jump instead.
            var holds = Unit.NewLabel();
            Unit.Emit(S.Compare.FloatBranch(c), inA, inB, holds);
            Unit.Emit(S.Control.Jump, taken);
            Unit.Bind(holds);
        }
        Policy.ContinueAt(K, Frame.Context);
        return false;
    }
}
