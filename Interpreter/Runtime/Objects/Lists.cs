// list: count, capacity and a separately allocated Value array (Layout.List*).
using System.Runtime.CompilerServices;
namespace Lbbv.Runtime;

public static unsafe class Lists
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Value New(long capacity = 0)
    {
        var l = (ListObject*)NativeHeap.Alloc(Layout.ListSize, ObjectKind.List);
        // SAFETY: l is a fresh list; the items buffer is owned by it.
        if (capacity > 0) { l->Items = (Value*)NativeHeap.AllocRaw(capacity * Layout.ValueSize); l->Capacity = capacity; }
        return Value.Obj((nint)l);
    }

    public static Value FromSpan(ReadOnlySpan<Value> items)
    {
        var v = New(items.Length);
        var l = P(v);
        // SAFETY: capacity >= items.Length.
        items.CopyTo(new Span<Value>(l->Items, items.Length));
        l->Count = items.Length;
        return v;
    }

    public static ListObject* P(Value v) => (ListObject*)v.Payload;
    public static long Count(Value v) => P(v)->Count;
    public static Span<Value> Span(Value v)
    {
        var l = P(v);
        // SAFETY: items[0..count) are initialized Values.
        return new Span<Value>(l->Items, (int)l->Count);
    }

    public static void EnsureCapacity(ListObject* l, long need)
    {
        if (need <= l->Capacity) return;
        long cap = Math.Max(need, l->Capacity < 4 ? 4 : l->Capacity + (l->Capacity >> 1) + 1);
        var items = (Value*)NativeHeap.AllocRaw(cap * Layout.ValueSize);
        // SAFETY: both buffers hold at least Count values.
        Buffer.MemoryCopy(l->Items, items, cap * Layout.ValueSize, l->Count * Layout.ValueSize);
        NativeHeap.FreeRaw(l->Items, l->Capacity * Layout.ValueSize);
        l->Items = items;
        l->Capacity = cap;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Append(Value list, Value item)
    {
        var l = P(list);
        // SAFETY: capacity ensured before the store.
        if (l->Count == l->Capacity) EnsureCapacity(l, l->Count + 1);
        l->Items[l->Count++] = item;
    }

    public static void Insert(Value list, long index, Value item)
    {
        var l = P(list);
        long n = l->Count;
        if (index < 0) { index += n; if (index < 0) index = 0; }
        if (index > n) index = n;
        EnsureCapacity(l, n + 1);
        // SAFETY: capacity >= n + 1.
        Buffer.MemoryCopy(l->Items + index, l->Items + index + 1, (n - index) * Layout.ValueSize, (n - index) * Layout.ValueSize);
        l->Items[index] = item;
        l->Count = n + 1;
    }

    public static Value RemoveAt(Value list, long index)
    {
        var l = P(list);
        long n = l->Count;
        // SAFETY: index checked by the caller to be in [0, n).
        Value v = l->Items[index];
        Buffer.MemoryCopy(l->Items + index + 1, l->Items + index, (n - index - 1) * Layout.ValueSize, (n - index - 1) * Layout.ValueSize);
        l->Count = n - 1;
        l->Items[n - 1] = default;
        return v;
    }

    /// <summary>Replaces items [lo, hi) by `items`.</summary>
    public static void ReplaceRange(Value list, long lo, long hi, ReadOnlySpan<Value> items)
    {
        var l = P(list);
        long n = l->Count;
        long newCount = n - (hi - lo) + items.Length;
        EnsureCapacity(l, newCount);
        long tail = n - hi;
        // SAFETY: capacity >= newCount; memmove handles overlap.
        Buffer.MemoryCopy(l->Items + hi, l->Items + lo + items.Length, tail * Layout.ValueSize, tail * Layout.ValueSize);
        items.CopyTo(new Span<Value>(l->Items + lo, items.Length));
        for (long i = newCount; i < n; i++) l->Items[i] = default;
        l->Count = newCount;
    }

    public static void Clear(Value list)
    {
        var l = P(list);
        // SAFETY: frees the owned buffer.
        NativeHeap.FreeRaw(l->Items, l->Capacity * Layout.ValueSize);
        l->Items = null; l->Capacity = 0; l->Count = 0;
    }

    internal static void Free(ObjectHeader* h)
    {
        var l = (ListObject*)h;
        // SAFETY: the list is being swept.
        NativeHeap.FreeRaw(l->Items, l->Capacity * Layout.ValueSize);
    }
}

public static unsafe class Tuples
{
    static Value empty;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Value New(long count)
    {
        if (count == 0 && !empty.IsEmpty) return empty;
        var t = (TupleObject*)NativeHeap.Alloc(Layout.TupleItems + (int)count * Layout.ValueSize, ObjectKind.Tuple);
        // SAFETY: fresh tuple.
        t->Count = count;
        var v = Value.Obj((nint)t);
        if (count == 0) { empty = v; PermanentRoots.Add(v); }
        return v;
    }

    public static Value FromSpan(ReadOnlySpan<Value> items)
    {
        var v = New(items.Length);
        items.CopyTo(Span(v));
        return v;
    }

    public static Value Of(Value a, Value b) { var t = New(2); var s = Items(t); s[0] = a; s[1] = b; return t; }

    public static long Count(Value v) => ((TupleObject*)v.Payload)->Count;
    // SAFETY: tuple items are inline after the count.
    public static Value* Items(Value v) => (Value*)(v.Payload + Layout.TupleItems);
    public static Span<Value> Span(Value v) => new(Items(v), (int)Count(v));

    internal static void ResetCache() => empty = default;
}

public static unsafe class Cells
{
    public static Value New(Value contents)
    {
        var c = (CellObject*)NativeHeap.Alloc(Layout.CellSize, ObjectKind.Cell);
        // SAFETY: fresh cell.
        c->Value = contents;
        return Value.Obj((nint)c);
    }

    public static CellObject* P(Value v) => (CellObject*)v.Payload;
}
