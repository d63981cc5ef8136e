// Gen<Op> for arithmetic and unary ops on ints, floats and bools, with guards chosen by speculation.
using Lbbv.Backend.Emission;
using Lbbv.Backend.Stencils;
using Lbbv.Backend.Stencils.Families;
using Lbbv.Bytecode;
using Lbbv.Jit.Frames;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Jit.Lowering.Ops;

/// <summary>How the two operands on top of the stack are specialized.</summary>
internal enum NumericPair : byte { None, IntInt, FloatFloat, FloatInt, IntFloat }

internal sealed partial class ArithmeticOps(Lowerer lowerer) : OpFamily(lowerer)
{
    /// <summary>Chooses int/float specialization for the two operands on top of the stack and emits
    /// the guards that prove it. None when either operand is not (speculated to be) a number.</summary>
    public NumericPair SpeculateNumbers(bool allowMixed, out bool defer)
    {
        defer = false;
        int a = Top(1), b = Top(0);
        var ta0 = TypeOf(a);
        var tb0 = TypeOf(b);
        var guessA = tb0 is AbstractType.Int or AbstractType.Float ? tb0 : AbstractType.Unknown;
        var guessB = ta0 is AbstractType.Int or AbstractType.Float ? ta0 : AbstractType.Unknown;
        var ta = Speculation.Speculate(a, guessA, out bool guardA);
        var tb = Speculation.Speculate(b, guessB, out bool guardB);
        // An operand the compiler cannot see is guessed to have the other's type (not one it can see).
        if (ta == AbstractType.Unknown && guardA && Speculation.CouldBeNumber(ta0) && Speculation.Peek(a) is null
            && tb is AbstractType.Int or AbstractType.Float && MaySpeculate) ta = tb;
        if (tb == AbstractType.Unknown && guardB && Speculation.CouldBeNumber(tb0) && Speculation.Peek(b) is null
            && ta is AbstractType.Int or AbstractType.Float && MaySpeculate) tb = ta;
        if (ta == AbstractType.Unknown || tb == AbstractType.Unknown)
        {
            defer = Speculation.ShouldDefer() && (ta == AbstractType.Unknown && Speculation.CouldBeNumber(ta0)
                || tb == AbstractType.Unknown && Speculation.CouldBeNumber(tb0));
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
            var fail = Guards.Failure();
            if (guardA) Guards.Guard(a, ta, fail);
            if (guardB) Guards.Guard(b, tb, fail);
        }
        return pair;
    }

    public bool GenBinaryOp(int arg)
    {
        int kind = arg & 15;
        bool intOp = kind is Arith.Add or Arith.Sub or Arith.Mult or Arith.FloorDiv or Arith.Mod
            or Arith.BitAnd or Arith.BitOr or Arith.BitXor or Arith.LShift or Arith.RShift;
        bool floatOp = kind is Arith.Add or Arith.Sub or Arith.Mult or Arith.Div or Arith.Pow;
        // Code compiled after this op's fast path declined runs it unspecialized, even on known
        // types (else the decline would come straight back here).
        if ((!intOp && !floatOp) || !MaySpeculate) return GenBinaryHelper(arg);
        if (Ops.Integers.Applies(kind)) return Ops.Integers.GenIntegerOp(kind, arg); // an int, maybe big
        if (intOp && Ops.Integers.TrySpeculateIntegers()) // a big int now, of no known type
            return Ops.Integers.GenIntegerOp(kind, arg, bigTakesHelper: false);
        var pair = SpeculateNumbers(allowMixed: floatOp, out bool defer);
        if (pair == NumericPair.IntInt && !intOp) pair = NumericPair.None; // int / int, int ** int: the runtime's
        if (pair is not (NumericPair.IntInt or NumericPair.None) && !floatOp) pair = NumericPair.None; // float // and %: the runtime's
        if (pair == NumericPair.None) return defer ? Speculation.Defer() : GenBinaryHelper(arg);
        return pair == NumericPair.IntInt ? GenIntOpNoted(kind) : GenFloatOp(kind, pair);
    }

