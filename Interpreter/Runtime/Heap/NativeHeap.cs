// The native heap: segregated size-class free lists over 256 KiB chunks from NativeMemory, plus
// separately allocated large objects. Object cells are walkable by the sweeper; raw buffers (list
// items, instance slots) come from separate pools and are freed explicitly by their owner.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Lbbv.Runtime;

public static unsafe class NativeHeap
{
    public const int Granule = 16;
    public const int MaxSmall = 512;
    public const int ClassCount = MaxSmall / Granule;
    const int ChunkBytes = 256 * 1024;

    static readonly nint[] freeObj = new nint[ClassCount];
    static readonly nint[] freeRaw = new nint[ClassCount];
    static readonly List<nint>[] objChunks = NewChunkLists();
    static readonly List<nint> rawChunks = new();
    static readonly Dictionary<nint, long> largeObjects = new();

    public static long BytesAllocated;
    public static long HeapBytes;
    public static long PeakHeapBytes;
    public static long AllocatedSinceGc;
    /// <summary>Allocation between collections while the live heap is small.</summary>
    public const long MinGcThreshold = 8 << 20;
    public static long GcThreshold = MinGcThreshold;
    /// <summary>Set when a collection is due; polled at safepoints.</summary>
    public static bool GcRequested;
    /// <summary>Whether allocation triggers collections (`gc.disable()` clears it; gc.collect() still
    /// collects).</summary>
    public static bool AutomaticCollection = true;

    /// <summary>Starts the collection schedule over, as in a new process: a run collects at the same
    /// points whatever ran before it in this process (the earlier runs' objects, unreachable after
    /// the runtime's reset, go at the first collection).</summary>
    public static void RestartGcSchedule()
    {
        AllocatedSinceGc = 0;
        GcThreshold = MinGcThreshold;
        GcRequested = false;
    }

