// Gen<Op> for the operand stack, constants and locals, and ReturnValue (cells: CellOps). LoadFast and
// LoadConst emit no code: the entry stays pending until something reads it from the frame.
using Lbbv.Backend.Emission;
using Lbbv.Bytecode;
using Lbbv.Jit.Frames;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Jit.Lowering.Ops;

internal sealed class StackOps(Lowerer lowerer) : OpFamily(lowerer)
{
    public bool GenNop() => Done();

    public bool GenPopTop()
    {
        Frame.Pop();
        return Done();
    }

    public bool GenCopy(int n)
    {
        int src = Top(n - 1), dst = StackSlot(Depth);
        // A copy of a pending entry is another pending copy of the same local or constant.
        if (!Frame[src].PendingCopy && !Frame[src].PendingConstant.HasValue)
            Unit.Emit(S.Frame.Move, Operand.Slot(src), Operand.Slot(dst));
        Frame.PushDuplicate(src);
        return Done();
    }

    public bool GenSwap(int n)
    {
        if (n == 2 && Ops.Attributes.TryGenSwapStoreAttr()) return true;
        if (n == 3 && Ops.Subscripts.TryGenAugmentedStore()) return true;
        if (Frame.IsPending(Top()) && Frame.IsPending(Top(n - 1)))
        {
            // Neither entry is in the frame (a chained comparison's `0 <= x`): swap what is known.
            Frame.Swap(Top(), Top(n - 1));
            return Done();
        }
        Frame.MaterializeAll();
        SwapEntries(Top(), Top(n - 1));
        return Done();
    }

    /// <summary>`a, b = b, a`: BuildTuple n then UnpackSequence n in the same block only reverses the
    /// top n entries; no tuple is built, and the entries keep their types. (Longer tuples, as in
    /// bigint's `q, r, t, k, m, x = ...`, were built until ints that grow big had a type of their own,
    /// Integer: since then reversing them keeps q, r, t typed and halves bigint's type tests.)</summary>
    public bool GenBuildTuple(int n)
    {
        if (Ops.BuiltinCalls.TryGenIsInstanceClasses(n)) return true;
        int next = K + 1;
        bool fused = n >= 2 && next < Shape.Length && !Shape.IsBlockStart(next)
            && L.Code.InstrAt(next) == OpcodeInfo.Encode(Opcode.UnpackSequence, n);
        if (!fused) return Ops.Generic.GenBuildSequence(n, Opcode.BuildTuple);
        for (int i = 0; i < n / 2; i++) SwapEntries(Top(i), Top(n - 1 - i)); // an odd n's middle entry stays
        return Done(2);
    }

    /// <summary>Exchanges two materialized stack entries.</summary>
    private void SwapEntries(int top, int bottom)
    {
        Unit.Emit(S.Frame.Exchange, Operand.Slot(top), Operand.Slot(bottom));
        Frame.Swap(top, bottom);
    }

    public bool GenLoadConst(int index)
    {
        var value = L.Code.ConstantAt(index);
        int dst = StackSlot(Depth);
        switch (value.Tag)
        {
            case Tag.Int or Tag.Float or Tag.Bool or Tag.None:
                // No code: the entry stays a pending constant until something needs it written
                // (an op with an immediate form never does).
                Frame.PushConstant(value, TagMapping.FromTag((byte)value.Tag, 0), exact: false);
                return Done();
            case Tag.Object:
                // Constants are permanent roots: the pointer stays valid for the whole run.
                Unit.Emit(S.Frame.StoreObject, Operand.Slot(dst), Operand.Imm(value.Payload));
                Frame.Push(TagMapping.FromObjectKind((byte)value.Kind));
                return Done();
            default:
                return Ops.Generic.GenGeneric(Opcode.LoadConst, index);
        }
    }

    public bool GenLoadFast(int local)
    {
        var type = TypeOf(local);
        if (type == AbstractType.Empty) return Emit.ExitHere(ExitReason.Unbound);
        if (type == AbstractType.Unknown)
        {
            FlushOps();
            Guards.Guard(local, AbstractType.Bound, Emit.ColdExit(ExitReason.Unbound));
            type = AbstractType.Bound;
        }
        // No code: the stack entry stays a pending copy of the local until something needs it written.
        Frame.PushCopyOf(local, type);
        return Done();
    }

    public bool GenStoreFast(int local)
    {
        int top = Top();
        var known = Frame.PortableKnowledge(top); // the stored object's class stays known (node = node.link)
        Frame.ForgetLocal(local); // pending copies of the local's old value are written first
        if (Frame.GprOf(top) >= 0 && Frame.IsCacheable(local)) return Ops.Arithmetic.StoreCachedLocal(top, local);
        if (Frame.InXmm(top) && Frame.IsCacheableFloat(local)) return Ops.Arithmetic.StoreCachedFloatLocal(top, local);
        if (Frame[top].InRegister)
        {
            var spill = Operands.ForResult(Operands.SpillOf(top, Frame.InGpr(top)), local, TypeOf(top));
            Unit.Emit(spill, Operand.Slot(local));
        }
        else if (Frame[top].PendingConstant is { } constant)
            Operands.EmitConstant(constant, local);
        else if (!(Frame[top].PendingCopy && Frame[top].Alias == local))
            Unit.Emit(Operands.ForResult(S.Frame.Move, local, TypeOf(top)), In(top), Operand.Slot(local));
        Frame.SetLocal(local, TypeOf(top), Frame[top].Live);
        Frame.KnowObject(local, known);
        Frame.Pop();
        return Done();
    }

    public bool GenReturnValue()
    {
        L.CountOp();
        FlushOps();
        // Every caller takes the value from the return registers (a caller in machine code, and
        // the entry trampoline for the interpreter): the frame is done, so nothing is materialized
        // and a local is returned straight from its slot.
        var exit = Ops.Calls.ReturnExit(Top()); // return versioning: the type this site proves
        int top = Top();
        for (int e = 0; e < Depth - 1; e++) Frame.Spill(StackSlot(e), SpillReason.Frame); // dead, but kept exact
        if (Frame[top].InRegister)
        {
            // A result in the register cache goes straight to the return cell.
            bool isInt = Frame.InGpr(top);
            Unit.Emit(isInt
                ? S.Gpr.StoreReturn(AbstractFrame.IntRegisterOf(top))
                : S.Xmm.StoreReturn(AbstractFrame.RegisterOf(top)));
        }
        else Unit.Emit(S.Invoke.StoreReturn, In(top));
        Ops.Calls.EmitReturnExit(exit);
        return false;
    }
}
