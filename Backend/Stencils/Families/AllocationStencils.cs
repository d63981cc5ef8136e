using Iced.Intel;
using Lbbv.Backend.Layout;
using static Iced.Intel.AssemblerRegisters;

namespace Lbbv.Backend.Stencils.Families;

/// <summary>
/// Small objects allocated and freed by machine code as the runtime's NativeHeap does: a cell is
/// popped from (or pushed on) its size class's free list in the heap state (an Int64 hole
/// <c>heap</c>: its address), and the state's counters are kept exactly. An allocation that would
/// need a new chunk or reach the collection threshold branches to <c>slow</c> before writing
/// anything: the runtime's helper allocates there, and a collection it requests runs at that
/// helper's safepoint.
/// </summary>
public sealed class AllocationStencils : StencilFamily
{
    internal AllocationStencils(RuntimeLayout l, StencilSource source) : base(l, source)
    {
        NewRangeIteratorFromZero = Build("Allocation.NewRangeIterator.FromZero", StencilKind.Iteration,
            b => EmitNewRangeIterator(b, fromZero: true));
        NewRangeIteratorBetween = Build("Allocation.NewRangeIterator.Between", StencilKind.Iteration,
            b => EmitNewRangeIterator(b, fromZero: false));
        NewListIterator = Build("Allocation.NewListIterator", StencilKind.Iteration, EmitNewListIterator);
        ReleaseLoopIterator = Build("Allocation.ReleaseLoopIterator", StencilKind.Iteration, EmitReleaseLoopIterator);
        NewInstance = Build("Allocation.NewInstance", StencilKind.Invoke, EmitNewInstance);
        ListSlice = Build("Allocation.ListSlice", StencilKind.Sequence, EmitListSlice);
    }

    /// <summary>(container, lo, hi, heap:Int64, slow): `container[lo:hi]` (BuildSlice 2 then
    /// BinarySubscr) when the container is a list and each bound None or an int: a new list of the
    /// clamped range (1 to <see cref="MaxInlineItems"/> items) in one cell, the items after its
    /// fields, written over the container's slot. Anything else (an empty or longer result
    /// too) goes to slow, nothing written.</summary>
    public Stencil ListSlice { get; }

    /// <summary>The most items a list keeps inside its own cell (Lists.MaxInlineItems).</summary>
    public int MaxInlineItems => (512 - Layout.ListSize) / Layout.ValueSize;

    /// <summary>(dst, class:Int64, header:Int64, freeHead:Int32, cell:Int32, slotCount:Int32, heap:Int64,
    /// slow): an instance of the class with slotCount (at least 1) unbound slots inside its cell,
    /// written to dst: <c>header</c> is its first header qword (kind and size class), <c>freeHead</c>
    /// the offset in the heap state of its size class's free list, <c>cell</c> that class's size.</summary>
    public Stencil NewInstance { get; }

    /// <summary>(callable, stop, dst, range:Int64, heap:Int64, slow): `range(stop)` then GetIter:
    /// when the callable slot holds the builtin range and stop is an int, a loop-owned range
    /// iterator from 0 by 1 written to dst (the callable's slot); else to slow, nothing written.</summary>
    public Stencil NewRangeIteratorFromZero { get; }
    /// <summary>(callable, start, stop, dst, range:Int64, heap:Int64, slow): `range(start, stop)`
    /// then GetIter, as <see cref="NewRangeIteratorFromZero"/>.</summary>
    public Stencil NewRangeIteratorBetween { get; }
    /// <summary>(iterable, heap:Int64, slow): GetIter of a list followed by its loop's ForIter: a
    /// loop-owned list iterator of the list in the slot, written over it; anything but a list
    /// goes to slow, nothing written.</summary>
    public Stencil NewListIterator { get; }
    /// <summary>(iterator, heap:Int64): after a ForIter found the range or list iterator in the slot
    /// exhausted: frees it when its loop owns it (the loop-owned flag), as NativeHeap.FreeSmallObject.</summary>
    public Stencil ReleaseLoopIterator { get; }

    private int RangeCell => (Layout.RangeIterSize + Layout.HeapGranule - 1) / Layout.HeapGranule * Layout.HeapGranule;
    private int RangeFreeHead => Layout.HeapFreeCells + 8 * (RangeCell / Layout.HeapGranule - 1);