    private bool GenIntOp(int kind)
    {
        int a = Top(1), b = Top(0);
        FlushOps();
        if (TryGenIntInRegister(kind, a, b)) return true;
        var (stencil, _) = IntStencilOf(kind);
        int result = Operands.ResultSlot(2);
        Stencil ForResult(Stencil s) => Operands.ForResult(s, result, AbstractType.Int);
        if (kind is Arith.Add or Arith.Sub && Operands.SmallIntConstant(b, out int constant))
        {
            var withConstant = kind == Arith.Add ? S.Int.AddConstant : S.Int.SubtractConstant;
            Unit.Emit(ForResult(withConstant), In(a), Operand.Imm(constant), Operand.Slot(result), Policy.Declined(Frame.Context));
        }
        else if (kind is Arith.FloorDiv && Operands.PowerOfTwoConstant(b, out int shift) && shift <= 62
                 || kind is Arith.RShift && Operands.RightShiftConstant(b, out shift))
            Unit.Emit(ForResult(S.Int.FloorDivideByPowerOfTwo), In(a), Operand.Imm(shift), Operand.Slot(result));
        else if (kind is Arith.Mod && Operands.PowerOfTwoConstant(b, out shift) && shift <= 31)
            Unit.Emit(ForResult(S.Int.ModuloByPowerOfTwo), In(a), Operand.Imm((int)((1L << shift) - 1)), Operand.Slot(result));
        else if (kind is Arith.BitAnd or Arith.BitOr or Arith.BitXor)
            Unit.Emit(ForResult(stencil), In(a), In(b), Operand.Slot(result));
        else
            Unit.Emit(ForResult(stencil), In(a), In(b), Operand.Slot(result), Policy.Declined(Frame.Context));
        return Operands.PushResult(2, result, AbstractType.Int);
    }

    /// <summary>The frame-slot int stencil of an int op, and whether it declines (overflow, a zero
    /// divisor, a negative shift) to a slow path: the bitwise ops never do.</summary>
    public (Stencil Stencil, bool Declines) IntStencilOf(int kind) => kind switch
    {
        Arith.Add => (S.Int.Add, true),
        Arith.Sub => (S.Int.Subtract, true),
        Arith.Mult => (S.Int.Multiply, true),
        Arith.FloorDiv => (S.Int.FloorDivide, true),
        Arith.Mod => (S.Int.Modulo, true),
        Arith.LShift => (S.Int.ShiftLeft, true),
        Arith.RShift => (S.Int.ShiftRight, true),
        Arith.BitAnd => (S.Int.And, false),
        Arith.BitOr => (S.Int.Or, false),
        _ => (S.Int.Xor, false),
    };

    private bool GenFloatOp(int kind, NumericPair pair)
    {
        int a = Top(1), b = Top(0);
        if (kind != Arith.Pow)
        {
            bool divisorNonZero = kind == Arith.Div && ProveDivisorNonZero(b, pair);
            // Converted ints and float constants go straight to their cache registers.
            if (pair == NumericPair.IntFloat) Operands.ConvertToFloatInRegister(a, b);
            if (pair == NumericPair.FloatInt) Operands.ConvertToFloatInRegister(b, a);
            Frame.SetType(a, AbstractType.Float);
            Frame.SetType(b, AbstractType.Float);
            Operands.TryConstantToXmm(a, b);
            Operands.TryConstantToXmm(b, a);
            return GenFloatInRegister(kind, a, b, divisorNonZero);
        }
        if (pair == NumericPair.IntFloat) Operands.ConvertToFloat(a);
        if (pair == NumericPair.FloatInt) Operands.ConvertToFloat(b);
        Frame.SetType(a, AbstractType.Float);
        Frame.SetType(b, AbstractType.Float);
        // Declines (negative base, overflow, ...) run the interpreter's float power and rejoin: the
        // result is a float either way (or the op raised). C's pow may use any xmm register.
        Frame.SpillRegisters(SpillReason.Op);
        FlushOps();
        var rejoin = Unit.NewLabel();
        Unit.Emit(S.Float.Power, In(a), In(b), Operand.Slot(a), Operand.Pointer(CFunctions.Pow), Emit.ColdHelper(rejoin));
        Emit.Rejoin(rejoin);
        return Operands.PushResult(2, a, AbstractType.Float);
    }

