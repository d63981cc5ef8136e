// The native heap's counters and object free lists, in native memory at a fixed address so that
// machine code can allocate a small object (pop a free cell, account for it) as NativeHeap.Alloc does.
using System.Runtime.InteropServices;

namespace Lbbv.Runtime;

[StructLayout(LayoutKind.Explicit, Size = HeapStateLayout.Size)]
public unsafe struct HeapState
{
    [FieldOffset(HeapStateLayout.AllocatedSinceGc)] public long AllocatedSinceGc;
    [FieldOffset(HeapStateLayout.GcThreshold)] public long GcThreshold;
    [FieldOffset(HeapStateLayout.HeapBytes)] public long HeapBytes;
    [FieldOffset(HeapStateLayout.PeakHeapBytes)] public long PeakHeapBytes;
    [FieldOffset(HeapStateLayout.BytesAllocated)] public long BytesAllocated;
    /// <summary>The head of each object size class's free list (a free cell links the next at +8).</summary>
    [FieldOffset(HeapStateLayout.FreeCells)] public fixed long FreeCellHeads[NativeHeap.ClassCount];
}
