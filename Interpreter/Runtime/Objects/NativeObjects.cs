// The natively laid out objects that JIT code reaches directly (see Layout).
using System.Runtime.InteropServices;

namespace Lbbv.Runtime;

[StructLayout(LayoutKind.Explicit, Size = Layout.ListSize)]
public unsafe struct ListObject
{
    [FieldOffset(0)] public ObjectHeader Header;
    [FieldOffset(Layout.ListCount)] public long Count;
    [FieldOffset(Layout.ListCapacity)] public long Capacity;
    [FieldOffset(Layout.ListItems)] public Value* Items;
    [FieldOffset(Layout.ListElementKind)] public byte ElementKind;
}

[StructLayout(LayoutKind.Explicit, Size = Layout.TupleItems)]
public unsafe struct TupleObject
{
    [FieldOffset(0)] public ObjectHeader Header;
    [FieldOffset(Layout.TupleCount)] public long Count;
    [FieldOffset(Layout.TupleElementKind)] public byte ElementKind;
    public Value* Items
    {
        get
        {
            // SAFETY: tuple items are inline right after the count.
            fixed (TupleObject* p = &this) return (Value*)((byte*)p + Layout.TupleItems);
        }
    }
}

[StructLayout(LayoutKind.Explicit, Size = Layout.InstanceSize)]
public unsafe struct InstanceObject
{
    [FieldOffset(0)] public ObjectHeader Header;
    [FieldOffset(Layout.InstanceSlotCount)] public long SlotCount;
    [FieldOffset(Layout.InstanceSlots)] public Value* Slots;
}

[StructLayout(LayoutKind.Explicit, Size = Layout.CellSize)]
public struct CellObject
{
    [FieldOffset(0)] public ObjectHeader Header;
    [FieldOffset(Layout.CellValue)] public Value Value;
}

[StructLayout(LayoutKind.Explicit, Size = Layout.FunctionSize)]
public struct FunctionObject
{
    [FieldOffset(0)] public ObjectHeader Header;
    [FieldOffset(Layout.FunctionEntry)] public nint Entry;
    [FieldOffset(Layout.FunctionCodeId)] public int CodeId;
    [FieldOffset(Layout.FunctionClosure)] public nint Closure;
}

[StructLayout(LayoutKind.Explicit, Size = Layout.RangeIterSize)]
public struct RangeIteratorObject
{
    [FieldOffset(0)] public ObjectHeader Header;
    [FieldOffset(Layout.RangeIterCurrent)] public long Current;
    [FieldOffset(Layout.RangeIterLeft)] public ulong Left;
    [FieldOffset(Layout.RangeIterStep)] public long Step;
}

[StructLayout(LayoutKind.Explicit, Size = Layout.ListIterSize)]
public unsafe struct ListIteratorObject
{
    [FieldOffset(0)] public ObjectHeader Header;
    [FieldOffset(Layout.ListIterList)] public ListObject* List;
    [FieldOffset(Layout.ListIterIndex)] public ulong Index;
}
