// Gen<Op> for arithmetic and comparisons on ints and floats, with guards chosen by speculation.
using Lbbv.Backend.Emission;
using Lbbv.Backend.Stencils;
using Lbbv.Bytecode;
using Lbbv.Jit;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Versioning;

internal sealed unsafe partial class BlockCompiler
{
    private enum NumericPair : byte { None, IntInt, FloatFloat, FloatInt, IntFloat }

    /// <summary>Chooses int/float specialization for the two operands on top of the stack and emits
    /// the guards that prove it. None when either operand is not (speculated to be) a number.</summary>
    private NumericPair SpeculateNumbers(bool allowMixed, out bool defer)
    {
        defer = false;
        int a = Top(1), b = Top(0);
        var ta0 = TypeOf(a);
        var tb0 = TypeOf(b);
        var guessA = tb0 is AbstractType.Int or AbstractType.Float ? tb0 : AbstractType.Unknown;
        var guessB = ta0 is AbstractType.Int or AbstractType.Float ? ta0 : AbstractType.Unknown;
        var ta = Speculate(a, guessA, out bool guardA);
        var tb = Speculate(b, guessB, out bool guardB);
        // An operand the compiler cannot see is guessed to have the other's type (not one it can see).
        if (ta == AbstractType.Unknown && guardA && CouldBeNumber(ta0) && Peek(a) is null && tb is AbstractType.Int or AbstractType.Float && _noSpeculationAt != _k) ta = tb;
        if (tb == AbstractType.Unknown && guardB && CouldBeNumber(tb0) && Peek(b) is null && ta is AbstractType.Int or AbstractType.Float && _noSpeculationAt != _k) tb = ta;
        if (ta == AbstractType.Unknown || tb == AbstractType.Unknown)
        {
            defer = ShouldDefer() && (ta == AbstractType.Unknown && CouldBeNumber(ta0) || tb == AbstractType.Unknown && CouldBeNumber(tb0));
            return NumericPair.None;
        }
        var pair = (ta, tb) switch
        {
            (AbstractType.Int, AbstractType.Int) => NumericPair.IntInt,
            (AbstractType.Float, AbstractType.Float) => NumericPair.FloatFloat,
            (AbstractType.Float, AbstractType.Int) when allowMixed => NumericPair.FloatInt,
            (AbstractType.Int, AbstractType.Float) when allowMixed => NumericPair.IntFloat,
            _ => NumericPair.None,
        };
        if (pair == NumericPair.None) return pair;
        if (guardA || guardB)
        {
            FlushOps();
            var fail = ChainTarget(_ctx);
            if (guardA) Guard(a, ta, fail);
            if (guardB) Guard(b, tb, fail);
        }
        return pair;
    }

    private static bool CouldBeNumber(AbstractType t) => t is AbstractType.Unknown or AbstractType.Bound or AbstractType.Number;

