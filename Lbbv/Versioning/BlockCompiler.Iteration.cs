// Gen<Op> for ForIter: native range and list iterators are stepped inline by a stencil (one kind
// compare, no call); any other iterator goes through the interpreter's ForIter helper.
using Lbbv.Backend.Emission;
using Lbbv.Bytecode;
using Lbbv.Jit;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Versioning;

internal sealed unsafe partial class BlockCompiler
{
    /// <summary>What a ForIter speculates its iterator is. The lattice has no range-iterator or
    /// list-iterator type (all 16 codes are taken; both kinds map to Heap), so the kind is tested at
    /// every ForIter, inside the stencil: one compare, counted as a type test.</summary>
    private enum IteratorGuess
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

    private bool GenForIter(int target)
    {
        // [it] -> [it, next], or [] and jump to target when exhausted.
        int iterator = Top();
        var guess = GuessIterator(iterator, out var liveNext);
        if (guess == IteratorGuess.Other) return GenForIterHelper(target);

        FlushOps();
        // A failed kind or tag test compiles a version of this ForIter for the actual iterator.
        var fail = ChainTarget(_ctx);
        if (!TypeOf(iterator).IsSubtypeOf(AbstractType.Heap)) Guard(iterator, AbstractType.Heap, fail);
        var exhausted = BranchTarget(target, _ctx.With(iterator, AbstractType.Unknown));
        int next = StackSlot(_depth);
        OpDone();
        // `for x in ...`: the item goes straight into x when the StoreFast after the ForIter is
        // reached only from it; the body's version then starts after the StoreFast.
        int local = FusedLoopVariable();
        if (local >= 0)
        {
            ForgetAliasesOf(local);
            next = local;
            OpDone();
        }
        FlushOps();
        if (guess == IteratorGuess.Either)
        {
            var listContext = _ctx.With(next, AbstractType.Bound);
            var listBody = BranchTarget(_k, listContext);
            CountColdTypeTest();
            var (runTests, versionTests) = (_stats.TypeTestsExecuted, _version.TypeTestCounter);
            var notRange = ColdPath(() =>
            {
                EmitTypeTestCounters(runTests, versionTests);
                _unit.Emit(_s.Iteration.ListNext, Operand.Slot(iterator), Operand.Slot(next), fail, exhausted);
                _unit.Emit(_s.Control.Jump, listBody);
            });
            CountTypeTest();
            _unit.Emit(_s.Iteration.RangeNext, Operand.Slot(iterator), Operand.Slot(next), Operand.To(notRange), exhausted);
            PushItem(local, AbstractType.Int, null);
        }
        else
        {
            CountTypeTest();
            bool range = guess == IteratorGuess.Range;
            _unit.Emit(range ? _s.Iteration.RangeNext : _s.Iteration.ListNext, Operand.Slot(iterator), Operand.Slot(next), fail, exhausted);
            PushItem(local, range ? AbstractType.Int : AbstractType.Bound, liveNext);
        }
        FallThrough(_k, _ctx);
        return false;
    }

    /// <summary>The local of the StoreFast right after this ForIter when only the ForIter reaches
    /// it (no jump or handler targets it), else -1.</summary>
    private int FusedLoopVariable()
    {
        if (_k >= _shape.Length || _shape.IsJumpTarget(_k)) return -1;
        int instr = _cr.Instrs[_k];
        return OpcodeInfo.OpOf(instr) == Opcode.StoreFast ? OpcodeInfo.ArgOf(instr) : -1;
    }

    /// <summary>The item a ForIter produced: pushed, or already stored in the fused loop variable.</summary>
    private void PushItem(int local, AbstractType type, Value? live)
    {
        if (local < 0)
        {
            PushPeeked(type, live);
            return;
        }
        _ctx = _ctx.With(local, type);
        _liveKnown[local] = live is { } v && !v.IsEmpty;
        _liveValue[local] = _liveKnown[local] ? live!.Value : default;
    }

    /// <summary>ForIter offset -> the iterator its GetIter (compiled earlier in this unit, with the
    /// iterable's live value known) will have made: the loop header that follows a GetIter is
    /// compiled in the same unit but without live values.</summary>
    private readonly Dictionary<int, IteratorGuess> _iteratorHints = [];

    private bool GenGetIter()
    {
        int next = _k + 1;
        if (TryLive(Top(), out var iterable) && iterable.IsObject && next < _shape.Length
            && OpcodeInfo.OpOf(_cr.Instrs[next]) == Opcode.ForIter)
        {
            var hint = iterable.Kind switch
            {
                ObjectKind.List => IteratorGuess.List,
                ObjectKind.Range => IteratorGuess.Range,
                _ => IteratorGuess.Other,
            };
            if (hint != IteratorGuess.Other) _iteratorHints[next] = hint;
        }
        return GenGeneric(Opcode.GetIter, 0);
    }

    /// <summary>The iterator kind to speculate on, and the item the live iterator will produce next.</summary>
    private IteratorGuess GuessIterator(int iterator, out Value? liveNext)
    {
        liveNext = null;
        // A lattice kind (a companion Iterator, ...) is proven not to be a native iterator.
        bool couldBeNative = TypeOf(iterator) is AbstractType.Unknown or AbstractType.Bound or AbstractType.Heap;
        if (_noSpeculationAt == _k || !couldBeNative) return IteratorGuess.Other;
        if (!TryLive(iterator, out var it))
            return _iteratorHints.TryGetValue(_k, out var hint) ? hint : IteratorGuess.Either;
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

    /// <summary>Counts a type test emitted out of line (its code bumps the counters itself).</summary>
    private void CountColdTypeTest()
    {
        _stats.TypeTestsEmitted++;
        _version.GuardsEmitted++;
    }

    /// <summary>Any other iterator: the interpreter's ForIter (a helper call), then a test of what it wrote.</summary>
    private bool GenForIterHelper(int target)
    {
        FlushOps();
        CallHelper(OpHelpers.ForIterAddress);
        int next = StackSlot(_depth);
        OpDone();
        FlushOps();
        var exhaustedContext = _ctx.With(Top(), AbstractType.Unknown);
        var exhausted = BranchTarget(target, exhaustedContext);
        _unit.Emit(_s.Guards.NotEmpty, Operand.Slot(next), exhausted);
        Push(AbstractType.Bound);
        FallThrough(_k, _ctx);
        return false;
    }
}
