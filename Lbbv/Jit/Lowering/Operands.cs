// Where an op reads its operands (the lazy operand stack: a local a stack entry is a pending copy
// of, a pending constant) and where it writes its result. A StoreFast right after the op costs
// nothing: the result is written straight into the local. A destination that already holds the
// result's tag (a local whose type the frame knows) gets only the payload written.
using Lbbv.Backend.Emission;
using Lbbv.Backend.Stencils;
using Lbbv.Backend.Stencils.Families;
using Lbbv.Bytecode;
using Lbbv.Jit.Frames;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Jit.Lowering;

internal sealed class Operands(Lowerer lowerer) : IPendingWriter
{
    private AbstractFrame Frame => lowerer.Frame;
    private StencilLibrary S => lowerer.Stencils;
    private CodeUnitBuilder Unit => lowerer.Unit;

    /// <summary>Where an op reads the value of <paramref name="slot"/>: the local it is a pending copy
    /// of, or the slot (a pending constant is written to it first).</summary>
    public Operand In(int slot) => Operand.Slot(Redirected(Frame.SourceOf(slot)));

    /// <summary><paramref name="slot"/>, or, for an argument of the virtual frame being lowered that
    /// its callee reads from the caller's slot, that slot (VirtualFrame.ArgumentSources).</summary>
    public int Redirected(int slot) => lowerer.Emitter.Virtual is { } frame ? frame.SourceOf(slot) : slot;

    /// <summary>The int constant <paramref name="slot"/> holds while it is pending and fits an imm32.</summary>
    public bool SmallIntConstant(int slot, out int value)
    {
        bool small = Frame[slot].PendingConstant is { Tag: Tag.Int, Payload: >= int.MinValue and <= int.MaxValue };
        value = small ? (int)Frame[slot].PendingConstant!.Value.Payload : 0;
        return small;
    }

    /// <summary>Whether <paramref name="slot"/> holds a pending positive int constant 2**shift.</summary>
    public bool PowerOfTwoConstant(int slot, out int shift)
    {
        bool power = Frame[slot].PendingConstant is { Tag: Tag.Int, Payload: > 0 and var p } && (p & (p - 1)) == 0;
        shift = power ? System.Numerics.BitOperations.Log2((ulong)Frame[slot].PendingConstant!.Value.Payload) : 0;
        return power;
    }

    /// <summary>A pending non-negative int constant as the count of an arithmetic right shift: `x >> c`
    /// of an int64 is `sar` by c, and by 63 for any c over 63 (the sign: 0 or -1).</summary>
    public bool RightShiftConstant(int slot, out int shift)
    {
        bool count = Frame[slot].PendingConstant is { Tag: Tag.Int, Payload: >= 0 };
        shift = count ? (int)Math.Min(Frame[slot].PendingConstant!.Value.Payload, 63) : 0;
        return count;
    }

    /// <summary>Materializes a pending stack entry (<see cref="IPendingWriter"/>).</summary>
    public void Write(PendingWrite write) => Write(write, lowerer.Emitter.Virtual, deferred: false);

    /// <summary><see cref="Write(PendingWrite)"/> of a write taken while <paramref name="virtualFrame"/> was
    /// the virtual frame, emitted later when <paramref name="deferred"/> (an out-of-line path,
    /// Emitter.ColdPath): a copy of one of its arguments reads where the callee read it then, and a
    /// constant is written with its tag (what the frame knows when it is emitted is of other code:
    /// an inlined callee's constant went payload-only into a slot that was a typed local of its caller).</summary>
    public void Write(PendingWrite write, VirtualFrame? virtualFrame, bool deferred)
    {
        if (write.FromRegister)
        {
            var spill = write.LocalXmm ? S.Xmm.Spill(XmmStencils.LocalRegisterOf(write.To))
                : SpillOf(write.To, write.IntRegister);
            Unit.Emit(write.PayloadOnly && S.PayloadOnly(spill) is { } bare ? bare : spill, Operand.Slot(write.To));
        }
        else if (write.From < 0) EmitConstant(write.Constant, write.To, tagInPlaceKnown: !deferred);
        else Unit.Emit(S.Frame.Move, Operand.Slot(virtualFrame?.SourceOf(write.From) ?? write.From),
            Operand.Slot(write.To));
    }