    private bool GenBinaryOp(int arg)
    {
        int kind = arg & 15;
        bool intOp = kind is Arith.Add or Arith.Sub or Arith.Mult or Arith.FloorDiv or Arith.Mod
            or Arith.BitAnd or Arith.BitOr or Arith.BitXor or Arith.LShift or Arith.RShift;
        bool floatOp = kind is Arith.Add or Arith.Sub or Arith.Mult or Arith.Div or Arith.Pow;
        // A version compiled after this op's fast path declined runs it unspecialized, even on
        // known types (else the decline would come straight back here).
        if ((!intOp && !floatOp) || _noSpeculationAt == _k) return GenBinaryHelper(arg);
        var pair = SpeculateNumbers(allowMixed: floatOp, out bool defer);
        if (pair == NumericPair.IntInt && !intOp) pair = NumericPair.None; // int / int, int ** int: the runtime's
        if (pair is not (NumericPair.IntInt or NumericPair.None) && !floatOp) pair = NumericPair.None; // float // and %: the runtime's
        if (pair == NumericPair.None) return defer ? Defer() : GenBinaryHelper(arg);

        int a = Top(1), b = Top(0);
        if (pair == NumericPair.IntInt)
        {
            FlushOps();
            Stencil stencil = kind switch
            {
                Arith.Add => _s.Int.Add,
                Arith.Sub => _s.Int.Subtract,
                Arith.Mult => _s.Int.Multiply,
                Arith.FloorDiv => _s.Int.FloorDivide,
                Arith.Mod => _s.Int.Modulo,
                Arith.BitAnd => _s.Int.And,
                Arith.BitOr => _s.Int.Or,
                Arith.LShift => _s.Int.ShiftLeft,
                Arith.RShift => _s.Int.ShiftRight,
                _ => _s.Int.Xor,
            };
            int result = ResultSlot(2);
            if (kind is Arith.Add or Arith.Sub && SmallIntConstant(b, out int constant))
            {
                var withConstant = kind == Arith.Add ? _s.Int.AddConstant : _s.Int.SubtractConstant;
                _unit.Emit(ForResult(withConstant, result, AbstractType.Int), In(a), Operand.Imm(constant), Operand.Slot(result), Declined());
            }
            else if (kind is Arith.FloorDiv && PowerOfTwoConstant(b, out int shift) && shift <= 62)
                _unit.Emit(ForResult(_s.Int.FloorDivideByPowerOfTwo, result, AbstractType.Int), In(a), Operand.Imm(shift), Operand.Slot(result));
            else if (kind is Arith.Mod && PowerOfTwoConstant(b, out shift) && shift <= 31)
                _unit.Emit(ForResult(_s.Int.ModuloByPowerOfTwo, result, AbstractType.Int), In(a), Operand.Imm((int)((1L << shift) - 1)), Operand.Slot(result));
            else if (kind is Arith.BitAnd or Arith.BitOr or Arith.BitXor)
                _unit.Emit(ForResult(stencil, result, AbstractType.Int), In(a), In(b), Operand.Slot(result));
            else
                _unit.Emit(ForResult(stencil, result, AbstractType.Int), In(a), In(b), Operand.Slot(result), Declined());
            return PushResult(2, result, AbstractType.Int);
        }
        if (pair == NumericPair.IntFloat) ConvertToFloat(a);
        if (pair == NumericPair.FloatInt) ConvertToFloat(b);
        SetType(a, AbstractType.Float);
        SetType(b, AbstractType.Float);
        // Power's slow path rejoins with its result in the stack slot: no store fusion there.
        int dst = kind == Arith.Pow ? a : ResultSlot(2);
        switch (kind)
        {
            case Arith.Add: _unit.Emit(ForResult(_s.Float.Add, dst, AbstractType.Float), In(a), In(b), Operand.Slot(dst)); break;
            case Arith.Sub: _unit.Emit(ForResult(_s.Float.Subtract, dst, AbstractType.Float), In(a), In(b), Operand.Slot(dst)); break;
            case Arith.Mult: _unit.Emit(ForResult(_s.Float.Multiply, dst, AbstractType.Float), In(a), In(b), Operand.Slot(dst)); break;
            case Arith.Pow:
                {
                    // Declines (negative base, overflow, ...) run the interpreter's float power and
                    // rejoin: the result is a float either way (or the op raised).
                    FlushOps();
                    var rejoin = _unit.NewLabel();
                    _unit.Emit(_s.Float.Power, In(a), In(b), Operand.Slot(a), Operand.Pointer(CFunctions.Pow), ColdHelper(rejoin));
                    _unit.Bind(rejoin);
                    break;
                }
            default:
                FlushOps();
                _unit.Emit(ForResult(_s.Float.Divide, dst, AbstractType.Float), In(a), In(b), Operand.Slot(dst), Declined());
                break;
        }
        return PushResult(2, dst, AbstractType.Float);
    }

    /// <summary>Converts the int in stack entry <paramref name="slot"/> to a float in its own slot.
    /// The converted entry no longer equals the local it may have been loaded from: its alias is
    /// dropped, or typing it Float would type the local Float.</summary>
    private void ConvertToFloat(int slot)
    {
        _unit.Emit(_s.Float.FromInt, In(slot), Operand.Slot(slot));
        _pending[slot] = false;
        _alias[slot] = -1;
        ForgetLive(slot);
    }

