using System.Runtime.InteropServices;

namespace Lbbv.Backend.Tests;

/// <summary>Native frames and heap objects laid out as the runtime lays them out, for executing tests.</summary>
internal sealed unsafe class NativeMemoryArena : IDisposable
{
    private readonly List<nint> _blocks = [];

    public nint Allocate(int bytes)
    {
        // SAFETY: zeroed, 16-byte aligned native memory owned by this arena until Dispose.
        nint block = (nint)NativeMemory.AlignedAlloc((nuint)bytes, 16);
        new Span<byte>((void*)block, bytes).Clear();
        _blocks.Add(block);
        return block;
    }

    public Frame NewFrame(int slots) => new(Allocate(slots * 16), slots);

    public nint NewList(params long[] ints)
    {
        nint list = Allocate(40);
        nint items = Allocate(Math.Max(1, ints.Length) * 16);
        for (int i = 0; i < ints.Length; i++) SetValue(items + i * 16, ints[i], TestLayout.Int);
        Write(list, 0, TestLayout.KindList);
        Write(list + 16, ints.Length);
        Write(list + 24, ints.Length);
        Write(list + 32, items);
        return list;
    }

    public nint NewTuple(params long[] ints)
    {
        var l = TestLayout.Layout;
        nint tuple = Allocate(l.TupleItems + ints.Length * 16);
        Write(tuple, 0, TestLayout.KindTuple);
        Write(tuple + l.TupleCount, ints.Length);
        for (int i = 0; i < ints.Length; i++) SetValue(tuple + l.TupleItems + i * 16, ints[i], TestLayout.Int);
        return tuple;
    }

    /// <summary>An instance of <paramref name="cls"/> with <paramref name="slots"/> slots (all empty).</summary>
    public nint NewInstance(nint cls, int slots)
    {
        nint instance = Allocate(32);
        Write(instance, 0, TestLayout.KindInstance);
        Write(instance + 8, cls);
        Write(instance + 16, slots);
        Write(instance + 24, Allocate(Math.Max(1, slots) * 16));
        return instance;
    }

    public nint NewCell(long value, byte tag)
    {
        nint cell = Allocate(32);
        Write(cell, 0, TestLayout.KindCell);
        SetValue(cell + 16, value, tag);
        return cell;
    }

    /// <summary>A native range iterator: (current, left, step) at +16, +24, +32.</summary>
    public nint NewRangeIterator(long current, ulong left, long step)
    {
        nint it = Allocate(48);
        Write(it, 0, TestLayout.KindRangeIterator);
        Write(it + 16, current);
        Write(it + 24, (long)left);
        Write(it + 32, step);
        return it;
    }

    /// <summary>A native list iterator: (list, index) at +16, +24.</summary>
    public nint NewListIterator(nint list, long index = 0)
    {
        nint it = Allocate(32);
        Write(it, 0, TestLayout.KindListIterator);
        Write(it + 16, list);
        Write(it + 24, index);
        return it;
    }

    public static nint InstanceSlots(nint instance) => (nint)Read(instance + 24);

    // SAFETY (all below): tests pass addresses inside blocks of this arena.
    public static void Write(nint address, long value) => *(long*)address = value;
    public static void Write(nint address, int offset, byte value) => *(byte*)(address + offset) = value;
    public static long Read(nint address) => *(long*)address;
    public static void SetValue(nint value, long payload, byte tag) { *(long*)value = payload; *(long*)(value + 8) = tag; }
    public static byte Tag(nint value) => *(byte*)(value + 8);

    public void Dispose()
    {
        // SAFETY: every block came from AlignedAlloc above and is freed once.
        foreach (nint block in _blocks) NativeMemory.AlignedFree((void*)block);
        _blocks.Clear();
    }
}

/// <summary>A frame of 16-byte Values at a stable native address.</summary>
internal readonly struct Frame(nint address, int slots)
{
    public nint Address { get; } = address;
    public int Slots { get; } = slots;
    public nint SlotAddress(int slot) => (uint)slot < (uint)Slots ? Address + slot * 16 : throw new ArgumentOutOfRangeException(nameof(slot));
    public void SetInt(int slot, long value) => NativeMemoryArena.SetValue(SlotAddress(slot), value, TestLayout.Int);
    public void SetFloat(int slot, double value) => NativeMemoryArena.SetValue(SlotAddress(slot), BitConverter.DoubleToInt64Bits(value), TestLayout.Float);
    public void SetBool(int slot, bool value) => NativeMemoryArena.SetValue(SlotAddress(slot), value ? 1 : 0, TestLayout.Bool);
    public void SetObject(int slot, nint pointer) => NativeMemoryArena.SetValue(SlotAddress(slot), pointer, TestLayout.Object);
    public void Set(int slot, long payload, byte tag) => NativeMemoryArena.SetValue(SlotAddress(slot), payload, tag);
    public byte Tag(int slot) => NativeMemoryArena.Tag(SlotAddress(slot));
    public long Payload(int slot) => NativeMemoryArena.Read(SlotAddress(slot));
    public double Float(int slot) => BitConverter.Int64BitsToDouble(Payload(slot));
    public long Int(int slot) => Tag(slot) == TestLayout.Int ? Payload(slot) : throw new InvalidOperationException($"slot {slot} has tag {Tag(slot)}, not int");
}