    /// <summary>The stencil that writes the register <paramref name="slot"/> is cached in (an int
    /// register when <paramref name="isInt"/>, else a float one) to a slot: (dst).</summary>
    public Stencil SpillOf(int slot, bool isInt) =>
        isInt ? S.Gpr.Spill(AbstractFrame.IntRegisterOf(slot)) : S.Xmm.Spill(AbstractFrame.RegisterOf(slot));

    /// <summary>Converts the int in stack entry <paramref name="slot"/> to a float left in its float
    /// cache register (from its int register when it is cached there, else from the frame);
    /// <paramref name="other"/> is the op's other operand, which keeps its register.</summary>
    public void ConvertToFloatInRegister(int slot, int other)
    {
        Frame.FreeRegisterFor(slot, other);
        if (Frame[slot].PendingConstant is { Tag: Tag.Int } constant)
        {
            // An int constant converts at compile time (exactly as cvtsi2sd rounds it).
            EmitFloatConstant(AbstractFrame.RegisterOf(slot),
                BitConverter.DoubleToInt64Bits((double)(long)constant.Payload));
            Frame.NowInRegister(slot, isInt: false);
            return;
        }
        int? from = Frame.InGpr(slot) ? AbstractFrame.IntRegisterOf(slot) : null;
        var stencil = S.Gpr.ToXmm(from, AbstractFrame.RegisterOf(slot));
        if (from is null) Unit.Emit(stencil, In(slot));
        else Unit.Emit(stencil);
        Frame.NowInRegister(slot, isInt: false);
    }

    /// <summary>A pending copy in stack entry <paramref name="slot"/> of a float local cached in its own
    /// register (xmm12..xmm15) is copied into the entry's cache register (one register move), where the
    /// float ops read it; <paramref name="other"/> (the op's other operand) keeps its register.</summary>
    public void FloatLocalToRegister(int slot, int other)
    {
        if (Frame.XmmLocalOf(slot) is not (>= 0 and var local)) return;
        Frame.FreeRegisterFor(slot, other);
        Unit.Emit(S.Xmm.Move(AbstractFrame.RegisterOf(slot), AbstractFrame.XmmLocalRegisterOf(local)));
        Frame.NowInRegister(slot, isInt: false);
    }

    /// <summary>Loads the pending float constant of stack entry <paramref name="slot"/> into its float
    /// cache register (two instructions, no frame store); <paramref name="other"/> keeps its register.
    /// False when the entry is not a pending float constant.</summary>
    public bool TryConstantToXmm(int slot, int other)
    {
        if (Frame[slot].PendingConstant is not { Tag: Tag.Float } constant) return false;
        Frame.FreeRegisterFor(slot, other);
        EmitFloatConstant(AbstractFrame.RegisterOf(slot), (long)constant.Payload);
        Frame.NowInRegister(slot, isInt: false);
        return true;
    }

    /// <summary>Loads the float with IEEE bits <paramref name="bits"/> into cache register
    /// <paramref name="register"/>: from a data cell that holds it (one rip-relative movsd; cells are shared
    /// by value), or as an immediate through rax when the data region is full.</summary>
    private void EmitFloatConstant(int register, long bits)
    {
        if (lowerer.Backend.TryConstantCell(bits, out nint cell))
        {
            Unit.Emit(S.Xmm.ConstantCell(register), Operand.Cell(cell));
            lowerer.Statistics.FloatConstantsFromCellsEmitted++;
        }
        else Unit.Emit(S.Xmm.Constant(register), Operand.Imm(bits));
    }