    /// <summary>BinaryOp run by the runtime's arithmetic from a helper (big ints, strs, lists, mixed
    /// types, a declined fast path). An in-place op on a list (`+=`) mutates it, as the interpreter's does.</summary>
    private bool GenBinaryHelper(int arg) => GenHelperOp(OpHelpers.BinaryAddress, 2, AbstractType.Bound, arg);

    private bool GenUnaryInvert()
    {
        int a = Top();
        var t = Speculate(a, AbstractType.Int, out bool guard);
        if (t != AbstractType.Int) return GenGeneric(Opcode.UnaryInvert, 0);
        FlushOps();
        if (guard) Guard(a, t, ChainTarget(_ctx));
        _unit.Emit(_s.Int.Invert, In(a), Operand.Slot(a));
        Pop();
        Push(AbstractType.Int);
        return Done();
    }

    private bool GenUnaryNegative()
    {
        int a = Top();
        var t = Speculate(a, AbstractType.Unknown, out bool guard);
        if (t is not (AbstractType.Int or AbstractType.Float) || _noSpeculationAt == _k) return GenGeneric(Opcode.UnaryNegative, 0);
        FlushOps();
        if (guard) Guard(a, t, ChainTarget(_ctx));
        if (t == AbstractType.Int) _unit.Emit(_s.Int.Negate, In(a), Operand.Slot(a), Declined());
        else _unit.Emit(_s.Float.Negate, In(a), Operand.Slot(a));
        Pop();
        Push(t);
        return Done();
    }

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

    private bool GenCompareOp(int arg)
    {
        var pair = SpeculateNumbers(allowMixed: false, out bool defer);
        if (pair == NumericPair.None) return defer ? Defer() : GenHelperOp(OpHelpers.RichCompareAddress, 2, AbstractType.Bound, arg);
        int a = Top(1), b = Top(0);
        var c = ComparisonOf(arg);
        bool isInt = pair == NumericPair.IntInt;
        int next = _k + 1;
        var nextOp = next < _shape.Length ? OpcodeInfo.OpOf(_cr.Instrs[next]) : Opcode.Nop;
        if (!_shape.IsBlockStart(next) && nextOp is Opcode.PopJumpIfFalse or Opcode.PopJumpIfTrue)
        {
            // Fused with the branch: no bool is materialized.
            int target = OpcodeInfo.ArgOf(_cr.Instrs[next]);
            bool jumpIfTrue = nextOp == Opcode.PopJumpIfTrue;
            int constant = 0;
            bool immediate = isInt && SmallIntConstant(b, out constant);
            var inA = In(a);
            var inB = immediate ? Operand.Imm(constant) : In(b);
            Pop(2);
            OpDone(2);
            FlushOps();
            var taken = BranchTarget(target, _ctx);
            if (isInt)
            {
                var cc = jumpIfTrue ? c : Negate(c);
                _unit.Emit(immediate ? _s.Compare.IntConstantBranch(cc) : _s.Compare.IntBranch(cc), inA, inB, taken);
            }
            else if (jumpIfTrue)
                _unit.Emit(_s.Compare.FloatBranch(c), inA, inB, taken);
            else
            {
                // NaN makes !(a < b) differ from a >= b: branch over an unconditional jump instead.
                var holds = _unit.NewLabel();
                _unit.Emit(_s.Compare.FloatBranch(c), inA, inB, holds);
                _unit.Emit(_s.Control.Jump, taken);
                _unit.Bind(holds);
            }
            FallThrough(_k, _ctx);
            return false;
        }
        _unit.Emit(isInt ? _s.Compare.IntValue(c) : _s.Compare.FloatValue(c), In(a), In(b), Operand.Slot(a));
        Pop(2);
        Push(AbstractType.Bool);
        return Done();
    }
}
