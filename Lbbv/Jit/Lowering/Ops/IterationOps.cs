// Gen<Op> for ForIter: native range and list iterators are stepped inline by a stencil (one kind
// compare, no call); any other iterator goes through the interpreter's ForIter helper. Also
// `range(...)` then GetIter as one helper call that builds the native iterator.
using Lbbv.Backend.Emission;
using Lbbv.Bytecode;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Jit.Lowering.Ops;

/// <summary>What a ForIter speculates its iterator is. The lattice has no range-iterator or
/// list-iterator type (all 16 codes are taken; both kinds map to Heap), so the kind is tested at
/// every ForIter, inside the stencil: one compare, counted as a type test.</summary>
internal enum IteratorGuess
{
    /// <summary>Not a native iterator (or speculation is off here): the helper.</summary>
    Other,
    /// <summary>The live iterator is a range iterator.</summary>
    Range,
    /// <summary>The live iterator is a list iterator.</summary>
    List,
    /// <summary>No live value to look at: test for a range iterator, then a list iterator
    /// (out of line), then chain.</summary>
    Either,
}

internal sealed unsafe class IterationOps(Lowerer lowerer) : OpFamily(lowerer)
{
    /// <summary>ForIter offset -> the iterator its GetIter (lowered earlier in this unit, with the
    /// iterable's live value known) will have made: the loop header that follows a GetIter is
    /// lowered in the same unit but without live values.</summary>
    private readonly Dictionary<int, IteratorGuess> _hints = [];

    /// <summary>ForIter offset -> the element kind the list its GetIter saw claimed (as _hints).</summary>
    private readonly Dictionary<int, byte> _kindHints = [];

    public void ForgetHints()
    {
        _hints.Clear();
        _kindHints.Clear();
    }

    public bool GenForIter(int target)
    {
        // [it] -> [it, next], or [] and jump to target when exhausted.
        int iterator = Top();
        if (Frame.IteratorKindOf(iterator) is var proven and not ProvenIterators.None && MaySpeculate)
            return GenProvenForIter(target, iterator, proven);
        var guess = GuessIterator(iterator, out var liveNext);
        if (guess == IteratorGuess.Other) return GenForIterHelper(target);
        if (guess == IteratorGuess.List && ItemKindUnseen(iterator)) return Speculation.Defer();

        FlushOps();
        var it = In(iterator);
        // A failed kind or tag test compiles code for this ForIter for the actual iterator.
        var fail = Guards.Failure();
        int forIter = K;
        byte itemKind = guess == IteratorGuess.List ? ExpectedItemKind(iterator) : Lists.NoKind;
        if (!TypeOf(iterator).IsSubtypeOf(AbstractType.Heap)) Guards.Guard(iterator, AbstractType.Heap, fail);
        var (exhausted, next, local) = BeginStep(iterator, target);
        if (guess == IteratorGuess.Either)
        {
            var listContext = Frame.Context.With(next, AbstractType.Bound);
            // The body reached by the list path is entered with the iterator proven a list iterator.
            Frame.NoteIteratorKind(iterator, ProvenIterators.List);
            var listBody = Policy.BranchTo(K, listContext);
            Frame.NoteIteratorKind(iterator, ProvenIterators.Range);
            Emit.CountColdTypeTest();
            var (runTests, regionTests) = (Stats.TypeTestsExecuted, L.Tally.TypeTests);
            var released = Releasing(it, exhausted);
            var notRange = Emit.ColdPath(() =>
            {
                Emit.EmitTypeTestCounters(runTests, regionTests);
                Unit.Emit(S.Iteration.ListNext, it, Operand.Slot(next), fail, released);
                Unit.Emit(S.Control.Jump, listBody);
            });
            Emit.CountTypeTest();
            Unit.Emit(S.Iteration.RangeNext, it, Operand.Slot(next), Operand.To(notRange), released);
            PushItem(local, AbstractType.Int, null);
        }
        else
        {
            Emit.CountTypeTest();
            bool range = guess == IteratorGuess.Range;
            if (!range && itemKind != Lists.NoKind)
                Unit.Emit(S.Iteration.ListNextOfKind, it, Operand.Slot(next), Operand.Imm(itemKind), fail,
                    Releasing(it, exhausted));
            else
                Unit.Emit(range ? S.Iteration.RangeNext : S.Iteration.ListNext, it, Operand.Slot(next), fail,
                    Releasing(it, exhausted));
            PushItem(local, range ? AbstractType.Int : ItemType(itemKind, forIter), liveNext);
            Frame.NoteIteratorKind(iterator, range ? ProvenIterators.Range : ProvenIterators.List);
        }
        Policy.ContinueAt(K, Frame.Context);
        return false;
    }

