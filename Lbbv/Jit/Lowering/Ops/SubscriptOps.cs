// Gen<Op> for subscripts: list and tuple items indexed by an int inline (a list's items typed by
// its element kind), slices and every other container through a helper.
using Lbbv.Backend.Emission;
using Lbbv.Backend.Stencils.Families;
using Lbbv.Jit.Frames;
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
        // A local's list or tuple whose element kind is unknown and unseen: compiled when reached,
        // with it live, so that its kind can be guarded once for the loads after it.
        bool typedItem = tc is AbstractType.List or AbstractType.Tuple && Policy.TypedListItems && ItemIsTested();
        if (typedItem && Frame.LocalOf(container) is >= 0 and var local && Frame.ElementKindOf(container) == Lists.NoKind
            && ReadAgainInBlock(local) && !TryLive(container, out _) && Speculation.ShouldDefer())
            return Speculation.Defer();
        FlushOps();
        GuardOperands(container, tc, guardC, index, ti, guardI);
        var itemType = typedItem ? ElementType(container, tc) : AbstractType.Bound;
        // `x = lst[i]` writes the item straight into x (only its payload when x holds its tag); an
        // index the register cache holds is read from its register.
        int dst = Operands.ResultSlot(2);
        int? indexRegister = tc == AbstractType.List && Frame.InGpr(index) ? AbstractFrame.IntRegisterOf(index) : null;
        var stencil = tc != AbstractType.List ? S.Sequence.TupleGetItem
            : indexRegister is { } r ? S.Sequence.ListGetItemIndexIn(r) : S.Sequence.ListGetItem;
        stencil = Operands.ForResult(stencil, dst, itemType);
        if (tc == AbstractType.List && dst == container && SwapFollows()) return GenGetItemUnder(index, indexRegister, itemType);
        if (tc == AbstractType.List && dst == container && TryGenFloatItem(container, index, indexRegister, itemType))
            return Done();
        var rejoin = Unit.NewLabel();
        var kinds = Frame.SaveElementKinds();
        var globals = Frame.SaveGlobals(); // nor does it run Python code that could bind a global
        int epoch = Frame.ListEpoch, fromLocal = tc == AbstractType.List ? Frame.LocalOf(container) : -1;
        // The slow path leaves the item in the container's slot, the stack top after the op.
        Action? toLocal = dst == container ? null : () => Unit.Emit(S.Frame.Move, Operand.Slot(container), Operand.Slot(dst));
        var list = In(container);
        if (indexRegister is null) Unit.Emit(stencil, list, In(index), Operand.Slot(dst), Emit.ColdHelperKeeping(rejoin, 2, toLocal));
        else Unit.Emit(stencil, list, Operand.Slot(dst), Emit.ColdHelperKeeping(rejoin, 2, toLocal));
        Emit.Rejoin(rejoin);
        Frame.RestoreElementKinds(kinds); // the slow path reads an item of a list (a negative index) or raises
        Frame.RestoreGlobals(globals);
        Frame.RestoreListEpoch(epoch);
        var item = PeekItem(container, index, tc);
        if (itemType != AbstractType.Bound)
        {
            Stats.TypedItemLoadsEmitted++;
            if (Stats.TypedItemLoads is { } c) Unit.Emit(S.Counter.Increment, c);
        }
        if (dst != container) return Operands.PushResult(2, dst, itemType);
        Frame.Pop(2);
        Frame.Push(itemType, item);
        if (fromLocal >= 0) Frame.NoteItemOf(Top(), fromLocal);
        return Done();
    }

    /// <summary>A list's item that is a float (its list's element kind proved it, or the live item is one)
    /// and whose next use is float arithmetic or a comparison: loaded straight into the cache register
    /// of the container's slot (Sequence.ListGetFloat), where the use reads it, with no frame write,
    /// no separate tag test and no helper path, so the entries cached below stay in their registers.
    /// An index out of range (a negative one included) and, unless proved, an item of another type
    /// fail as a guard before the op: its version for what the values are then runs the op.</summary>
    private bool TryGenFloatItem(int container, int index, int? indexRegister, AbstractType itemType)
    {
        bool proved = itemType == AbstractType.Float;
        if (!MaySpeculate || ItemConsumer() is not (Opcode.BinaryOp or Opcode.CompareOp)) return false;
        if (!proved && (itemType != AbstractType.Bound || !FloatItemLikely(container, index))) return false;
        int fromLocal = Frame.LocalOf(container);
        Frame.FreeRegisterFor(container, container);
        var operands = new List<Operand> { In(container) };
        if (indexRegister is null) operands.Add(In(index));
        operands.Add(Guards.Failure());
        if (!proved) Emit.CountTypeTest(); // the item's tag, inside the load
        Unit.Emit(S.Sequence.ListGetFloat(indexRegister, AbstractFrame.RegisterOf(container), proved), [.. operands]);
        Stats.FloatItemLoadsEmitted++;
        if (proved)
        {
            Stats.TypedItemLoadsEmitted++;
            if (Stats.TypedItemLoads is { } c) Unit.Emit(S.Counter.Increment, c);
        }
        Frame.Pop(2);
        Frame.PushInRegister();
        if (fromLocal >= 0) Frame.NoteItemOf(Top(), fromLocal);
        return true;
    }

    /// <summary>`x, y = y, lst[i]` (fannkuch's `perm[i], perm[j] = perm[j], perm[i]`): the item load is
    /// followed by the BuildTuple 2 / UnpackSequence 2 that only swaps it with the written entry below
    /// the list. The item goes straight under it and that entry moves up: one copy, no exchange.</summary>
    private bool SwapFollows()
    {
        int below = Depth - 3;
        if (below < 0 || K + 2 >= Shape.Length || Shape.IsBlockStart(K + 1) || Shape.IsBlockStart(K + 2)) return false;
        if (L.Code.InstrAt(K + 1) != OpcodeInfo.Encode(Opcode.BuildTuple, 2)
            || L.Code.InstrAt(K + 2) != OpcodeInfo.Encode(Opcode.UnpackSequence, 2)) return false;
        int slot = StackSlot(below);
        return !Frame[slot].InRegister && !Frame.IsPending(slot);
    }

    private bool GenGetItemUnder(int index, int? indexRegister, AbstractType itemType)
    {
        int container = Top(1), under = Top(2);
        var rejoin = Unit.NewLabel();
        var kinds = Frame.SaveElementKinds();
        var globals = Frame.SaveGlobals(); // nor does it run Python code that could bind a global
        int epoch = Frame.ListEpoch, fromLocal = Frame.LocalOf(container);
        // The slow path leaves the item in the container's slot: it swaps it with the entry under it.
        void Swap() => Unit.Emit(S.Frame.Exchange, Operand.Slot(container), Operand.Slot(under));
        var stencil = S.Sequence.ListGetItemUnder(indexRegister);
        var list = In(container);
        if (indexRegister is null)
            Unit.Emit(stencil, list, In(index), Operand.Slot(under), Operand.Slot(container), Emit.ColdHelperKeeping(rejoin, 2, Swap));
        else Unit.Emit(stencil, list, Operand.Slot(under), Operand.Slot(container), Emit.ColdHelperKeeping(rejoin, 2, Swap));
        Emit.Rejoin(rejoin);
        Frame.RestoreElementKinds(kinds);
        Frame.RestoreGlobals(globals);
        Frame.RestoreListEpoch(epoch);
        if (itemType != AbstractType.Bound)
        {
            Stats.TypedItemLoadsEmitted++;
            if (Stats.TypedItemLoads is { } c) Unit.Emit(S.Counter.Increment, c);
        }
        Frame.Pop(2);
        Frame.Push(itemType);
        if (fromLocal >= 0) Frame.NoteItemOf(Top(), fromLocal);
        Frame.Swap(Top(), Top(1)); // what is known of each entry follows its value
        return Done(3);
    }

    /// <summary>Whether the op that takes the item this subscript pushes tests its type (arithmetic,
    /// a comparison, a branch, a subscript, an attribute store's widening test, a return), or keeps
    /// it in a local: else (an item stored into a list, passed to a call, swapped) a guard on the
    /// list's element kind would only add a test.</summary>
    private bool ItemIsTested()
    {
        int item = Depth - 2, size = Depth - 1; // after the subscript, the item is the top entry
        for (int k = K + 1; k < Shape.Length && !Shape.IsBlockStart(k); k++)
        {
            var op = OpcodeInfo.OpOf(L.Code.InstrAt(k));
            int arg = OpcodeInfo.ArgOf(L.Code.InstrAt(k));
            var spec = OpTable.Of(op);
            if (size - spec.Pops.For(arg) <= item)
                return op is Opcode.BinaryOp or Opcode.CompareOp or Opcode.UnaryNegative or Opcode.UnaryNot
                    or Opcode.PopJumpIfFalse or Opcode.PopJumpIfTrue or Opcode.StoreFast or Opcode.BinarySubscr
                    or Opcode.StoreAttr or Opcode.ReturnValue
                    || (op == Opcode.StoreSubscr && item > size - 3); // its container or index, not its value
            if (spec.Has(OpTraits.Jump) || spec.Has(OpTraits.Terminator)) return false;
            size += spec.NetEffect(arg, jump: false);
        }
        return false;
    }

    /// <summary>Whether the item is worth loading as a float: the live item is one, or, when the
    /// compiler cannot see it, the other operand of the op that takes it is a float (the entry under
    /// the list, `f(i) * v[j]`, or a float local or constant loaded after the item, `v[j] * x`).</summary>
    private bool FloatItemLikely(int container, int index)
    {
        if (PeekItem(container, index, AbstractType.List) is { } item) return item.Tag == Tag.Float;
        if (TryLive(container, out _) && TryLive(index, out _)) return false; // out of range now
        int next = OpcodeInfo.Encode(Opcode.Nop, 0), k = K + 1;
        if (k < Shape.Length && !Shape.IsBlockStart(k)) next = L.Code.InstrAt(k);
        var op = OpcodeInfo.OpOf(next);
        int arg = OpcodeInfo.ArgOf(next);
        if (op is Opcode.BinaryOp or Opcode.CompareOp)
            return container > StackSlot(0) && TypeOf(container - 1) == AbstractType.Float;
        if (op == Opcode.LoadFast) return TypeOf(arg) == AbstractType.Float;
        return op == Opcode.LoadConst && L.Code.ConstantAt(arg).Tag == Tag.Float;
    }

    /// <summary>The op that takes the item this subscript pushes, when it is in the same block and only
    /// pending loads (of locals and constants) come between; else null.</summary>
    private Opcode? ItemConsumer()
    {
        int item = Depth - 2, size = Depth - 1; // after the subscript, the item is the top entry
        for (int k = K + 1; k < Shape.Length && !Shape.IsBlockStart(k); k++)
        {
            var op = OpcodeInfo.OpOf(L.Code.InstrAt(k));
            int arg = OpcodeInfo.ArgOf(L.Code.InstrAt(k));
            var spec = OpTable.Of(op);
            if (size - spec.Pops.For(arg) <= item) return op;
            if (op is not (Opcode.LoadFast or Opcode.LoadConst or Opcode.Nop)) return null;
            size += spec.NetEffect(arg, jump: false);
        }
        return null;
    }

    /// <summary>Whether <paramref name="local"/> is read again before the block ends: one guard then
    /// types several loads (a single load's guard would only replace its item's test).</summary>
    private bool ReadAgainInBlock(int local)
    {
        for (int k = K + 1; k < Shape.Length && !Shape.IsBlockStart(k); k++)
        {
            int instr = L.Code.InstrAt(k);
            if (OpcodeInfo.OpOf(instr) == Opcode.LoadFast && OpcodeInfo.ArgOf(instr) == local) return true;
        }
        return false;
    }

    /// <summary>The type of every item of the list or tuple (<paramref name="tc"/>) in
    /// <paramref name="container"/> (List element kinds, docs/LBBV.md): known from an earlier kind
    /// guard on the same local in this code, else proved by one now when the live object claims a
    /// kind of a leaf type. Bound when nothing is known or it is no local's (the knowledge would not
    /// outlast the load, so a guard would only move the test of the item's use here).</summary>
    private AbstractType ElementType(int container, AbstractType tc)
    {
        byte kind = Frame.ElementKindOf(container);
        if (kind != Lists.NoKind) return TypeOfKind(kind);
        bool tuple = tc == AbstractType.Tuple;
        if (!Policy.TypedListItems || !MaySpeculate || Frame.LocalOf(container) is not (>= 0 and var local)
            || !ReadAgainInBlock(local) || !TryLive(container, out var live)
            || !live.Is(tuple ? ObjectKind.Tuple : ObjectKind.List))
            return AbstractType.Bound;
        // SAFETY: a live list or tuple object.
        kind = tuple ? Tuples.ElementKind(live) : ((ListObject*)live.Ptr)->ElementKind;
        var type = TypeOfKind(kind);
        if (!IsInlineKindType(type)) return AbstractType.Bound;
        Emit.CountTypeTest();
        if (tuple) Ops.Unpack.GuardTupleKind(In(container), kind, Guards.Failure());
        else Unit.Emit(S.ListKind.Guard, In(container), Operand.Imm(kind), Guards.Failure());
        if (tuple) Ops.Unpack.CountTupleKindGuard();
        else Stats.ListKindGuardsEmitted++;
        (tuple ? L.Tally.TupleKindGuards : L.Tally.ListKindGuards).Add($"@{K}:{type}");
        Frame.NoteElementKind(container, kind);
        return type;
    }

    /// <summary>Whether an element kind of this type is worth a guard: only types whose uses are
    /// specialized inline (an instance's uses check its class, which proves its kind too; a str's or
    /// dict's mostly call helpers, so a guard would only add a test).</summary>
    internal static bool IsInlineKindType(AbstractType type) => type is AbstractType.Int or AbstractType.Float
        or AbstractType.Bool or AbstractType.None or AbstractType.List or AbstractType.Tuple;

    /// <summary>The lattice type of every value of element kind <paramref name="kind"/> (Unknown for NoKind).</summary>
    internal static AbstractType TypeOfKind(byte kind) => kind == Lists.NoKind ? AbstractType.Unknown
        : kind < Lists.ObjectKindBase ? TagMapping.FromTag(kind, 0)
        : TagMapping.FromObjectKind((byte)(kind - Lists.ObjectKindBase));

    /// <summary>The element kind every value of <paramref name="type"/> has, or NoKind when that depends on the value.</summary>
    internal static byte KindOfType(AbstractType type)
    {
        if (!TypedReturns.Reportable(type)) return Lists.NoKind;
        var g = type.Guarantee();
        return g.ObjectKind is { } k ? (byte)(Lists.ObjectKindBase + k) : g.LowTag;
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
        Ops.Allocation.EmitSliceSubscr(n, tc);
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
        var kinds = Frame.SaveElementKinds();
        var globals = Frame.SaveGlobals(); // nor does it run Python code that could bind a global
        int epoch = Frame.ListEpoch;
        var rejoin = Unit.NewLabel();
        byte kind = EmitListStore(value, container, index, () => Emit.ColdHelperKeeping(rejoin, 3, null));
        Emit.Rejoin(rejoin);
        Frame.RestoreElementKinds(kinds); // the slow path stores this item (a negative index) or raises
        Frame.RestoreGlobals(globals);
        Frame.RestoreListEpoch(epoch);
        Frame.ForgetElementKinds(kind); // the list may be any local's
        Frame.Pop(3);
        return Done();
    }

    /// <summary>`c[k] op= v` (Swap 3, Swap 2, StoreSubscr after the op: `count[r] -= 1`, a histogram's
    /// `counts[b] += 1`) on a list and an int index already typed: one store from where the entries
    /// are, instead of materializing them and exchanging them twice. Its slow path (a negative index,
    /// IndexError) runs the ops unspecialized from the first Swap (the policy's decline).</summary>
    public bool TryGenAugmentedStore()
    {
        // Only where the bytecode is lowered as it is (LBBV, the policy that threads jumps): a tracer's
        // passes may remove the Swap 2 of its recording, which ends a fused group there.
        if (!Policy.MayThreadJumps || !MaySpeculate) return false;
        if (K + 2 >= Shape.Length || Shape.IsBlockStart(K + 1) || Shape.IsBlockStart(K + 2)) return false;
        if (L.Code.InstrAt(K + 1) != OpcodeInfo.Encode(Opcode.Swap, 2)
            || OpcodeInfo.OpOf(L.Code.InstrAt(K + 2)) != Opcode.StoreSubscr) return false;
        int value = Top(0), index = Top(1), container = Top(2);
        if (TypeOf(container) != AbstractType.List || TypeOf(index) != AbstractType.Int) return false;
        FlushOps();
        byte kind = EmitListStore(value, container, index, () => Policy.Declined(Frame.Context));
        Frame.ForgetElementKinds(kind); // the list may be any local's
        Frame.Pop(3);
        return Done(3);
    }

    /// <summary>The inline store of <paramref name="value"/> into the list in <paramref name="container"/>
    /// at the int in <paramref name="index"/>, each read from its register when cached; the store keeps
    /// the list's element kind (no code when the list is known to claim the value's kind, or the value
    /// is an item of this very list). Returns the value's element kind (NoKind when not known).</summary>
    private byte EmitListStore(int value, int container, int index, Func<Operand> slow)
    {
        byte kind = KindOfType(TypeOf(value));
        var note = kind == Lists.NoKind ? ItemKindNote.FromValue
            : kind == Frame.ElementKindOf(container) ? ItemKindNote.None : ItemKindNote.OfKind;
        if (Frame.IsItemOf(value, Frame.LocalOf(container))) note = ItemKindNote.None; // fannkuch's swap
        int? indexRegister = Frame.InGpr(index) ? AbstractFrame.IntRegisterOf(index) : null;
        int? valueRegister = Frame.InGpr(value) && note != ItemKindNote.FromValue ? AbstractFrame.IntRegisterOf(value) : null;
        Span<Operand> operands = stackalloc Operand[5];
        int n = 0;
        operands[n++] = In(container);
        if (indexRegister is null) operands[n++] = In(index);
        if (valueRegister is null) operands[n++] = In(value);
        if (note == ItemKindNote.OfKind) operands[n++] = Operand.Imm(kind);
        operands[n++] = slow();
        Unit.Emit(S.Sequence.ListSetItemWith(note, indexRegister, valueRegister), operands[..n]);
        return kind;
    }
}