    /// <summary>True when the divisor <paramref name="b"/> of a float division is known nonzero by the time
    /// the division runs, so it needs no zero test: a nonzero constant (int or float), or an int divisor,
    /// which this tests before its conversion (`Gpr.NonZero`: test and jz on the int, where the converted
    /// float's test is xorpd, ucomisd, jp and je), declining as the division would on zero, with the
    /// frame as it is before the op.</summary>
    private bool ProveDivisorNonZero(int b, NumericPair pair)
    {
        if (Frame[b].PendingConstant is { } constant)
            return constant.Tag switch
            {
                Tag.Int => constant.Payload != 0,
                Tag.Float => (constant.Payload & long.MaxValue) != 0,
                _ => false,
            };
        if (pair != NumericPair.FloatInt) return false;
        FlushOps();
        if (Frame.InGpr(b))
            Unit.Emit(S.Gpr.NonZero(AbstractFrame.IntRegisterOf(b)), Policy.Declined(Frame.Context));
        else Unit.Emit(S.Gpr.NonZero(null), In(b), Policy.Declined(Frame.Context));
        return true;
    }

    /// <summary>a + b, a - b, a * b, a / b on floats through the register cache: each operand is read
    /// from its cache register when it is there, else from the frame; the result is left in a's
    /// register (no frame store), or written straight to the local of a StoreFast that follows.</summary>
    private bool GenFloatInRegister(int kind, int a, int b, bool divisorNonZero = false)
    {
        var operation = kind switch
        {
            Arith.Add => FloatOperation.Add,
            Arith.Sub => FloatOperation.Subtract,
            Arith.Mult => FloatOperation.Multiply,
            _ => FloatOperation.Divide,
        };
        int dst = Operands.ResultSlot(2);
        Operands.FloatLocalToRegister(a, b); // cached float locals: moved into the operands' registers
        Operands.FloatLocalToRegister(b, a);
        Frame.FreeRegisterFor(a, b);
        int register = AbstractFrame.RegisterOf(a);
        bool aCached = Frame.InXmm(a), bCached = Frame.InXmm(b);
        var operands = new List<Operand>(3);
        if (!aCached) operands.Add(In(a));
        if (!bCached) operands.Add(In(b));
        bool checkDivisor = operation == FloatOperation.Divide && !divisorNonZero;
        bool provenDivide = operation == FloatOperation.Divide && divisorNonZero;
        if (checkDivisor)
        {
            FlushOps();
            operands.Add(Policy.Declined(Frame.Context)); // a zero divisor: before the register is written
        }
        Frame.Counts.CountOp(aCached, bCached);
        if (provenDivide) Stats.DivisorsProvedNonZeroEmitted++;
        Unit.Emit(provenDivide
            ? S.Xmm.DivideByNonZero(aCached, bCached, register)
            : S.Xmm.Binary(operation, aCached, bCached, register), [.. operands]);
        if (dst < Frame.LocalCount && Frame.IsCacheableFloat(dst))
        {
            Frame.Pop(2);
            Frame.ForgetLocal(dst); // (its copies were written by ResultSlot)
            return StoreFloatLocal(register, dst, consumed: 2);
        }
        if (dst >= Frame.LocalCount)
        {
            Frame.Pop(2);
            Frame.PushInRegister();
            Frame.Counts.ResultsInRegister++;
            return Done();
        }
        Unit.Emit(Operands.ForResult(S.Xmm.Spill(register), dst, AbstractType.Float), Operand.Slot(dst));
        Frame.Counts.ResultsStored++;
        return Operands.PushResult(2, dst, AbstractType.Float);
    }