    /// <summary>A ForIter whose iterator's kind was tested on every path here (the version is keyed on
    /// it: <see cref="ProvenIterators"/>, e.g. the loop's back-edge after the header's test): the
    /// stencil steps it with no kind compare and no type test.</summary>
    private bool GenProvenForIter(int target, int iterator, byte kind)
    {
        if (kind == ProvenIterators.List && ItemKindUnseen(iterator)) return Speculation.Defer();
        FlushOps();
        var it = In(iterator);
        bool range = kind == ProvenIterators.Range;
        int forIter = K;
        byte itemKind = range ? Lists.NoKind : ExpectedItemKind(iterator);
        // A list whose claim changed since: this ForIter compiled again for what it claims now.
        var changed = itemKind != Lists.NoKind ? Guards.Failure() : default;
        var (exhausted, next, local) = BeginStep(iterator, target);
        if (itemKind != Lists.NoKind)
            Unit.Emit(S.Iteration.ListNextProvenOfKind, it, Operand.Slot(next), Operand.Imm(itemKind), changed,
                Releasing(it, exhausted));
        else if (range && local >= 0 && Operands.TagInPlace(local, AbstractType.Int))
        {
            // The loop variable holds an int already (a trace's body after the preamble): no tag store.
            Unit.Emit(S.Iteration.RangeNextProvenPayloadOnly, it, Operand.Slot(next), Releasing(it, exhausted));
            Stats.RangeStepsPayloadOnlyEmitted++;
        }
        else
            Unit.Emit(range ? S.Iteration.RangeNextProven : S.Iteration.ListNextProven, it, Operand.Slot(next),
                Releasing(it, exhausted));
        Stats.ProvenIteratorStepsEmitted++;
        if (Stats.ProvenIteratorSteps is { } steps) Unit.Emit(S.Counter.Increment, steps);
        PushItem(local, range ? AbstractType.Int : ItemType(itemKind, forIter), null);
        Policy.ContinueAt(K, Frame.Context);
        return false;
    }

    /// <summary>The element kind a list iterator's items are speculated to have (`for x in xs` typed by
    /// the list's element kind, docs/LBBV.md): what the live iterator's list claims, else what the
    /// list its GetIter saw claimed; NoKind when that is no kind of a type used inline or the option
    /// is off. The step compares the list's claim with it at every item.</summary>
    private byte ExpectedItemKind(int iterator)
    {
        if (!Policy.TypedListItems || !MaySpeculate) return Lists.NoKind;
        byte kind;
        if (TryLive(iterator, out var live))
        {
            if (!live.Is(ObjectKind.ListIterator)) return Lists.NoKind;
            // SAFETY: a live list iterator, whose list stays alive with it.
            kind = ((ListIteratorObject*)live.Ptr)->List->ElementKind;
        }
        else if (!_kindHints.TryGetValue(K, out kind)) return Lists.NoKind;
        var type = SubscriptOps.TypeOfKind(kind);
        if (type is AbstractType.Int or AbstractType.Float or AbstractType.Bool or AbstractType.None) return kind;
        // A list or tuple item only into a local (`for row in rows` in a function), whose item loads
        // are then typed by their own kind guard: one stored elsewhere (a module's global) would
        // gain one test but lose the deferral that compiles its first use with it live (row_stats).
        return type is AbstractType.List or AbstractType.Tuple && LoopVariableIsLocal() ? kind : Lists.NoKind;
    }

    /// <summary>Whether nothing tells what the list of the list iterator here claims (a header compiled
    /// right after its GetIter, whose iterable was computed in the same code): the header is then
    /// compiled when first reached, with the iterator live, so that its items can be typed.</summary>
    private bool ItemKindUnseen(int iterator) => Policy.TypedListItems && MaySpeculate && Speculation.ShouldDefer()
        && !_kindHints.ContainsKey(K) && !TryLive(iterator, out _);