    private void EmitNewRangeIterator(StencilBuilder b, bool fromZero)
    {
        var l = Layout;
        int callable = b.ValueSlot("callable");
        int start = fromZero ? 0 : b.ValueSlot("start");
        int stop = b.ValueSlot("stop"), dst = b.ValueSlot("dst");
        ulong range = b.Int64("range"), heap = b.Int64("heap");
        ulong slow = b.CodeTarget("slow");
        int cell = RangeCell;
        var counted = b.Asm.CreateLabel("counted");
        // The callable is still the builtin range and the bounds are ints.
        b.Asm.cmp(__byte_ptr[r12 + callable + l.ValueTag], l.TagObject);
        b.Asm.jne(slow);
        b.Asm.mov(rax, range);
        b.Asm.cmp(__qword_ptr[r12 + callable + l.ValuePayload], rax);
        b.Asm.jne(slow);
        if (!fromZero)
        {
            b.Asm.cmp(__byte_ptr[r12 + start + l.ValueTag], l.TagInt);
            b.Asm.jne(slow);
        }
        b.Asm.cmp(__byte_ptr[r12 + stop + l.ValueTag], l.TagInt);
        b.Asm.jne(slow);
        b.Asm.mov(r8, heap);
        PopCell(b, RangeFreeHead, cell, slow);
        // Header: kind, the loop-owned flag (no mark), size class, no companion; no class.
        long header = l.KindRangeIterator | (long)l.LoopOwnedBit << 8 | (long)(cell / l.HeapGranule) << (8 * l.HeaderSizeClass);
        b.Asm.mov(rcx, header);
        b.Asm.mov(__qword_ptr[rax + l.HeaderKind], rcx);
        b.Asm.mov(__qword_ptr[rax + l.HeaderClass], 0);
        // count = stop - start when stop > start (exact as unsigned), else 0.
        if (fromZero) b.Asm.xor(edx, edx);
        else b.Asm.mov(rdx, __qword_ptr[r12 + start + l.ValuePayload]);
        b.Asm.mov(rsi, __qword_ptr[r12 + stop + l.ValuePayload]);
        b.Asm.mov(__qword_ptr[rax + l.RangeIterCurrent], rdx);
        b.Asm.xor(ecx, ecx);
        b.Asm.cmp(rsi, rdx);
        b.Asm.jle(counted);
        b.Asm.mov(rcx, rsi);
        b.Asm.sub(rcx, rdx);
        b.Asm.Label(ref counted);
        b.Asm.mov(__qword_ptr[rax + l.RangeIterLeft], rcx);
        b.Asm.mov(__qword_ptr[rax + l.RangeIterStep], 1);
        b.Asm.mov(__qword_ptr[r12 + dst + l.ValuePayload], rax);
        b.Asm.mov(__qword_ptr[r12 + dst + l.ValueTag], l.TagObject);
    }

    private void EmitNewInstance(StencilBuilder b)
    {
        var l = Layout;
        int dst = b.ValueSlot("dst");
        ulong cls = b.Int64("class"), header = b.Int64("header");
        int freeHead = b.Int32("freeHead"), cell = b.Int32("cell"), slotCount = b.Int32("slotCount");
        ulong heap = b.Int64("heap");
        ulong slow = b.CodeTarget("slow");
        var clear = b.Asm.CreateLabel("clear");
        b.Asm.mov(r8, heap);
        PopCell(b, freeHead, cell, slow);
        b.Asm.mov(rcx, header);
        b.Asm.mov(__qword_ptr[rax + l.HeaderKind], rcx);
        b.Asm.mov(rcx, cls);
        b.Asm.mov(__qword_ptr[rax + l.HeaderClass], rcx);
        b.Asm.mov(ecx, slotCount);
        b.Asm.mov(__qword_ptr[rax + l.InstanceSlotCount], rcx);
        b.Asm.lea(rdx, __qword_ptr[rax + l.InstanceSize]);
        b.Asm.mov(__qword_ptr[rax + l.InstanceSlots], rdx);
        // Every slot unbound (Empty: a zero tag word; the payload zeroed too).
        b.Asm.xorps(xmm0, xmm0);
        b.Asm.Label(ref clear);
        b.Asm.movups(__xmmword_ptr[rdx], xmm0);
        b.Asm.add(rdx, l.ValueSize);
        b.Asm.dec(ecx);
        b.Asm.jnz(clear);
        b.Asm.mov(__qword_ptr[r12 + dst + l.ValuePayload], rax);
        b.Asm.mov(__qword_ptr[r12 + dst + l.ValueTag], l.TagObject);
    }

