namespace Lbbv.Backend.Layout;

/// <summary>
/// The runtime's native layout as seen by machine code. The backend does not reference the
/// interpreter; the frontend builds this record from the runtime's layout constants, and the
/// stencil library bakes these offsets and tags into its templates.
/// </summary>
public sealed record RuntimeLayout
{
    // ---- Value: a 16-byte slot with a 64-bit payload and a tag byte
    public required int ValueSize { get; init; }
    public required int ValuePayload { get; init; }
    public required int ValueTag { get; init; }

    // ---- tags (the low byte of a Value's tag word)
    public required byte TagEmpty { get; init; }
    public required byte TagInt { get; init; }
    public required byte TagFloat { get; init; }
    public required byte TagBool { get; init; }
    public required byte TagNone { get; init; }
    public required byte TagObject { get; init; }

    // ---- heap objects
    public required int HeaderKind { get; init; }
    /// <summary>The header's mark-and-flags byte; <see cref="CellWatchedBit"/> is set in a module
    /// cell whose value JIT code has read as a constant.</summary>
    public required int HeaderGcBits { get; init; }
    public required byte CellWatchedBit { get; init; }
    public required int HeaderClass { get; init; }
    public required int ListCount { get; init; }
    public required int ListItems { get; init; }
    /// <summary>The list's element kind byte (0: no claim).</summary>
    public required int ListElementKind { get; init; }
    /// <summary>An object's element kind is this plus its object kind (below it: an immediate's tag).</summary>
    public required int ListObjectKindBase { get; init; }
    public required int TupleCount { get; init; }
    public required int TupleItems { get; init; }
    public required int TupleElementKind { get; init; }
    public required int InstanceSlotCount { get; init; }
    public required int InstanceSlots { get; init; }
    public required int CellValue { get; init; }
    public required int FunctionEntry { get; init; }
    public required int FunctionCodeId { get; init; }
    public required int FunctionClosure { get; init; }
    public required byte KindFunction { get; init; }

    // ---- native frames (r12 points HeaderSize bytes past a frame's start)
    public required int FrameHeaderSize { get; init; }
    public required int FrameBack { get; init; }
    public required int FrameFunction { get; init; }
    public required int FrameCodeId { get; init; }
    public required int FrameIp { get; init; }
    public required int FrameSp { get; init; }
    public required int FrameGlobals { get; init; }
    public required int FrameLocals { get; init; }
    public required int FrameGenerator { get; init; }
    public required int FrameFlags { get; init; }
    public required int FrameSlotCount { get; init; }

    // ---- the VM state that r13 points at
    public required int VmCurrentFrame { get; init; }
    public required int VmFrameTop { get; init; }
    public required int VmFrameLimit { get; init; }
    public required int VmDepth { get; init; }
    public required int VmRecursionLimit { get; init; }
    public required int VmCalls { get; init; }
    public required int VmClassVersion { get; init; }
    public required int VmReturnValue { get; init; }

    // ---- native iterators (a `for` loop's range and list iterators): kind bytes and body offsets
    public required byte KindRangeIterator { get; init; }
    public required byte KindListIterator { get; init; }
    public required int RangeIterCurrent { get; init; }
    public required int RangeIterLeft { get; init; }
    public required int RangeIterStep { get; init; }
    public required int ListIterList { get; init; }
    public required int ListIterIndex { get; init; }

    // ---- the native heap's state (counters, object free lists) that allocating stencils update
    public required int HeapAllocatedSinceGc { get; init; }
    public required int HeapGcThreshold { get; init; }
    public required int HeapBytes { get; init; }
    public required int HeapPeakBytes { get; init; }
    public required int HeapBytesAllocated { get; init; }
    /// <summary>The free-list head of object size class 0 (16-byte cells); class c's is 8c further.</summary>
    public required int HeapFreeCells { get; init; }
    /// <summary>Object cells are multiples of this.</summary>
    public required int HeapGranule { get; init; }
    /// <summary>The header's ushort size class (index + 1) of the object's cell.</summary>
    public required int HeaderSizeClass { get; init; }
    public required int RangeIterSize { get; init; }
    public required int ListIterSize { get; init; }
    public required byte KindList { get; init; }
    public required int ListCapacity { get; init; }
    /// <summary>A list's fields end here; its items follow when they live in its cell.</summary>
    public required int ListSize { get; init; }
    /// <summary>An instance's fields end here; its slots follow when they live in its cell.</summary>
    public required int InstanceSize { get; init; }
    /// <summary>GcBits flag of a range iterator only its `for` loop sees, freed when exhausted.</summary>
    public required byte LoopOwnedBit { get; init; }

    /// <summary>Throws if the layout cannot be used by the stencils (they copy Values as 16 bytes).</summary>
    public void Validate()
    {
        if (ValueSize != 16)
            throw new ArgumentException("Stencils copy a Value with one 16-byte move; ValueSize must be 16.");
        if (ValuePayload != 0 || ValueTag != 8)
            throw new ArgumentException("Stencils write the payload as the first and the tag word as the second qword of a Value.");
    }
}
