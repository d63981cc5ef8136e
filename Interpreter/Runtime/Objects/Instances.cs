// Instances of user classes: the class in the header, and a slot array indexed by the class's shape.
namespace Lbbv.Runtime;

public static unsafe class Instances
{
    public static Value New(ClassObject cls)
    {
        int n = cls.SlotNames.Count;
        long inlineBytes = (long)n * Layout.ValueSize;
        // The slots the class's layout has so far live in the object's own cell when they fit: one
        // allocation, and nothing for the sweeper to free (a grown instance moves them out).
        bool inline = n > 0 && Layout.InstanceSize + inlineBytes <= NativeHeap.MaxSmall;
        var o = (InstanceObject*)NativeHeap.Alloc(Layout.InstanceSize + (inline ? (int)inlineBytes : 0), ObjectKind.Instance);
        // SAFETY: fresh instance; slots inline or in a buffer owned by it.
        o->Header.Class = cls.Self.Ptr;
        if (n > 0)
        {
            o->Slots = inline ? InlineSlots(o) : (Value*)NativeHeap.AllocRaw(inlineBytes);
            o->SlotCount = n;
        }
        return Value.Obj((nint)o);
    }

    // SAFETY: the slots that follow the instance's fields in its cell (when it was made with them).
    static Value* InlineSlots(InstanceObject* o) => (Value*)((byte*)o + Layout.InstanceSize);

    /// <summary>Frees the slots unless they are the ones inside the instance's cell.</summary>
    static void FreeSlots(InstanceObject* o)
    {
        if (o->Slots != InlineSlots(o)) NativeHeap.FreeRaw(o->Slots, o->SlotCount * Layout.ValueSize);
    }

    public static InstanceObject* P(Value v) => (InstanceObject*)v.Payload;

    /// <summary>The attribute's value or Empty.</summary>
    public static Value Get(Value inst, int slot)
    {
        var o = P(inst);
        // SAFETY: bounds checked against SlotCount.
        return slot < o->SlotCount ? o->Slots[slot] : Value.Empty;
    }

    public static void Set(Value inst, int slot, Value v)
    {
        var o = P(inst);
        if (slot >= o->SlotCount) Grow(o, slot + 1);
        // SAFETY: slot < SlotCount after growing.
        o->Slots[slot] = v;
    }

    static void Grow(InstanceObject* o, long need)
    {
        long cap = Math.Max(need, Math.Max(4, o->SlotCount * 2));
        var slots = (Value*)NativeHeap.AllocRaw(cap * Layout.ValueSize);
        // SAFETY: copying the old initialized slots into the larger buffer.
        Buffer.MemoryCopy(o->Slots, slots, cap * Layout.ValueSize, o->SlotCount * Layout.ValueSize);
        FreeSlots(o);
        o->Slots = slots;
        o->SlotCount = cap;
    }

    internal static void Free(ObjectHeader* h)
    {
        var o = (InstanceObject*)h;
        // SAFETY: the instance is being swept.
        FreeSlots(o);
    }
}
