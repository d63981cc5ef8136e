// The native memory layout shared by the interpreter, the collector and JIT code. Machine code
// depends on every constant here; change one only together with the stencils that use it.
namespace Lbbv.Runtime;

/// <summary>The tag of a Value (the low byte of its tag word).</summary>
public enum Tag : byte
{
    Empty = 0,   // an unbound local / empty stack slot / NULL
    Int = 1,     // payload: int64
    Float = 2,   // payload: IEEE double bits
    Bool = 3,    // payload: 0 or 1
    None = 4,    // payload: 0
    Object = 5,  // payload: pointer to a native ObjectHeader
}

/// <summary>Kind byte at offset 0 of every heap object's header.</summary>
public enum ObjectKind : byte
{
    Free = 0,
    BigInt, Str, List, Tuple, Dict, Set, FrozenSet, Instance, Class, Function, BuiltinFunction,
    BoundMethod, Cell, Module, Range, Slice, Iterator, Generator, Exception, Code, Property,
    StaticMethod, ClassMethod, Other,
    // Iterators whose state lives in the object body (no companion), so machine code can step
    // them: one kind compare tells them apart from each other and from companion iterators.
    RangeIterator, ListIterator,
}

public static class Layout
{
    // ---- Value: 16 bytes, payload first
    public const int ValueSize = 16;
    public const int ValuePayload = 0;
    public const int ValueTag = 8;

    // ---- ObjectHeader: 16 bytes at the start of every heap object
    public const int HeaderSize = 16;
    public const int HeaderKind = 0;     // byte ObjectKind
    public const int HeaderGcBits = 1;   // byte: mark bit and flags
    public const int HeaderSizeClass = 2; // ushort: size-class index + 1 of the object's cell, 0 if large
    public const int HeaderHandle = 4;   // int32: index of the managed companion (0 = none)
    public const int HeaderClass = 8;    // pointer: the object's class (ClassObject header), or 0 for builtin kinds

    // ---- list: header, count, capacity, items (separately allocated Value array)
    public const int ListCount = 16;     // int64
    public const int ListCapacity = 24;  // int64
    public const int ListItems = 32;     // Value*
    /// <summary>What every item of the list is (Lists.KindOf; 0: no claim), kept by every store.</summary>
    public const int ListElementKind = 40; // byte
    public const int ListSize = 48;

    // ---- tuple: header, count, inline items
    public const int TupleCount = 16;    // int64
    /// <summary>What every item of the tuple is (Lists.KindOf; 0: no claim), set where the items are
    /// given at creation (Tuples.FromSpan, Tuples.Of): a tuple is never written once visible.</summary>
    public const int TupleElementKind = 24; // byte
    public const int TupleItems = 32;    // Value[count]

    // ---- instance: header (HeaderClass = its class), slot count, slots (separately allocated)
    public const int InstanceSlotCount = 16; // int64
    public const int InstanceSlots = 24;     // Value*; attribute i of the class's layout is slot i
    public const int InstanceSize = 32;

    // ---- slice (ObjectKind.Slice): header, start, stop, step (Values, None where missing; no companion)
    public const int SliceBounds = 16;   // Value[3]
    public const int SliceSize = 64;

    // ---- range (ObjectKind.Range): header, start, stop, step (int64; no companion: a range whose
    // bounds do not fit int64 is a BigRangeObject companion of ObjectKind.Other)
    public const int RangeStart = 16;    // int64
    public const int RangeStop = 24;     // int64
    public const int RangeStep = 32;     // int64
    public const int RangeSize = 48;

    // ---- cell (closure cell and global-variable cell): header, value
    public const int CellValue = 16;     // Value
    public const int CellSize = 32;
    /// <summary>A module's global cell is followed by the record of what its global has held
    /// (Runtime.CellRecord, CellRecords.OfGlobal).</summary>
    public const int GlobalCellRecord = 32;
    public const int GlobalCellSize = 40;

    // ---- function: header, entry point for JIT code (0 until compiled), its code's id and its
    // closure (what a direct call from machine code reads: Code and Closure never change)
    public const int FunctionEntry = 16;   // pointer
    public const int FunctionCodeId = 24;  // int32: CodeRuntime.Id
    public const int FunctionClosure = 32; // pointer to the tuple of cells, or 0
    public const int FunctionSize = 40;

    // ---- range iterator (ObjectKind.RangeIterator, int64 ranges only): header, the next value,
    // how many values are left (unsigned: an int64 range has up to 2^64 - 1), the step. Counting
    // down instead of comparing with stop keeps `current += step` from needing an overflow check.
    public const int RangeIterCurrent = 16; // int64
    public const int RangeIterLeft = 24;    // uint64
    public const int RangeIterStep = 32;    // int64
    public const int RangeIterSize = 40;

    // ---- list iterator (ObjectKind.ListIterator): header, the list, the next index (compared
    // unsigned with the list's count; ulong.MaxValue once exhausted, so a list that grows later
    // does not revive it, as in CPython)
    public const int ListIterList = 16;     // ListObject*
    public const int ListIterIndex = 24;    // uint64
    public const int ListIterSize = 32;
}

/// <summary>The native frame layout shared by the interpreter and JIT code (see Frames/Frame.cs).</summary>
public static class FrameLayout
{
    public const int Back = 0;          // Frame*: the calling frame
    public const int Function = 8;      // function object pointer (0 for module code)
    public const int CodeId = 16;       // int32: index into CodeRuntime.All
    public const int Ip = 20;           // int32: current instruction (while running) / resume point
    public const int Sp = 24;           // Value*: operand stack top (exclusive), valid at safepoints and calls
    public const int Globals = 32;      // module object pointer
    public const int Locals = 40;       // class-body namespace dict pointer, or 0
    public const int Generator = 48;    // generator object pointer, or 0
    public const int Flags = 56;        // int32
    public const int SlotCount = 60;    // int32: localsplus count (locals + cells + free vars)
    public const int HeaderSize = 64;   // localsplus starts here; the operand stack follows it
}

/// <summary>The native heap's counters and object free lists (NativeHeap.State), which machine
/// code that allocates and frees small objects updates exactly as NativeHeap.Alloc does.</summary>
public static class HeapStateLayout
{
    public const int AllocatedSinceGc = 0;  // int64: bytes allocated since the last collection
    public const int GcThreshold = 8;       // int64: a collection is due when AllocatedSinceGc exceeds it
    public const int HeapBytes = 16;        // int64: bytes in live (or not yet swept) objects and buffers
    public const int PeakHeapBytes = 24;    // int64
    public const int BytesAllocated = 32;   // int64: total over the run
    public const int FreeCells = 64;        // nint[ClassCount]: the free list of object cells of each size class
    public const int Size = FreeCells + 8 * (512 / 16);
}
