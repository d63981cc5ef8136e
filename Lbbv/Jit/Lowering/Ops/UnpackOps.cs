// Gen<Op> for UnpackSequence: a tuple whose count and element kind are guarded is unpacked inline,
// its items typed by the kind (Tuple element kinds, docs/LBBV.md); anything else through the
// interpreter's op.
using Lbbv.Backend.Emission;
using Lbbv.Bytecode;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Jit.Lowering.Ops;

internal sealed class UnpackOps(Lowerer lowerer) : OpFamily(lowerer)
{
    /// <summary>`a, b = pair`, `for x, y in pairs`: when the live value is a tuple of n items that
    /// claims an element kind of a type whose uses are specialized inline, one guard (tuple, count n,
    /// that kind) replaces the helper call and types the n items pushed; a tuple of n items of other
    /// or mixed kinds is unpacked inline too, behind a count check, its items untyped; else the
    /// generic op. An unseen value is compiled when reached (deferred), so that it is live.</summary>
    public bool GenUnpackSequence(int n)
    {
        int seq = Top(0);
        if (!Policy.TypedListItems || !MaySpeculate) return Ops.Generic.GenGeneric(Opcode.UnpackSequence, n);
        if (!TryLive(seq, out var live))
        {
            // (A tuple or list known as one, `for p in pairs` typed by the list's kind, still has its
            // count and kind to be seen.)
            var t = TypeOf(seq);
            if (Speculation.ShouldDefer()
                && (Speculation.CouldBeSequence(t) || t is AbstractType.Tuple or AbstractType.List))
                return Speculation.Defer();
            return Ops.Generic.GenGeneric(Opcode.UnpackSequence, n);
        }
        var tc = Speculation.Speculate(seq, AbstractType.Unknown, out bool guardTuple);
        if (tc == AbstractType.List && live.Is(ObjectKind.List) && TryGenListUnpack(seq, n, live, guardTuple))
            return Done();
        if (tc != AbstractType.Tuple || !live.Is(ObjectKind.Tuple) || Tuples.Count(live) != n)
            return Ops.Generic.GenGeneric(Opcode.UnpackSequence, n);
        byte kind = Tuples.ElementKind(live);
        var type = SubscriptOps.TypeOfKind(kind);
        bool typed = SubscriptOps.IsInlineKindType(type);
        FlushOps();
        var fail = Guards.Failure();
        if (guardTuple) Guards.Guard(seq, AbstractType.Tuple, fail);
        if (typed)
        {
            Emit.CountTypeTest();
            var settled = SettlingTupleKind(In(seq), kind, fail, out var back);
            Unit.Emit(S.ListKind.TupleShapeGuard, In(seq), Operand.Imm(n), Operand.Imm(kind), fail, settled);
            Unit.Bind(back);
            CountTupleKindGuard();
            L.Tally.TupleKindGuards.Add($"@{K}:{type}x{n}");
        }
        else
        {
            // Items of different kinds (`op, arg = ("push", 3)`): only the count is checked (a shape
            // check, not a type test), and the items are pushed untyped, without the helper.
            type = AbstractType.Bound;
            Unit.Emit(S.ListKind.TupleCountGuard, In(seq), Operand.Imm(n), fail);
            Stats.UntypedTupleUnpacksEmitted++;
            if (Stats.UntypedTupleUnpacks is { } u) Unit.Emit(S.Counter.Increment, u);
            L.Tally.TupleKindGuards.Add($"@{K}:Mixedx{n}");
        }
        // Entry j above the tuple's slot gets item n-1-j (item 0 ends on top, as CPython pushes
        // them); the tuple's own slot (entry 0) is written last, as the loads read the tuple from it.
        var tuple = In(seq);
        int bottom = seq;
        for (int j = n - 1; j >= 0; j--)
            Unit.Emit(S.ListKind.TupleItem, tuple, Operand.Slot(n - 1 - j), Operand.Slot(bottom + j));
        if (typed)
        {
            Stats.TypedItemLoadsEmitted += n;
            if (Stats.TypedItemLoads is { } c) Unit.Emit(S.Counter.Add, c, Operand.Imm(n));
        }
        Frame.Pop(1);
        for (int j = 0; j < n; j++) Frame.Push(type);
        return Done();
    }

    /// <summary>`x, y, z = position` of a list of n items that claims an element kind of a type whose
    /// uses are specialized inline: one guard (count n, that kind; counted as one type test, as a list
    /// kind guard) and the n item copies, typed, in place of the helper call and one test per use. The
    /// list's claim is kept by every store into it, and nothing runs between the guard and the copies.
    /// A failure (another count, kind or type) chains to a version for what the value then is.</summary>
    private bool TryGenListUnpack(int seq, int n, Value live, bool guardList)
    {
        if (Lists.Count(live) != n || n == 0) return false;
        byte kind = Lists.ElementKindOf(live);
        var type = SubscriptOps.TypeOfKind(kind);
        if (!SubscriptOps.IsInlineKindType(type)) return false;
        FlushOps();
        var fail = Guards.Failure();
        if (guardList) Guards.Guard(seq, AbstractType.List, fail);
        Emit.CountTypeTest();
        Unit.Emit(S.ListKind.ListShapeGuard, In(seq), Operand.Imm(n), Operand.Imm(kind), fail);
        Stats.ListKindGuardsEmitted++;
        L.Tally.ListKindGuards.Add($"@{K}:{type}x{n}");
        // As for a tuple: item 0 ends on top; the list's own slot (entry 0) is written last.
        var list = In(seq);
        for (int j = n - 1; j >= 0; j--)
            Unit.Emit(S.ListKind.ListItem, list, Operand.Slot(n - 1 - j), Operand.Slot(seq + j));
        Stats.TypedItemLoadsEmitted += n;
        if (Stats.TypedItemLoads is { } c) Unit.Emit(S.Counter.Add, c, Operand.Imm(n));
        Frame.Pop(1);
        for (int j = 0; j < n; j++) Frame.Push(type);
        return true;
    }

    /// <summary>`t[i]` of a local tuple: the guard that its kind is <paramref name="kind"/>, whose failure
    /// first settles a kind not computed yet.</summary>
    public void GuardTupleKind(Operand tuple, byte kind, Operand fail)
    {
        var settled = SettlingTupleKind(tuple, kind, fail, out var back);
        Unit.Emit(S.ListKind.TupleGuard, tuple, Operand.Imm(kind), settled);
        Unit.Bind(back);
    }

    /// <summary>Where a tuple kind guard's compare goes when the tuple's byte is not <paramref name="kind"/>:
    /// out of line, a tuple whose kind nothing asked for yet (Tuples.UnknownKind: creation computes
    /// none) gets it computed and stored, and continues at <paramref name="back"/> (bind it right after
    /// the guard) if it is <paramref name="kind"/>; anything else goes on to <paramref name="fail"/>.</summary>
    private Operand SettlingTupleKind(Operand tuple, byte kind, Operand fail, out Label back)
    {
        var rejoin = Unit.NewLabel();
        back = rejoin;
        return Operand.To(Emit.ColdPath(() =>
        {
            Unit.Emit(S.ListKind.TupleSettle, tuple, Operand.Imm(kind), fail);
            Unit.Emit(S.Control.Jump, Operand.To(rejoin));
        }));
    }

    /// <summary>Counts a tuple element-kind guard, at compile time and (with --stats) each run.</summary>
    public void CountTupleKindGuard()
    {
        Stats.TupleKindGuardsEmitted++;
        if (Stats.TupleKindGuards is { } c) Unit.Emit(S.Counter.Increment, c);
    }
}