    /// <summary>An int op through the register cache (add, sub, mul, and, or, xor; an add, sub or mul
    /// of a small constant; a floor division or modulo by a power of two): each operand is read from
    /// its int cache register when it is there, else from the frame, and the result is left in a's
    /// register, or written to the local of a StoreFast that follows. False (nothing emitted) for the
    /// other ops, and when the result goes to a local and no operand is cached (the frame stencils
    /// do that as well without taking a register).</summary>
    private bool TryGenIntInRegister(int kind, int a, int b)
    {
        var immediate = ImmediateForm(kind, b, out int constant);
        IntOperation? operation = kind switch
        {
            Arith.Add => IntOperation.Add,
            Arith.Sub => IntOperation.Subtract,
            Arith.Mult => IntOperation.Multiply,
            Arith.BitAnd => IntOperation.And,
            Arith.BitOr => IntOperation.Or,
            Arith.BitXor => IntOperation.Xor,
            _ => null,
        };
        if (immediate is null && operation is null) return false;
        int top = a; // the result's stack slot
        if (immediate is null && kind is Arith.Add or Arith.Mult && Operands.SmallIntConstant(a, out _)
            && !Operands.SmallIntConstant(b, out _))
        {
            (a, b) = (b, a); // `3 * k`: the constant as the immediate, not written to its slot
            immediate = ImmediateForm(kind, b, out constant);
        }
        int dst = Operands.ResultSlot(2);
        // A local the register cache keeps (a loop's counter or accumulator) gets the result in its register:
        // computed there when a is that local's own copy, else in the stack result's register and moved.
        bool toCachedLocal = dst < Frame.LocalCount && Frame.IsCacheable(dst);
        int ra = Frame.GprOf(a), rb = immediate is null ? Frame.GprOf(b) : -1;
        if (dst < Frame.LocalCount && !toCachedLocal && ra < 0 && rb < 0) return false;
        bool inPlace = toCachedLocal && Frame.CachedLocalOf(a) == dst;
        int register = inPlace ? AbstractFrame.IntRegisterOf(dst) : AbstractFrame.IntRegisterOf(top);
        // The result's register is freed: a's own value may stay there (a stack entry of it, or the
        // destination local's copy, which an overflowing add or subtract restores before it leaves).
        Frame.FreeIntRegister(register, keepStack: Frame.InGpr(a) ? a : -1, keepLocal: inPlace ? dst : -1);
        ra = Frame.GprOf(a);
        rb = immediate is null ? Frame.GprOf(b) : -1;
        if (rb == register) rb = -1; // `i * i`: b is read from i's slot (written back first)
        bool aCached = ra >= 0, bCached = rb >= 0;
        if (aCached && ra != register) Unit.Emit(S.Gpr.Move(register, ra)); // a cached local read in place
        var operands = new List<Operand>(4);
        if (!aCached) operands.Add(In(a));
        Stencil stencil;
        if (immediate is { } form)
        {
            stencil = S.Gpr.Immediate(form, aCached, register);
            operands.Add(Operand.Imm(constant));
            if (form is IntImmediateOperation.Add or IntImmediateOperation.Subtract or IntImmediateOperation.Multiply)
                operands.Add(Policy.Declined(Frame.Context));
            Frame.Counts.CountOp(aCached);
        }
        else
        {
            var op = operation!.Value;
            if (!bCached) operands.Add(In(b));
            stencil = bCached ? S.Gpr.Binary(op, aCached, register, rb) : S.Gpr.Binary(op, aCached, false, register);
            if (op is IntOperation.Add or IntOperation.Subtract or IntOperation.Multiply)
                operands.Add(Policy.Declined(Frame.Context)); // the operands' registers are intact there
            Frame.Counts.CountOp(aCached, bCached);
        }
        Unit.Emit(stencil, [.. operands]);
        if (toCachedLocal)
        {
            Frame.Pop(2);
            Frame.ForgetLocal(dst);
            int local = AbstractFrame.IntRegisterOf(dst);
            if (register != local)
            {
                Frame.FreeIntRegister(local, keepStack: -1, keepLocal: dst); // the local's old value is dead
                Unit.Emit(S.Gpr.Move(local, register));
            }
            Frame.StoreInRegister(dst);
            Frame.Counts.ResultsInRegister++;
            L.OpDone(2);
            return true;
        }
        if (dst >= Frame.LocalCount)
        {
            Frame.Pop(2);
            Frame.PushInRegister(isInt: true);
            Frame.Counts.ResultsInRegister++;
            return Done();
        }
        Unit.Emit(Operands.ForResult(S.Gpr.Spill(register), dst, AbstractType.Int), Operand.Slot(dst));
        Frame.Counts.ResultsStored++;
        return Operands.PushResult(2, dst, AbstractType.Int);
    }

    /// <summary>StoreFast of the int cached in stack entry <paramref name="top"/> into a local the register
    /// cache keeps: moved into the local's register (when it is not there already), no frame store.</summary>
    public bool StoreCachedLocal(int top, int local)
    {
        int register = AbstractFrame.IntRegisterOf(local), from = Frame.GprOf(top); // (a cached local's copy too)
        Frame.FreeIntRegister(register, keepStack: top, keepLocal: local); // the local's old value is dead
        if (from != register) Unit.Emit(S.Gpr.Move(register, from));
        Frame.Pop();
        Frame.StoreInRegister(local);
        Frame.Counts.ResultsInRegister++;
        return Done();
    }

    /// <summary>StoreFast of the float cached in stack entry <paramref name="top"/> into a local the
    /// register cache keeps in its float register: one register move, no frame store.</summary>
    public bool StoreCachedFloatLocal(int top, int local)
    {
        int register = AbstractFrame.RegisterOf(top);
        Frame.Pop();
        return StoreFloatLocal(register, local, consumed: 1);
    }