    private void EmitListSlice(StencilBuilder b)
    {
        var l = Layout;
        int container = b.ValueSlot("container"), lo = b.ValueSlot("lo"), hi = b.ValueSlot("hi");
        ulong heap = b.Int64("heap");
        ulong slow = b.CodeTarget("slow");
        var copy = b.Asm.CreateLabel("copy");
        b.Asm.cmp(__byte_ptr[r12 + container + l.ValueTag], l.TagObject);
        b.Asm.jne(slow);
        b.Asm.mov(rdx, __qword_ptr[r12 + container + l.ValuePayload]);
        b.Asm.cmp(__byte_ptr[rdx + l.HeaderKind], l.KindList);
        b.Asm.jne(slow);
        b.Asm.mov(r9, __qword_ptr[rdx + l.ListCount]);
        // rsi = start (None: 0), rdi = stop (None: the count), each clamped as PySlice_AdjustIndices.
        LoadBound(b, rsi, lo, fallback: null, slow);
        LoadBound(b, rdi, hi, fallback: r9, slow);
        b.Asm.sub(rdi, rsi);
        b.Asm.jle(slow); // empty: the helper
        b.Asm.cmp(rdi, MaxInlineItems);
        b.Asm.ja(slow);
        // r10 = the cell's size in granules (its size class + 1): the fields, then the items.
        b.Asm.lea(r10, __qword_ptr[rdi + l.ListSize / l.HeapGranule]);
        b.Asm.mov(r8, heap);
        b.Asm.imul(r11, r10, l.HeapGranule);
        PopCell(b, __qword_ptr[r8 + r10 * 8 + l.HeapFreeCells - 8], slow);
        // Header (kind, size class; no flags, no companion), no class; count = capacity; the
        // source's element kind (a part of its items) in a qword with the padding after it.
        b.Asm.shl(r10, (byte)(8 * l.HeaderSizeClass));
        b.Asm.or(r10, (int)l.KindList);
        b.Asm.mov(__qword_ptr[rax + l.HeaderKind], r10);
        b.Asm.mov(__qword_ptr[rax + l.HeaderClass], 0);
        b.Asm.mov(__qword_ptr[rax + l.ListCount], rdi);
        b.Asm.mov(__qword_ptr[rax + l.ListCapacity], rdi);
        b.Asm.movzx(ecx, __byte_ptr[rdx + l.ListElementKind]);
        b.Asm.mov(__qword_ptr[rax + l.ListElementKind], rcx);
        b.Asm.lea(rcx, __qword_ptr[rax + l.ListSize]);
        b.Asm.mov(__qword_ptr[rax + l.ListItems], rcx);
        b.Asm.shl(rsi, 4);
        b.Asm.add(rsi, __qword_ptr[rdx + l.ListItems]);
        b.Asm.Label(ref copy);
        b.Asm.movups(xmm0, __xmmword_ptr[rsi]);
        b.Asm.movups(__xmmword_ptr[rcx], xmm0);
        b.Asm.add(rsi, l.ValueSize);
        b.Asm.add(rcx, l.ValueSize);
        b.Asm.dec(rdi);
        b.Asm.jnz(copy);
        b.Asm.mov(__qword_ptr[r12 + container + l.ValuePayload], rax);
    }

    /// <summary>dst = the slice bound in frame slot <paramref name="bound"/> for a list of r9 items:
    /// None gives 0 (<paramref name="fallback"/> null) or the fallback register; an int is counted
    /// from the end when negative, then clamped to [0, r9]; anything else goes to slow.</summary>
    private void LoadBound(StencilBuilder b, Iced.Intel.AssemblerRegister64 dst, int bound,
        Iced.Intel.AssemblerRegister64? fallback, ulong slow)
    {
        var l = Layout;
        var done = b.Asm.CreateLabel();
        var notNegative = b.Asm.CreateLabel();
        var isInt = b.Asm.CreateLabel();
        b.Asm.cmp(__byte_ptr[r12 + bound + l.ValueTag], l.TagInt);
        b.Asm.je(isInt);
        b.Asm.cmp(__byte_ptr[r12 + bound + l.ValueTag], l.TagNone);
        b.Asm.jne(slow);
        if (fallback is { } f) b.Asm.mov(dst, f);
        else b.Asm.xor(dst, dst);
        b.Asm.jmp(done);
        b.Asm.Label(ref isInt);
        b.Asm.mov(dst, __qword_ptr[r12 + bound + l.ValuePayload]);
        b.Asm.test(dst, dst);
        b.Asm.jns(notNegative);
        b.Asm.add(dst, r9);
        b.Asm.mov(r11d, 0);
        b.Asm.cmovs(dst, r11);
        b.Asm.jmp(done);
        b.Asm.Label(ref notNegative);
        b.Asm.cmp(dst, r9);
        b.Asm.cmovg(dst, r9);
        b.Asm.Label(ref done);
        b.Asm.nop(); // Iced binds a label to the next instruction
    }

