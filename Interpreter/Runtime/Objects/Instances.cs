// Instances of user classes: the class in the header, and a slot array indexed by the class's shape.
namespace Lbbv.Runtime;

public static unsafe class Instances
{
    public static Value New(ClassObject cls)
    {
        var o = (InstanceObject*)NativeHeap.Alloc(Layout.InstanceSize, ObjectKind.Instance);
        // SAFETY: fresh instance; slots buffer owned by it.
        o->Header.Class = cls.Self.Ptr;
        int n = cls.SlotNames.Count;
        if (n > 0) { o->Slots = (Value*)NativeHeap.AllocRaw((long)n * Layout.ValueSize); o->SlotCount = n; }
        return Value.Obj((nint)o);
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
        NativeHeap.FreeRaw(o->Slots, o->SlotCount * Layout.ValueSize);
        o->Slots = slots;
        o->SlotCount = cap;
    }

    internal static void Free(ObjectHeader* h)
    {
        var o = (InstanceObject*)h;
        // SAFETY: the instance is being swept.
        NativeHeap.FreeRaw(o->Slots, o->SlotCount * Layout.ValueSize);
    }
}
