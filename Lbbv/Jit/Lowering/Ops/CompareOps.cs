// Gen<Op> for comparisons of ints and floats: fused with the conditional branch that follows (no
// bool is materialized), or stored as a bool.
using Lbbv.Backend.Emission;
using Lbbv.Backend.Stencils;
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
        var pair = Ops.Arithmetic.SpeculateNumbers(allowMixed: false, out bool defer);
        if (pair == NumericPair.None)
        {
            if (defer) return Speculation.Defer();
            Frame.SpillRegisters(SpillReason.Op); // the runtime's comparison reads the frame
            return Ops.Generic.GenHelperOp(OpHelpers.RichCompareAddress, 2, AbstractType.Bound, arg);
        }
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
        if (!isInt) return GenFloatCompareAndBranch(c, target, jumpIfTrue);
        int constant = 0;
        bool immediate = Operands.SmallIntConstant(b, out constant);
        // Operands cached in int registers are compared there (the register an add or a multiply left).
        bool aCached = Frame.InGpr(a), bCached = !immediate && Frame.InGpr(b);
        int register = AbstractFrame.IntRegisterOf(a);
        var operands = new List<Operand>(3);
        if (!aCached) operands.Add(In(a));
        if (immediate) operands.Add(Operand.Imm(constant));
        else if (!bCached) operands.Add(In(b));
        if (aCached || bCached) Frame.Counts.CountOp(aCached, bCached);
        Frame.Pop(2);
        OpDone(2);
        FlushOps();
        var taken = Policy.BranchTo(target, Frame.Context);
        var cc = jumpIfTrue ? c : Negate(c);
        Stencil branch = (aCached, bCached, immediate) switch
        {
            (true, _, true) => S.Gpr.BranchImmediate(cc, register),
            (false, _, true) => S.Compare.IntConstantBranch(cc),
            (false, false, false) => S.Compare.IntBranch(cc),
            _ => S.Gpr.Branch(cc, aCached, bCached, register),
        };
        Unit.Emit(branch, [.. operands, taken]);
        Policy.ContinueAt(K, Frame.Context);
        return false;
    }

    /// <summary>A float compare-and-branch that reads each operand from its cache register when it
    /// is there (the register an arithmetic op left it in), else from the frame.</summary>
    private bool GenFloatCompareAndBranch(Comparison c, int target, bool jumpIfTrue)
    {
        int a = Top(1), b = Top(0);
        int register = AbstractFrame.RegisterOf(a);
        Operands.TryConstantToXmm(a, b);
        Operands.TryConstantToXmm(b, a);
        bool aCached = Frame.InXmm(a), bCached = Frame.InXmm(b);
        var operands = new List<Operand>(3);
        if (!aCached) operands.Add(In(a));
        if (!bCached) operands.Add(In(b));
        Frame.Counts.CountOp(aCached, bCached);
        Frame.Pop(2);
        OpDone(2);
        FlushOps();
        var taken = Policy.BranchTo(target, Frame.Context); // writes the entries left in registers first
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
        Policy.ContinueAt(K, Frame.Context);
        return false;
    }
}