    static List<nint>[] NewChunkLists()
    {
        var a = new List<nint>[ClassCount];
        for (int i = 0; i < a.Length; i++) a[i] = new List<nint>();
        return a;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Account(long size)
    {
        BytesAllocated += size;
        HeapBytes += size;
        if (HeapBytes > PeakHeapBytes) PeakHeapBytes = HeapBytes;
        AllocatedSinceGc += size;
        if (AllocatedSinceGc > GcThreshold) GcRequested = AutomaticCollection;
    }

    /// <summary>Managed memory held by a companion (strings, big ints, dict tables) counts toward
    /// the collection trigger, so that a loop creating strings also collects.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AccountManaged(long bytes)
    {
        AllocatedSinceGc += bytes;
        if (AllocatedSinceGc > GcThreshold) GcRequested = AutomaticCollection;
    }

    /// <summary>A zeroed object of `size` bytes with its header kind set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ObjectHeader* Alloc(int size, ObjectKind kind)
    {
        size = (size + Granule - 1) & ~(Granule - 1);
        ObjectHeader* h;
        if (size <= MaxSmall)
        {
            int c = size / Granule - 1;
            nint p = freeObj[c];
            if (p == 0) p = Refill(c, freeObj, objChunks[c]);
            // SAFETY: p is a free cell of class c (>= size bytes) inside a live chunk.
            freeObj[c] = *(nint*)(p + 8);
            Unsafe.InitBlock((void*)p, 0, (uint)size);
            h = (ObjectHeader*)p;
            h->SizeClass = (ushort)(c + 1);
        }
        else
        {
            // SAFETY: a fresh zeroed block owned by the heap until the sweeper frees it.
            h = (ObjectHeader*)NativeMemory.AllocZeroed((nuint)size);
            largeObjects.Add((nint)h, size);
        }
        h->Kind = kind;
        Account(size);
        return h;
    }

    /// <summary>A zeroed raw buffer (no header); free it with FreeRaw and the same size.</summary>
    // raw buffers above MaxSmall: power-of-two classes up to 1 MiB, kept on free lists
    const int BigRawClasses = 12; // 1 KiB .. 1 MiB (index = log2(size) - 10)
    static readonly nint[] freeBigRaw = new nint[BigRawClasses];

    static int BigRawClass(long size) => 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)(size - 1)) - 10;

    public static void* AllocRaw(long size)
    {
        if (size == 0) return null;
        if (size > MaxSmall && size <= (1L << 20))
        {
            int bc = BigRawClass(size);
            long rounded = 1L << (bc + 10);
            Account(rounded);
            nint p = freeBigRaw[bc];
            if (p != 0)
            {
                // SAFETY: a free big raw block of this class.
                freeBigRaw[bc] = *(nint*)p;
                Unsafe.InitBlock((void*)p, 0, (uint)rounded);
                return (void*)p;
            }
            // SAFETY: fresh block; recycled through freeBigRaw, never returned.
            return NativeMemory.AllocZeroed((nuint)rounded);
        }
        size = (size + Granule - 1) & ~(Granule - 1);
        Account(size);
        if (size <= MaxSmall)
        {
            int c = (int)(size / Granule) - 1;
            nint p = freeRaw[c];
            if (p == 0) p = Refill(c, freeRaw, rawChunks);
            // SAFETY: p is a free raw cell of class c.
            freeRaw[c] = *(nint*)(p + 8);
            Unsafe.InitBlock((void*)p, 0, (uint)size);
            return (void*)p;
        }
        // SAFETY: plain native allocation, freed by FreeRaw.
        return NativeMemory.AllocZeroed((nuint)size);
    }

    public static void FreeRaw(void* p, long size)
    {
        if (p == null) return;
        if (size > MaxSmall && size <= (1L << 20))
        {
            int bc = BigRawClass(size);
            HeapBytes -= 1L << (bc + 10);
            // SAFETY: p came from this class and is no longer referenced.
            *(nint*)p = freeBigRaw[bc];
            freeBigRaw[bc] = (nint)p;
            return;
        }
        size = (size + Granule - 1) & ~(Granule - 1);
        HeapBytes -= size;
        if (size <= MaxSmall)
        {
            int c = (int)(size / Granule) - 1;
            // SAFETY: p was allocated from raw class c and is no longer referenced.
            *(long*)p = 0;
            *(nint*)((byte*)p + 8) = freeRaw[c];
            freeRaw[c] = (nint)p;
        }
        else
        {
            // SAFETY: p came from NativeMemory.AllocZeroed in AllocRaw.
            NativeMemory.Free(p);
        }
    }

    static nint Refill(int c, nint[] free, List<nint> chunks)
    {
        int cell = (c + 1) * Granule;
        // SAFETY: a fresh chunk carved into free cells of one class.
        byte* chunk = (byte*)NativeMemory.AllocZeroed(ChunkBytes);
        if (free == freeObj) chunks.Add((nint)chunk);
        else rawChunks.Add((nint)chunk);
        int n = ChunkBytes / cell;
        nint head = free[c];
        for (int i = n - 1; i >= 0; i--)
        {
            byte* p = chunk + (long)i * cell;
            *(nint*)(p + 8) = head;
            head = (nint)p;
        }
        free[c] = head;
        return head;
    }

    /// <summary>Sweep: frees every unmarked object (calling `finalize` first) and clears marks.
    /// Returns the number of objects freed.</summary>
    internal static long Sweep(delegate*<ObjectHeader*, void> finalize)
    {
        long freed = 0;
        for (int c = 0; c < ClassCount; c++)
        {
            int cell = (c + 1) * Granule;
            int n = ChunkBytes / cell;
            nint head = 0;
            foreach (nint chunkp in objChunks[c])
            {
                byte* chunk = (byte*)chunkp;
                for (int i = n - 1; i >= 0; i--)
                {
                    // SAFETY: walking cells of a chunk we own; every cell starts with a kind byte.
                    ObjectHeader* h = (ObjectHeader*)(chunk + (long)i * cell);
                    if (h->Kind != ObjectKind.Free)
                    {
                        if ((h->GcBits & ObjectHeader.MarkBit) != 0) { h->GcBits &= unchecked((byte)~ObjectHeader.MarkBit); continue; }
                        finalize(h);
                        h->Kind = ObjectKind.Free;
                        h->GcBits = 0;
                        HeapBytes -= cell;
                        freed++;
                    }
                    *(nint*)((byte*)h + 8) = head;
                    head = (nint)h;
                }
            }
            freeObj[c] = head;
        }
        List<nint>? dead = null;
        foreach (var (p, size) in largeObjects)
        {
            ObjectHeader* h = (ObjectHeader*)p;
            // SAFETY: large objects stay allocated until removed here.
            if ((h->GcBits & ObjectHeader.MarkBit) != 0) { h->GcBits &= unchecked((byte)~ObjectHeader.MarkBit); continue; }
            (dead ??= new()).Add(p);
        }
        if (dead != null)
            foreach (nint p in dead)
            {
                finalize((ObjectHeader*)p);
                HeapBytes -= largeObjects[p];
                largeObjects.Remove(p);
                // SAFETY: unreachable large object.
                NativeMemory.Free((void*)p);
                freed++;
            }
        return freed;
    }
}