    /// <summary>Whether the item of the ForIter here goes into a local (the StoreFast after it).</summary>
    private bool LoopVariableIsLocal()
    {
        int k = K + 1;
        return k < Shape.Length && !Shape.IsJumpTarget(k) && OpcodeInfo.OpOf(L.Code.InstrAt(k)) == Opcode.StoreFast;
    }

    /// <summary>The type of the item a list step yields: its kind's (counted, and listed for
    /// --dump-versions at the ForIter's offset), else Bound.</summary>
    private AbstractType ItemType(byte itemKind, int forIter)
    {
        if (itemKind == Lists.NoKind) return AbstractType.Bound;
        var type = SubscriptOps.TypeOfKind(itemKind);
        Stats.TypedIteratorStepsEmitted++;
        if (Stats.TypedIteratorSteps is { } c) Unit.Emit(S.Counter.Increment, c);
        L.Tally.TypedIteratorSteps.Add($"@{forIter}:{type}");
        return type;
    }

    /// <summary>What a ForIter step needs after its iterator checks: where an exhausted iterator goes,
    /// the slot the item is written to and the loop variable it is (-1: a stack entry).</summary>
    private (Operand Exhausted, int Next, int Local) BeginStep(int iterator, int target)
    {
        var exhausted = Policy.BranchTo(target, Frame.Context.With(iterator, AbstractType.Unknown));
        int next = StackSlot(Depth);
        OpDone();
        // `for x in ...`: the item goes straight into x when the StoreFast after the ForIter is
        // reached only from it; the body then starts after the StoreFast.
        int local = FusedLoopVariable();
        if (local >= 0)
        {
            Frame.ForgetLocal(local);
            next = local;
            OpDone();
        }
        FlushOps();
        return (exhausted, next, local);
    }

    /// <summary>The local of the StoreFast right after this ForIter when only the ForIter reaches
    /// it (no jump or handler targets it), else -1.</summary>
    private int FusedLoopVariable()
    {
        if (K >= Shape.Length || Shape.IsJumpTarget(K)) return -1;
        int instr = L.Code.InstrAt(K);
        return OpcodeInfo.OpOf(instr) == Opcode.StoreFast ? OpcodeInfo.ArgOf(instr) : -1;
    }

    /// <summary>The item a ForIter produced: pushed, or already stored in the fused loop variable.</summary>
    private void PushItem(int local, AbstractType type, Value? live)
    {
        if (local < 0) Frame.Push(type, live);
        else Frame.SetLocal(local, type, live is { IsEmpty: false } ? live : null);
    }

    public bool GenGetIter()
    {
        int next = K + 1;
        if (TryLive(Top(), out var iterable) && iterable.IsObject && next < Shape.Length
            && OpcodeInfo.OpOf(L.Code.InstrAt(next)) == Opcode.ForIter)
        {
            var hint = iterable.Kind switch
            {
                ObjectKind.List => IteratorGuess.List,
                ObjectKind.Range => IteratorGuess.Range,
                _ => IteratorGuess.Other,
            };
            if (hint != IteratorGuess.Other) _hints[next] = hint;
            // SAFETY: a live list, read only to pick what its loop's items are speculated to be.
            if (hint == IteratorGuess.List) _kindHints[next] = ((ListObject*)iterable.Ptr)->ElementKind;
        }
        bool overList = MayBeLoopOverList(next);
        // An iterable not seen (computed in this unit): the list iterator the stencil makes is the
        // likely one, so the header is compiled for it, proven by one kind test here, instead of
        // for either kind (whose range path compiled a body and header version for nothing, and
        // took a version of the header at its cap: order_records).
        bool unseen = overList && Policy.ProvesIterators && !_hints.ContainsKey(next) && !TryLive(Top(), out _);
        if (unseen) _hints[next] = IteratorGuess.List;
        bool more = overList ? GenNewListIterator() : Ops.Generic.GenGeneric(Opcode.GetIter, 0);
        if (more && _hints.TryGetValue(K, out var made) && K == next) ProveIterator(made);
        // Nor is the kind of its list's items: the header is compiled when first reached, with the
        // iterator live (ExpectedItemKind), instead of here with its items untyped for good.
        if (more && unseen && K == next && Policy.TypedListItems && MaySpeculate && Speculation.ShouldDefer())
            return Speculation.Defer();
        return more;
    }

