// list: count, capacity, a separately allocated Value array and the kind of its elements
// (Layout.List*). The element kind is a claim machine code relies on (docs/LBBV.md, "List element
// kinds"): every item is of that kind; 0 claims nothing. Every write to the items keeps it: the
// methods here, Lists.NoteStored after a store by index, and Span, which gives write access and so
// drops the claim (readers take ReadOnly).
using System.Runtime.CompilerServices;
namespace Lbbv.Runtime;

public static unsafe class Lists
{
    /// <summary>The element kind that claims nothing.</summary>
    public const byte NoKind = 0;
    /// <summary>Kinds of objects are this plus their ObjectKind; below it, the tag of an immediate.</summary>
    public const byte ObjectKindBase = 16;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Value New(long capacity = 0)
    {
        // A list made with a small capacity keeps its items in its own cell (one allocation, nothing
        // for the sweeper to free) until it grows past it.
        bool inline = capacity > 0 && capacity <= MaxInlineItems;
        var l = (ListObject*)NativeHeap.Alloc(Layout.ListSize + (inline ? (int)capacity * Layout.ValueSize : 0), ObjectKind.List);
        // SAFETY: l is a fresh list; the items are inline or in a buffer owned by it.
        l->ElementKind = NoKind;
        if (capacity > 0)
        {
            l->Items = inline ? InlineItems(l) : (Value*)NativeHeap.AllocRaw(capacity * Layout.ValueSize);
            l->Capacity = capacity;
        }
        return Value.Obj((nint)l);
    }

    /// <summary>The most items a list keeps inside its own cell.</summary>
    const long MaxInlineItems = (NativeHeap.MaxSmall - Layout.ListSize) / Layout.ValueSize;

    // SAFETY: the items that follow the list's fields in its cell (when it was made with them).
    static Value* InlineItems(ListObject* l) => (Value*)((byte*)l + Layout.ListSize);

    /// <summary>Frees the items buffer unless it is the one inside the list's cell.</summary>
    static void FreeItems(ListObject* l)
    {
        if (l->Items != InlineItems(l)) NativeHeap.FreeRaw(l->Items, l->Capacity * Layout.ValueSize);
    }

    /// <summary>A new list of the <paramref name="count"/> items at <paramref name="src"/>, all of
    /// element kind <paramref name="kind"/> (a slice `a[lo:hi]`, a copy `a[:]`): a small one is made
    /// with its items in its cell, written once (not zeroed first).</summary>
    public static Value NewCopy(Value* src, long count, byte kind)
    {
        ListObject* l;
        if (count > 0 && count <= MaxInlineItems)
        {
            l = (ListObject*)NativeHeap.Alloc(Layout.ListSize + (int)count * Layout.ValueSize, ObjectKind.List,
                zeroed: Layout.ListSize);
            // SAFETY: a fresh list whose cell holds count items after its fields.
            l->Items = InlineItems(l);
            l->Capacity = count;
        }
        else l = P(New(count));
        // SAFETY: the list has room for count items; src holds count initialized Values.
        for (long i = 0; i < count; i++) l->Items[i] = src[i];
        l->Count = count;
        l->ElementKind = count > 0 ? kind : NoKind;
        return Value.Obj((nint)l);
    }

    public static Value FromSpan(ReadOnlySpan<Value> items)
    {
        var v = New(items.Length);
        var l = P(v);
        // SAFETY: capacity >= items.Length.
        items.CopyTo(new Span<Value>(l->Items, items.Length));
        l->Count = items.Length;
        l->ElementKind = KindOfAll(items);
        return v;
    }

    public static ListObject* P(Value v) => (ListObject*)v.Payload;
    public static long Count(Value v) => P(v)->Count;
    /// <summary>The element kind the list <paramref name="v"/> claims (NoKind: none).</summary>
    public static byte ElementKindOf(Value v) => P(v)->ElementKind;

    /// <summary>The items, for code that may write them: the list's element kind claims nothing after.</summary>
    public static Span<Value> Span(Value v)
    {
        var l = P(v);
        l->ElementKind = NoKind;
        // SAFETY: items[0..count) are initialized Values.
        return new Span<Value>(l->Items, (int)l->Count);
    }

    /// <summary>The items, read only (the element kind stays).</summary>
    public static ReadOnlySpan<Value> ReadOnly(Value v)
    {
        var l = P(v);
        // SAFETY: items[0..count) are initialized Values.
        return new ReadOnlySpan<Value>(l->Items, (int)l->Count);
    }

    /// <summary>The element kind of one value: its tag, or ObjectKindBase plus its object kind.</summary>
    public static byte KindOf(Value v) => v.IsObject ? (byte)(ObjectKindBase + (byte)v.Kind) : (byte)v.Tag;

    /// <summary>The kind every value of <paramref name="items"/> has, or NoKind (none, or several).</summary>
    public static byte KindOfAll(ReadOnlySpan<Value> items)
    {
        if (items.IsEmpty) return NoKind;
        byte kind = KindOf(items[0]);
        for (int i = 1; i < items.Length && kind != NoKind; i++)
            if (KindOf(items[i]) != kind) kind = NoKind;
        return kind;
    }

    /// <summary>An item of <paramref name="l"/> was overwritten with <paramref name="item"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void NoteStored(ListObject* l, Value item)
    {
        if (l->ElementKind != KindOf(item)) l->ElementKind = NoKind;
    }