    /// <summary>Writes a constant to a slot (only its payload into a local that already holds its tag).</summary>
    public void EmitConstant(Value value, int dst, bool tagInPlaceKnown = true)
    {
        Stencil stencil = value.Tag switch
        {
            Tag.Int when value.Payload is >= int.MinValue and <= int.MaxValue => S.Frame.StoreSmallInt,
            Tag.Int => S.Frame.StoreInt,
            Tag.Float => S.Frame.StoreFloat,
            Tag.Bool => value.Payload != 0 ? S.Frame.StoreTrue : S.Frame.StoreFalse,
            Tag.Object => S.Frame.StoreObject, // a global's function, class, module or builtin
            _ => S.Frame.StoreNone,
        };
        if (tagInPlaceKnown)
            stencil = ForResult(stencil, dst,
                TagMapping.FromTag((byte)value.Tag, value.IsObject ? (byte)value.Kind : (byte)0));
        if (value.Tag is Tag.Bool or Tag.None) Unit.Emit(stencil, Operand.Slot(dst));
        else Unit.Emit(stencil, Operand.Slot(dst), Operand.Imm(value.Payload));
    }

    /// <summary>Converts the int in stack entry <paramref name="slot"/> to a float in its own slot.
    /// The converted entry no longer equals the local it may have been loaded from: its alias is
    /// dropped, or typing it Float would type the local Float.</summary>
    public void ConvertToFloat(int slot)
    {
        Unit.Emit(S.Float.FromInt, In(slot), Operand.Slot(slot));
        Frame.Overwrite(slot, AbstractType.Float);
    }

    /// <summary>The slot the op at the current offset, which pops <paramref name="operands"/> entries
    /// and pushes one result, writes its result to: the local of a StoreFast that directly follows
    /// it in the same block, else the result's stack slot. Call it once the op's fast path is chosen,
    /// before its stencil: stack entries below the operands that are pending copies of that local are
    /// written now, while the local still holds their value.</summary>
    public int ResultSlot(int operands)
    {
        int stackSlot = Frame.StackSlot(Frame.Depth - operands);
        int next = lowerer.Offset + 1;
        var shape = lowerer.Code.Shape;
        if (next >= shape.Length || shape.IsBlockStart(next)) return stackSlot;
        int instr = lowerer.Code.InstrAt(next);
        if (OpcodeInfo.OpOf(instr) != Opcode.StoreFast) return stackSlot;
        int local = OpcodeInfo.ArgOf(instr);
        for (int e = 0; e < Frame.Depth - operands; e++)
            if (Frame[Frame.StackSlot(e)].Alias == local) Frame.Materialize(Frame.StackSlot(e));
        return local;
    }

    /// <summary>True when <paramref name="dst"/> is a local that already holds the one tag every
    /// value of <paramref name="type"/> has (locals are always in the frame; stack slots may be stale).</summary>
    public bool TagInPlace(int dst, AbstractType type) =>
        dst < Frame.LocalCount && Frame.TypeOf(dst).Guarantee().ExactTag is { } tag && type.Guarantee().ExactTag == tag
        && !Frame[dst].InRegister; // a cached local's slot may hold an older value of another type

    /// <summary><paramref name="stencil"/>, or its payload-only twin when <paramref name="dst"/> already holds the tag of <paramref name="type"/>.</summary>
    public Stencil ForResult(Stencil stencil, int dst, AbstractType type) =>
        TagInPlace(dst, type) && S.PayloadOnly(stencil) is { } bare ? bare : stencil;

    /// <summary>After the op wrote its result of <paramref name="type"/> to <paramref name="dst"/>:
    /// pops the operands and pushes the result, or, when <paramref name="dst"/> is the local of the
    /// StoreFast that follows, completes that store as well.</summary>
    public bool PushResult(int operands, int dst, AbstractType type)
    {
        Frame.Pop(operands);
        if (dst >= Frame.LocalCount)
        {
            Frame.Push(type);
            lowerer.OpDone();
            return true;
        }
        Frame.ForgetLocal(dst);
        Frame.SetLocal(dst, type, null);
        lowerer.OpDone(2);
        return true;
    }
}
