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
    /// that kind) replaces the helper call and types the n items pushed; else the generic op. An
    /// unseen value is compiled when reached (deferred), so that it is live.</summary>
    public bool GenUnpackSequence(int n)
    {
        int seq = Top(0);
        if (!Policy.TypedListItems || !MaySpeculate) return Ops.Generic.GenGeneric(Opcode.UnpackSequence, n);
        if (!TryLive(seq, out var live))
        {
            if (Speculation.ShouldDefer() && Speculation.CouldBeSequence(TypeOf(seq))) return Speculation.Defer();
            return Ops.Generic.GenGeneric(Opcode.UnpackSequence, n);
        }
        var tc = Speculation.Speculate(seq, AbstractType.Unknown, out bool guardTuple);
        if (tc != AbstractType.Tuple || !live.Is(ObjectKind.Tuple) || Tuples.Count(live) != n)
            return Ops.Generic.GenGeneric(Opcode.UnpackSequence, n);
        byte kind = Tuples.ElementKind(live);
        var type = SubscriptOps.TypeOfKind(kind);
        if (!SubscriptOps.IsInlineKindType(type)) return Ops.Generic.GenGeneric(Opcode.UnpackSequence, n);
        FlushOps();
        var fail = Guards.Failure();
        if (guardTuple) Guards.Guard(seq, AbstractType.Tuple, fail);
        Emit.CountTypeTest();
        Unit.Emit(S.ListKind.TupleShapeGuard, In(seq), Operand.Imm(n), Operand.Imm(kind), fail);
        CountTupleKindGuard();
        L.Tally.TupleKindGuards.Add($"@{K}:{type}x{n}");
        // Entry j above the tuple's slot gets item n-1-j (item 0 ends on top, as CPython pushes
        // them); the tuple's own slot (entry 0) is written last, as the loads read the tuple from it.
        var tuple = In(seq);
        int bottom = seq;
        for (int j = n - 1; j >= 0; j--)
            Unit.Emit(S.ListKind.TupleItem, tuple, Operand.Slot(n - 1 - j), Operand.Slot(bottom + j));
        Stats.TypedItemLoadsEmitted += n;
        if (Stats.TypedItemLoads is { } c) Unit.Emit(S.Counter.Add, c, Operand.Imm(n));
        Frame.Pop(1);
        for (int j = 0; j < n; j++) Frame.Push(type);
        return Done();
    }

    /// <summary>Counts a tuple element-kind guard, at compile time and (with --stats) each run.</summary>
    public void CountTupleKindGuard()
    {
        Stats.TupleKindGuardsEmitted++;
        if (Stats.TupleKindGuards is { } c) Unit.Emit(S.Counter.Increment, c);
    }
}