    /// <summary>r8 = the heap state, r11 = the cell's size in bytes. Pops a cell from the free list
    /// at <paramref name="freeHead"/> into rax and accounts r11 bytes as NativeHeap.Account does, or
    /// branches to <paramref name="slow"/> (nothing written) when the list is empty or the
    /// allocation would pass the collection threshold. Clobbers rcx.</summary>
    private void PopCell(StencilBuilder b, AssemblerMemoryOperand freeHead, ulong slow)
    {
        var l = Layout;
        var peakKept = b.Asm.CreateLabel("peak_kept");
        b.Asm.mov(rax, freeHead);
        b.Asm.test(rax, rax);
        b.Asm.jz(slow);
        b.Asm.mov(rcx, __qword_ptr[r8 + l.HeapAllocatedSinceGc]);
        b.Asm.add(rcx, r11);
        b.Asm.cmp(rcx, __qword_ptr[r8 + l.HeapGcThreshold]);
        b.Asm.jg(slow);
        b.Asm.mov(__qword_ptr[r8 + l.HeapAllocatedSinceGc], rcx);
        b.Asm.add(__qword_ptr[r8 + l.HeapBytesAllocated], r11);
        b.Asm.mov(rcx, __qword_ptr[r8 + l.HeapBytes]);
        b.Asm.add(rcx, r11);
        b.Asm.mov(__qword_ptr[r8 + l.HeapBytes], rcx);
        b.Asm.cmp(rcx, __qword_ptr[r8 + l.HeapPeakBytes]);
        b.Asm.jle(peakKept);
        b.Asm.mov(__qword_ptr[r8 + l.HeapPeakBytes], rcx);
        b.Asm.Label(ref peakKept);
        b.Asm.mov(rcx, __qword_ptr[rax + 8]);
        b.Asm.mov(freeHead, rcx);
    }

    /// <summary><see cref="PopCell(StencilBuilder, AssemblerMemoryOperand, ulong)"/> of a cell of
    /// <paramref name="cell"/> bytes (a constant or an Int32 hole) whose free list is at
    /// <paramref name="freeHead"/> in the heap state.</summary>
    private void PopCell(StencilBuilder b, int freeHead, int cell, ulong slow)
    {
        b.Asm.mov(r11d, cell);
        PopCell(b, __qword_ptr[r8 + freeHead], slow);
    }

    private void EmitNewListIterator(StencilBuilder b)
    {
        var l = Layout;
        int iterable = b.ValueSlot("iterable");
        ulong heap = b.Int64("heap");
        ulong slow = b.CodeTarget("slow");
        int cell = (l.ListIterSize + l.HeapGranule - 1) / l.HeapGranule * l.HeapGranule;
        b.Asm.cmp(__byte_ptr[r12 + iterable + l.ValueTag], l.TagObject);
        b.Asm.jne(slow);
        b.Asm.mov(rdx, __qword_ptr[r12 + iterable + l.ValuePayload]);
        b.Asm.cmp(__byte_ptr[rdx + l.HeaderKind], l.KindList);
        b.Asm.jne(slow);
        b.Asm.mov(r8, heap);
        PopCell(b, l.HeapFreeCells + 8 * (cell / l.HeapGranule - 1), cell, slow);
        long header = l.KindListIterator | (long)l.LoopOwnedBit << 8 | (long)(cell / l.HeapGranule) << (8 * l.HeaderSizeClass);
        b.Asm.mov(rcx, header);
        b.Asm.mov(__qword_ptr[rax + l.HeaderKind], rcx);
        b.Asm.mov(__qword_ptr[rax + l.HeaderClass], 0);
        b.Asm.mov(__qword_ptr[rax + l.ListIterList], rdx);
        b.Asm.mov(__qword_ptr[rax + l.ListIterIndex], 0);
        b.Asm.mov(__qword_ptr[r12 + iterable + l.ValuePayload], rax);
    }

    private void EmitReleaseLoopIterator(StencilBuilder b)
    {
        var l = Layout;
        int iterator = b.ValueSlot("iterator");
        ulong heap = b.Int64("heap");
        var kept = b.Asm.CreateLabel("kept");
        b.Asm.mov(rax, __qword_ptr[r12 + iterator + l.ValuePayload]);
        b.Asm.test(__byte_ptr[rax + l.HeaderGcBits], l.LoopOwnedBit);
        b.Asm.jz(kept);
        b.Asm.mov(r8, heap);
        // Kind Free, no flags; linked in front of its size class's free list (the class is
        // SizeClass - 1, its cells SizeClass granules long).
        b.Asm.movzx(ecx, __word_ptr[rax + l.HeaderSizeClass]);
        b.Asm.mov(__word_ptr[rax + l.HeaderKind], 0);
        b.Asm.mov(rdx, __qword_ptr[r8 + rcx * 8 + l.HeapFreeCells - 8]);
        b.Asm.mov(__qword_ptr[rax + 8], rdx);
        b.Asm.mov(__qword_ptr[r8 + rcx * 8 + l.HeapFreeCells - 8], rax);
        b.Asm.imul(ecx, ecx, l.HeapGranule);
        b.Asm.sub(__qword_ptr[r8 + l.HeapBytes], rcx);
        b.Asm.sub(__qword_ptr[r8 + l.HeapAllocatedSinceGc], rcx);
        b.Asm.Label(ref kept);
        b.Asm.nop(); // Iced binds a label to the next instruction
    }
}