    /// <summary>Right after the GetIter of a loop whose iterable was seen to be a list or range: one
    /// kind test of the new iterator, so that the loop header is entered with its kind proven and
    /// no iteration tests it (its back-edge enters the same proven version). A failure continues at
    /// the ForIter, whose own test then picks its path.</summary>
    private void ProveIterator(IteratorGuess made)
    {
        if (!Policy.ProvesIterators || !MaySpeculate || made is not (IteratorGuess.Range or IteratorGuess.List)) return;
        int iterator = Top();
        bool range = made == IteratorGuess.Range;
        FlushOps();
        Emit.CountTypeTest();
        Unit.Emit(S.Guards.ObjectKind, In(iterator),
            Operand.Imm(range ? (long)ObjectKind.RangeIterator : (long)ObjectKind.ListIterator), Guards.Failure());
        Frame.NoteIteratorKind(iterator, range ? ProvenIterators.Range : ProvenIterators.List);
    }

    /// <summary>The iterator kind to speculate on, and the item the live iterator will produce next.</summary>
    private IteratorGuess GuessIterator(int iterator, out Value? liveNext)
    {
        liveNext = null;
        // A lattice kind (a companion Iterator, ...) is proven not to be a native iterator.
        bool couldBeNative = TypeOf(iterator) is AbstractType.Unknown or AbstractType.Bound or AbstractType.Heap;
        if (!MaySpeculate || !couldBeNative) return IteratorGuess.Other;
        if (!TryLive(iterator, out var it))
            return _hints.TryGetValue(K, out var hint) ? hint : IteratorGuess.Either;
        if (!it.IsObject) return IteratorGuess.Other;
        switch (it.Kind)
        {
            case ObjectKind.RangeIterator:
                {
                    var r = (RangeIteratorObject*)it.Ptr;
                    // SAFETY: a live range iterator, read only to pick a path.
                    if (r->Left != 0) liveNext = Value.Int(r->Current);
                    return IteratorGuess.Range;
                }
            case ObjectKind.ListIterator:
                {
                    var li = (ListIteratorObject*)it.Ptr;
                    // SAFETY: a live list iterator; the index is checked against its list's count.
                    if (li->Index < (ulong)li->List->Count) liveNext = li->List->Items[li->Index];
                    return IteratorGuess.List;
                }
            default:
                return IteratorGuess.Other;
        }
    }

    /// <summary>Any other iterator: the interpreter's ForIter (a helper call), then a test of what it wrote.</summary>
    private bool GenForIterHelper(int target)
    {
        FlushOps();
        Emit.CallHelper(OpHelpers.ForIterAddress);
        int next = StackSlot(Depth);
        OpDone();
        FlushOps();
        var exhaustedContext = Frame.Context.With(Top(), AbstractType.Unknown);
        var exhausted = Policy.BranchTo(target, exhaustedContext);
        Unit.Emit(S.Guards.NotEmpty, Operand.Slot(next), exhausted);
        Frame.Push(AbstractType.Bound);
        Policy.ContinueAt(K, Frame.Context);
        return false;
    }

    /// <summary>`for i in range(...)`: a call of the builtin range followed by GetIter in this block.</summary>
    public bool IsRangeLoop(int argc)
    {
        int next = K + 1;
        return argc is >= 1 and <= 3 && next < Shape.Length && !Shape.IsBlockStart(next)
            && OpcodeInfo.OpOf(L.Code.InstrAt(next)) == Opcode.GetIter
            && TryLive(Top(argc), out var callable) && callable.Same(Runtime.Types.Range.Self);
    }

