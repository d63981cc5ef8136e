using Lbbv.Backend.Layout;

namespace Lbbv.Bench.Backend;

/// <summary>The runtime's layout (Interpreter/Runtime/Layout.cs) restated for the backend benchmarks.</summary>
internal static class BenchLayout
{
    public static readonly RuntimeLayout Layout = new()
    {
        ValueSize = 16, ValuePayload = 0, ValueTag = 8,
        TagEmpty = 0, TagInt = 1, TagFloat = 2, TagBool = 3, TagNone = 4, TagObject = 5,
        HeaderKind = 0, HeaderClass = 8, HeaderGcBits = 1, CellWatchedBit = 2,
        ListCount = 16, ListItems = 32, ListElementKind = 40, ListObjectKindBase = 16,
        TupleCount = 16, TupleItems = 32, TupleElementKind = 24,
        InstanceSlotCount = 16, InstanceSlots = 24,
        CellValue = 16,
        FunctionEntry = 16,
        FunctionCodeId = 24,
        FunctionClosure = 32,
        KindFunction = 10,
        FrameHeaderSize = 64,
        FrameBack = 0,
        FrameFunction = 8,
        FrameCodeId = 16,
        FrameIp = 20,
        FrameSp = 24,
        FrameGlobals = 32,
        FrameLocals = 40,
        FrameGenerator = 48,
        FrameFlags = 56,
        FrameSlotCount = 60,
        VmCurrentFrame = 0,
        VmFrameTop = 8,
        VmFrameLimit = 16,
        VmDepth = 24,
        VmRecursionLimit = 28,
        VmCalls = 32,
        VmClassVersion = 40,
        VmReturnValue = 48,
        KindRangeIterator = 25, KindListIterator = 26,
        RangeIterCurrent = 16, RangeIterLeft = 24, RangeIterStep = 32,
        ListIterList = 16, ListIterIndex = 24,
        HeapAllocatedSinceGc = 0, HeapGcThreshold = 8, HeapBytes = 16, HeapPeakBytes = 24, HeapBytesAllocated = 32,
        HeapFreeCells = 64, HeapGranule = 16, HeaderSizeClass = 2, RangeIterSize = 40, ListIterSize = 32,
        InstanceSize = 32, KindList = 3, LoopOwnedBit = 8, ListCapacity = 24, ListSize = 48,
    };
}
