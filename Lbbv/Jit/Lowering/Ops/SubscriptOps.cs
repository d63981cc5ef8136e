// Gen<Op> for subscripts: list and tuple items indexed by an int inline, slices and every other
// container through a helper.
using Lbbv.Backend.Emission;
using Lbbv.Bytecode;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Jit.Lowering.Ops;

internal sealed unsafe class SubscriptOps(Lowerer lowerer) : OpFamily(lowerer)
{
    public bool GenBinarySubscr()
    {
        int container = Top(1), index = Top(0);
        var tc = Speculation.Speculate(container, AbstractType.Unknown, out bool guardC);
        var ti = Speculation.Speculate(index, AbstractType.Int, out bool guardI);
        if (tc == AbstractType.Unknown && Speculation.ShouldDefer() && Speculation.CouldBeSequence(TypeOf(container)))
            return Speculation.Defer();
        if (tc is not (AbstractType.List or AbstractType.Tuple) || ti != AbstractType.Int)
            return Ops.Generic.GenHelperOp(OpHelpers.SubscrAddress, 2, AbstractType.Bound);
        FlushOps();
        GuardOperands(container, tc, guardC, index, ti, guardI);
        var stencil = tc == AbstractType.List ? S.Sequence.ListGetItem : S.Sequence.TupleGetItem;
        var rejoin = Unit.NewLabel();
        Unit.Emit(stencil, In(container), In(index), Operand.Slot(container), Emit.ColdHelper(rejoin));
        Emit.Rejoin(rejoin);
        var item = PeekItem(container, index, tc);
        Frame.Pop(2);
        Frame.Push(AbstractType.Bound, item);
        return Done();
    }

    /// <summary>The guards a subscript speculated on, failing to one place.</summary>
    private void GuardOperands(int container, AbstractType tc, bool guardC, int index, AbstractType ti, bool guardI)
    {
        if (!guardC && !guardI) return;
        var fail = Guards.Failure();
        if (guardC) Guards.Guard(container, tc, fail);
        if (guardI) Guards.Guard(index, ti, fail);
    }

    /// <summary>`BuildSlice n` then `BinarySubscr` (`a[lo:hi]`, `a[lo:hi:by]`): one helper call that
    /// slices a list, tuple, str or range without building the slice object. A slice of a list,
    /// tuple or str is a new list, tuple or str (their kinds are exact types: subclass instances
    /// are Instance objects), so `perm = perm1[:]` keeps perm typed when the container's type is
    /// known or guarded. Not fused when the subscript starts a block (something jumps to it).</summary>
    public bool GenBuildSlice(int n)
    {
        int next = K + 1;
        if (next >= Shape.Length || Shape.IsBlockStart(next) || OpcodeInfo.OpOf(L.Code.InstrAt(next)) != Opcode.BinarySubscr)
            return n == 2 ? Ops.Generic.GenHelperOp(OpHelpers.BuildSliceAddress, 2, AbstractType.Heap) : Ops.Generic.GenGeneric(Opcode.BuildSlice, n);
        int container = Top(n);
        var tc = Speculation.Speculate(container, AbstractType.Unknown, out bool guardC);
        if (tc == AbstractType.Unknown && Speculation.ShouldDefer() && Speculation.CouldBeSequence(TypeOf(container)))
            return Speculation.Defer();
        if (tc is not (AbstractType.List or AbstractType.Tuple or AbstractType.Str)) tc = AbstractType.Bound;
        FlushOps();
        if (guardC && tc != AbstractType.Bound) Guards.Guard(container, tc, Guards.Failure());
        if (L.KeepListings) Unit.Annotate($"@{next} BinarySubscr (fused with the BuildSlice)");
        Emit.CallHelper(OpHelpers.SliceSubscrAddress, n);
        Frame.Pop(n + 1);
        Frame.Push(tc);
        return Done(2);
    }

    /// <summary>The item a list/tuple subscript will read when this code first runs, if the compiler can tell.</summary>
    private Value? PeekItem(int container, int index, AbstractType kind)
    {
        if (!TryLive(container, out var c) || !TryLive(index, out var i) || !c.IsObject || !i.IsInt) return null;
        long n = c.Kind == ObjectKind.List && kind == AbstractType.List ? ((ListObject*)c.Ptr)->Count
            : c.Kind == ObjectKind.Tuple && kind == AbstractType.Tuple ? Tuples.Count(c) : -1;
        if (i.Payload < 0 || i.Payload >= n) return null;
        // SAFETY: a live list or tuple and an index checked against its count.
        return kind == AbstractType.List ? ((ListObject*)c.Ptr)->Items[i.Payload] : Tuples.Span(c)[(int)i.Payload];
    }

    public bool GenStoreSubscr()
    {
        int value = Top(2), container = Top(1), index = Top(0);
        var tc = Speculation.Speculate(container, AbstractType.Unknown, out bool guardC);
        var ti = Speculation.Speculate(index, AbstractType.Int, out bool guardI);
        if (tc == AbstractType.Unknown && Speculation.ShouldDefer() && Speculation.CouldBeSequence(TypeOf(container)))
            return Speculation.Defer();
        if (tc != AbstractType.List || ti != AbstractType.Int) return Ops.Generic.GenHelperOp(OpHelpers.StoreItemAddress, 3, null);
        FlushOps();
        GuardOperands(container, tc, guardC, index, ti, guardI);
        var rejoin = Unit.NewLabel();
        Unit.Emit(S.Sequence.ListSetItem, In(container), In(index), In(value), Emit.ColdHelper(rejoin));
        Emit.Rejoin(rejoin);
        Frame.Pop(3);
        return Done();
    }
}
