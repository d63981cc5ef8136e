// Range and list iterators with their state in the object body (Layout.RangeIter*, ListIter*):
// the interpreter, next() and JIT stencils step the same fields. No managed companion.
using System.Runtime.CompilerServices;

namespace Lbbv.Runtime;

public static unsafe class NativeIterators
{
    /// <summary>An iterator producing <paramref name="count"/> values from <paramref name="start"/>
    /// by <paramref name="step"/> (wrapping arithmetic: values past the last are never produced).</summary>
    public static Value NewRange(long start, long step, ulong count, bool loopOwned = false)
    {
        var r = (RangeIteratorObject*)NativeHeap.Alloc(Layout.RangeIterSize, ObjectKind.RangeIterator);
        // SAFETY: r is a fresh, zeroed range iterator.
        if (loopOwned) r->Header.GcBits = ObjectHeader.LoopOwnedBit;
        r->Current = start;
        r->Step = step;
        r->Left = count;
        return Value.Obj((nint)r);
    }

    public static Value NewList(Value list)
    {
        var it = (ListIteratorObject*)NativeHeap.Alloc(Layout.ListIterSize, ObjectKind.ListIterator);
        // SAFETY: it is a fresh, zeroed list iterator; list is a live list (traced through it by the collector).
        it->List = Lists.P(list);
        return Value.Obj((nint)it);
    }

    /// <summary>A `for` loop's ForIter found its range or list iterator exhausted and popped it: one
    /// the loop made for itself alone (ObjectHeader.LoopOwnedBit) is unreachable now and freed at once.</summary>
    public static void Exhausted(Value it)
    {
        var h = (ObjectHeader*)it.Ptr;
        // SAFETY: h is the native iterator the ForIter just popped.
        if ((h->GcBits & ObjectHeader.LoopOwnedBit) != 0) NativeHeap.FreeSmallObject(h);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Value RangeNext(RangeIteratorObject* r)
    {
        // SAFETY: r is a live range iterator (the caller checked the kind).
        if (r->Left == 0) return Value.Empty;
        r->Left--;
        long v = r->Current;
        r->Current = unchecked(v + r->Step);
        return Value.Int(v);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Value ListNext(ListIteratorObject* it)
    {
        // SAFETY: it is a live list iterator; the index is checked against the list's current count.
        ulong i = it->Index;
        var l = it->List;
        if (i >= (ulong)l->Count)
        {
            it->Index = ulong.MaxValue;
            return Value.Empty;
        }
        it->Index = i + 1;
        return l->Items[i];
    }

    /// <summary>next() of a RangeIterator or ListIterator object; Empty when exhausted.</summary>
    public static Value Next(Value it) => it.Kind == ObjectKind.RangeIterator
        ? RangeNext((RangeIteratorObject*)it.Ptr)
        : ListNext((ListIteratorObject*)it.Ptr);
}