    private bool StoreFloatLocal(int register, int local, int consumed)
    {
        Unit.Emit(S.Xmm.Move(AbstractFrame.XmmLocalRegisterOf(local), register));
        Frame.StoreInXmm(local);
        Frame.Counts.ResultsInRegister++;
        L.OpDone(consumed);
        return true;
    }

    /// <summary>The immediate form of int op <paramref name="kind"/> when b is a suitable pending
    /// constant (its immediate in <paramref name="constant"/>), else null.</summary>
    private IntImmediateOperation? ImmediateForm(int kind, int b, out int constant)
    {
        if (kind is Arith.Add or Arith.Sub or Arith.Mult && Operands.SmallIntConstant(b, out constant))
            return kind switch
            {
                Arith.Add => IntImmediateOperation.Add,
                Arith.Sub => IntImmediateOperation.Subtract,
                _ => IntImmediateOperation.Multiply,
            };
        if (kind is Arith.FloorDiv && Operands.PowerOfTwoConstant(b, out int shift) && shift <= 62
            || kind is Arith.RShift && Operands.RightShiftConstant(b, out shift))
        {
            constant = shift;
            return IntImmediateOperation.ShiftRight;
        }
        if (kind is Arith.Mod && Operands.PowerOfTwoConstant(b, out shift) && shift <= 31)
        {
            constant = (int)((1L << shift) - 1);
            return IntImmediateOperation.And;
        }
        constant = 0;
        return null;
    }

    /// <summary>BinaryOp run by the runtime's arithmetic from a helper (big ints, strs, lists, mixed
    /// types, a declined fast path). An in-place op on a list (`+=`) mutates it, as the interpreter's does.</summary>
    private bool GenBinaryHelper(int arg)
    {
        Frame.SpillRegisters(SpillReason.Op); // the runtime's arithmetic reads the frame
        return Ops.Generic.GenHelperOp(OpHelpers.BinaryAddress, 2, Ops.Integers.ResultOf(arg & 15), arg);
    }

    public bool GenUnaryInvert()
    {
        int a = Top();
        var t = Speculation.Speculate(a, AbstractType.Int, out bool guard);
        if (t != AbstractType.Int) return Ops.Generic.GenGeneric(Opcode.UnaryInvert, 0);
        FlushOps();
        if (guard) Guards.Guard(a, t, Guards.Failure());
        Unit.Emit(S.Int.Invert, In(a), Operand.Slot(a));
        Frame.Pop();
        Frame.Push(AbstractType.Int);
        return Done();
    }

    public bool GenUnaryNegative()
    {
        int a = Top();
        var t = Speculation.Speculate(a, AbstractType.Unknown, out bool guard);
        if (t is not (AbstractType.Int or AbstractType.Float) || !MaySpeculate) return Ops.Generic.GenGeneric(Opcode.UnaryNegative, 0);
        FlushOps();
        if (guard) Guards.Guard(a, t, Guards.Failure());
        if (t == AbstractType.Int) Unit.Emit(S.Int.Negate, In(a), Operand.Slot(a), Policy.Declined(Frame.Context));
        else Unit.Emit(S.Float.Negate, In(a), Operand.Slot(a));
        Frame.Pop();
        Frame.Push(t);
        return Done();
    }

    public bool GenUnaryNot()
    {
        int top = Top();
        if (IntegerOps.IsInteger(TypeOf(top)) || Ops.Integers.GuardSeenBig(top))
        {
            // An int, maybe big: the tag test and the zero test inline, no guard, no helper.
            FlushOps();
            if (TypeOf(top) == AbstractType.Integer) Emit.CountTypeTest();
            Unit.Emit(S.Compare.IntegerNot, In(top), Operand.Slot(top));
            Frame.Pop();
            Frame.Push(AbstractType.Bool);
            return Done();
        }
        var t = Speculation.Speculate(top, AbstractType.Bool, out bool guard);
        if (t != AbstractType.Bool) return Ops.Generic.GenGeneric(Opcode.UnaryNot, 0);
        FlushOps();
        if (guard) Guards.Guard(top, AbstractType.Bool, Guards.Failure());
        Frame.Materialize(top); // flipped in place: never in the local it copies
        Unit.Emit(S.Frame.FlipBool, Operand.Slot(top));
        Frame.Overwrite(top, AbstractType.Bool);
        return Done();
    }
}