    /// <summary>`range(stop)` or `range(start, stop)` then GetIter in machine code: the stencil checks
    /// the callable and the bounds' tags and pops a cell from the heap's free list; the helper
    /// (<see cref="OpHelpers.RangeIterAddress"/>) runs out of line on anything else, an empty free
    /// list or a collection due, and rejoins.</summary>
    private void EmitNewRangeIterator(int argc)
    {
        Frame.MaterializeAll(); // the stencil reads the operands from their slots
        var rejoin = Unit.NewLabel();
        var slow = Emit.ColdHelper(rejoin, OpHelpers.RangeIterAddress, argc);
        var callable = Operand.Slot(Top(argc));
        var heap = Operand.Pointer((nint)NativeHeap.State);
        var range = Operand.Pointer(Runtime.Types.Range.Self.Ptr);
        if (argc == 1)
            Unit.Emit(S.Allocation.NewRangeIteratorFromZero, callable, Operand.Slot(Top()), callable, range, heap,
                Operand.To(slow));
        else
            Unit.Emit(S.Allocation.NewRangeIteratorBetween, callable, Operand.Slot(Top(1)), Operand.Slot(Top()),
                callable, range, heap, Operand.To(slow));
        Stats.InlineRangeIteratorsEmitted++;
        Emit.Rejoin(rejoin);
    }

    /// <summary>Whether the GetIter here starts a `for` loop (its ForIter at <paramref name="next"/>)
    /// over what may be a list: known to be one, seen to be one, or not known at all.</summary>
    private bool MayBeLoopOverList(int next)
    {
        if (next >= Shape.Length || OpcodeInfo.OpOf(L.Code.InstrAt(next)) != Opcode.ForIter) return false;
        if (_hints.TryGetValue(next, out var seen)) return seen == IteratorGuess.List;
        if (TryLive(Top(), out var live)) return live.IsObject && live.Kind == ObjectKind.List;
        return TypeOf(Top()) is AbstractType.List or AbstractType.Unknown or AbstractType.Bound or AbstractType.Heap;
    }

    /// <summary>GetIter of a list (seen live, or possibly one) whose ForIter follows: machine code makes the loop-owned
    /// list iterator over the list in the slot; anything else runs the interpreter's GetIter out of
    /// line and rejoins (the loop header's kind test then tells what it made).</summary>
    private bool GenNewListIterator()
    {
        FlushOps();
        Frame.MaterializeAll(); // the stencil reads the iterable from its slot
        var rejoin = Unit.NewLabel();
        var slow = Emit.ColdHelper(rejoin);
        Unit.Emit(S.Allocation.NewListIterator, Operand.Slot(Top()), Operand.Pointer((nint)NativeHeap.State),
            Operand.To(slow));
        Stats.InlineListIteratorsEmitted++;
        Emit.Rejoin(rejoin);
        Frame.Pop(1);
        Frame.Push(AbstractType.Bound);
        Frame.SetType(Top(), OpResults.TypeOf(OpTable.Of(Opcode.GetIter).Result));
        return Done();
    }

    /// <summary>Where a ForIter's step on a native iterator goes when it is exhausted: out of line,
    /// the iterator is freed when its loop owns it, then on to <paramref name="exhausted"/>.</summary>
    private Operand Releasing(Operand iterator, Operand exhausted)
    {
        var heap = Operand.Pointer((nint)NativeHeap.State);
        return Operand.To(Emit.ColdPath(() =>
        {
            Unit.Emit(S.Allocation.ReleaseLoopIterator, iterator, heap);
            Unit.Emit(S.Control.Jump, exhausted);
        }));
    }

    /// <summary>range(...) then GetIter as one helper call that builds the native range iterator
    /// directly (no range object); the helper runs both ops as the interpreter does when the
    /// callable is not range or an argument is not an int.</summary>
    public bool GenRangeIter(int argc)
    {
        FlushOps();
        if (argc <= 2) EmitNewRangeIterator(argc);
        else Emit.CallHelper(OpHelpers.RangeIterAddress, argc);
        Frame.Pop(argc + 1);
        Frame.Push(AbstractType.Heap);
        OpDone(2);
        if (K < Shape.Length && OpcodeInfo.OpOf(L.Code.InstrAt(K)) == Opcode.ForIter)
        {
            _hints[K] = IteratorGuess.Range;
            ProveIterator(IteratorGuess.Range);
        }
        return true;
    }
}