    /// <summary><paramref name="added"/> items are about to follow the list's <paramref name="kept"/> items.</summary>
    public static void NoteExtended(ListObject* l, long kept, ReadOnlySpan<Value> added) =>
        NoteJoined(l, kept, added.Length, KindOfAll(added));

    /// <summary><paramref name="added"/> items of kind <paramref name="kind"/> are about to join the
    /// list's <paramref name="kept"/> items.</summary>
    private static void NoteJoined(ListObject* l, long kept, int added, byte kind)
    {
        if (added == 0) return;
        if (kept == 0) l->ElementKind = kind;
        else if (l->ElementKind != kind) l->ElementKind = NoKind;
    }

    /// <summary>Reverses the items in place (the same items: the element kind stays).</summary>
    public static void Reverse(Value list)
    {
        byte kind = P(list)->ElementKind;
        Span(list).Reverse();
        P(list)->ElementKind = kind;
    }


    public static void EnsureCapacity(ListObject* l, long need)
    {
        if (need <= l->Capacity) return;
        long cap = Math.Max(need, l->Capacity < 4 ? 4 : l->Capacity + (l->Capacity >> 1) + 1);
        var items = (Value*)NativeHeap.AllocRaw(cap * Layout.ValueSize);
        // SAFETY: both buffers hold at least Count values.
        Buffer.MemoryCopy(l->Items, items, cap * Layout.ValueSize, l->Count * Layout.ValueSize);
        FreeItems(l);
        l->Items = items;
        l->Capacity = cap;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Append(Value list, Value item)
    {
        var l = P(list);
        // SAFETY: capacity ensured before the store.
        if (l->Count == l->Capacity) EnsureCapacity(l, l->Count + 1);
        NoteJoined(l, l->Count, 1, KindOf(item));
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
        NoteJoined(l, n, 1, KindOf(item));
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
        byte added = KindOfAll(items);
        EnsureCapacity(l, newCount);
        long tail = n - hi;
        // SAFETY: capacity >= newCount; memmove handles overlap.
        Buffer.MemoryCopy(l->Items + hi, l->Items + lo + items.Length, tail * Layout.ValueSize, tail * Layout.ValueSize);
        items.CopyTo(new Span<Value>(l->Items + lo, items.Length));
        for (long i = newCount; i < n; i++) l->Items[i] = default;
        NoteJoined(l, n - (hi - lo), items.Length, added);
        l->Count = newCount;
    }

    public static void Clear(Value list)
    {
        var l = P(list);
        // SAFETY: frees the owned buffer.
        FreeItems(l);
        l->Items = null; l->Capacity = 0; l->Count = 0; l->ElementKind = NoKind;
    }

    internal static void Free(ObjectHeader* h)
    {
        var l = (ListObject*)h;
        // SAFETY: the list is being swept.
        FreeItems(l);
    }
}

public static unsafe class Tuples
{
    static Value empty;

    /// <summary>A tuple's element kind before anything asked for it: creation pays nothing, and the
    /// first reader computes it from the items (<see cref="ElementKind"/>, or the kind guards'
    /// stencils, which store it) and caches it. Never a kind of a list (those are below 64).</summary>
    public const byte UnknownKind = 0xFF;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Value New(long count)
    {
        if (count == 0 && !empty.IsEmpty) return empty;
        var t = (TupleObject*)NativeHeap.Alloc(Layout.TupleItems + (int)count * Layout.ValueSize, ObjectKind.Tuple);
        // SAFETY: fresh tuple.
        t->Count = count;
        // Its items are written by the caller before the tuple is visible, so the kind is computed
        // from them when first asked; the empty tuple claims nothing.
        t->ElementKind = count > 0 ? UnknownKind : Lists.NoKind;
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

    /// <summary>The tag every item has (int, float, bool, None), or NoKind: a tuple of heap objects
    /// claims nothing, so that making one never reads its items' headers (a cache miss each).</summary>
    private static byte TagKindOfAll(ReadOnlySpan<Value> items)
    {
        if (items[0].IsObject) return Lists.NoKind;
        byte kind = Lists.KindOf(items[0]);
        for (int i = 1; i < items.Length; i++)
            if (items[i].IsObject || Lists.KindOf(items[i]) != kind) return Lists.NoKind;
        return kind;
    }

    public static Value Of(Value a, Value b) => FromSpan([a, b]);

    /// <summary>The element kind the tuple <paramref name="v"/> claims (Lists.NoKind: none), computed
    /// and cached the first time it is asked (a tuple's items never change once it is visible).</summary>
    public static byte ElementKind(Value v)
    {
        var t = (TupleObject*)v.Payload;
        // SAFETY: a live tuple; only its kind byte is written, from its own items.
        if (t->ElementKind == UnknownKind) t->ElementKind = TagKindOfAll(Span(v));
        return t->ElementKind;
    }

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

    /// <summary>A module's global cell, unbound, with its record (<see cref="CellRecords.OfGlobal"/>)
    /// claiming nothing yet.</summary>
    public static Value NewGlobal()
    {
        // SAFETY: a fresh zeroed object of GlobalCellSize bytes: an empty cell and a zeroed record.
        var c = NativeHeap.Alloc(Layout.GlobalCellSize, ObjectKind.Cell);
        return Value.Obj((nint)c);
    }

    public static CellObject* P(Value v) => (CellObject*)v.Payload;
}
