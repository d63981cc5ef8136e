// The native heap: segregated size-class free lists over 256 KiB chunks from NativeMemory (carved
// into cells a page, then twice as much, at a time), plus separately allocated large objects.
// Object cells are walkable by the sweeper; raw buffers (list items, instance slots) come from
// separate pools and are freed explicitly by their owner.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Lbbv.Runtime;

public static unsafe class NativeHeap
{
    public const int Granule = 16;
    public const int MaxSmall = 512;
    public const int ClassCount = MaxSmall / Granule;
    const int ChunkBytes = 256 * 1024;

    /// <summary>Counters and object free lists in native memory, where machine code reaches them
    /// (HeapStateLayout); never freed.</summary>
    // SAFETY: a zeroed block owned by the heap for the life of the process.
    public static readonly HeapState* State = NewState();
    // SAFETY: the free-list heads inside State.
    static nint* freeObj => (nint*)((byte*)State + HeapStateLayout.FreeCells);

    static HeapState* NewState()
    {
        // SAFETY: a zeroed block owned by the heap for the life of the process.
        var s = (HeapState*)NativeMemory.AllocZeroed((nuint)HeapStateLayout.Size);
        s->GcThreshold = MinGcThreshold;
        return s;
    }
    static readonly nint[] freeRaw = new nint[ClassCount];
    static readonly List<nint>[] objChunks = NewChunkLists();
    static readonly List<nint> rawChunks = new();
    static readonly Dictionary<nint, long> largeObjects = new();

    public static long BytesAllocated { get => State->BytesAllocated; set => State->BytesAllocated = value; }
    public static long HeapBytes { get => State->HeapBytes; set => State->HeapBytes = value; }
    public static long PeakHeapBytes { get => State->PeakHeapBytes; set => State->PeakHeapBytes = value; }
    public static long AllocatedSinceGc { get => State->AllocatedSinceGc; set => State->AllocatedSinceGc = value; }
    /// <summary>Allocation between collections while the live heap is small.</summary>
    public const long MinGcThreshold = 8 << 20;
    public static long GcThreshold { get => State->GcThreshold; set => State->GcThreshold = value; }
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
        var s = State;
        // SAFETY: the heap's own state block.
        s->BytesAllocated += size;
        long heap = s->HeapBytes += size;
        if (heap > s->PeakHeapBytes) s->PeakHeapBytes = heap;
        if ((s->AllocatedSinceGc += size) > s->GcThreshold) GcRequested = AutomaticCollection;
    }

    /// <summary>Managed memory held by a companion (strings, big ints, dict tables) counts toward
    /// the collection trigger, so that a loop creating strings also collects.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AccountManaged(long bytes)
    {
        // SAFETY: the heap's own state block.
        if ((State->AllocatedSinceGc += bytes) > State->GcThreshold) GcRequested = AutomaticCollection;
    }

    /// <summary>A zeroed object of `size` bytes with its header kind set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ObjectHeader* Alloc(int size, ObjectKind kind) => Alloc(size, kind, int.MaxValue);

    /// <summary>An object of `size` bytes with its header kind set whose first `zeroed` bytes (at
    /// least the header) are zero: the caller writes the rest at once (a list's inline items).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ObjectHeader* Alloc(int size, ObjectKind kind, int zeroed)
    {
        size = (size + Granule - 1) & ~(Granule - 1);
        ObjectHeader* h;
        if (size <= MaxSmall)
        {
            int c = size / Granule - 1;
            nint p = freeObj[c];
            if (p == 0) p = RefillObjects(c);
            // SAFETY: p is a free cell of class c (>= size bytes) inside a live chunk.
            freeObj[c] = *(nint*)(p + 8);
            ZeroCell((byte*)p, Math.Min(size, zeroed));
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
            ZeroCell((byte*)p, (int)size);
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

    /// <summary>Zeroes a small cell (a multiple of 16 bytes) with 16-byte stores: cheaper than a
    /// call of the general clear for the few dozen bytes most objects have.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void ZeroCell(byte* p, int size)
    {
        // SAFETY: p heads a cell of at least size bytes, size a multiple of Granule.
        for (int i = 0; i < size; i += Granule) *(Vector128<byte>*)(p + i) = default;
    }

    static nint RefillObjects(int c) => freeObj[c] = Carve(c, freeObj[c], objChunks[c], ref objUncarved[c]);

    static nint Refill(int c, nint[] free, List<nint> chunks) =>
        free[c] = Carve(c, free[c], chunks, ref rawUncarved[c]);

    /// <summary>The cells of a class's newest chunk not yet put on its free list, [Next, End), and how
    /// many bytes of them the next refill carves.</summary>
    struct Uncarved
    {
        public nint Next, End;
        public int Batch;
    }

    static readonly Uncarved[] objUncarved = new Uncarved[ClassCount];
    static readonly Uncarved[] rawUncarved = new Uncarved[ClassCount];

    /// <summary>A class's first refill carves a page of cells, each later one twice as much, up to a whole
    /// chunk: a chunk's pages are touched (mapped by the kernel) only as its cells are needed, so a short
    /// script maps a few pages per size class, not 256 KiB; a class in steady use refills once a chunk,
    /// as when every chunk was carved whole.</summary>
    const int FirstBatch = 4096;

    /// <summary>Puts the next cells of class c on the free list whose head is `head`, from a fresh chunk
    /// recorded in `chunks` when the current one is used up; returns the new head. The sweeper walks
    /// only carved cells (<see cref="Sweep"/>): the uncarved rest of a chunk stays unmapped until needed.</summary>
    static nint Carve(int c, nint head, List<nint> chunks, ref Uncarved uncarved)
    {
        int cell = (c + 1) * Granule;
        if (uncarved.Next == uncarved.End)
        {
            // SAFETY: a fresh zeroed chunk, carved into free cells of one class.
            byte* chunk = (byte*)NativeMemory.AllocZeroed(ChunkBytes);
            chunks.Add((nint)chunk);
            uncarved.Next = (nint)chunk;
            uncarved.End = (nint)chunk + ChunkBytes / cell * cell;
        }
        int batch = Math.Max(uncarved.Batch, FirstBatch);
        uncarved.Batch = Math.Min(2 * batch, ChunkBytes);
        int n = (int)Math.Min(Math.Max(1, batch / cell), (uncarved.End - uncarved.Next) / cell);
        byte* first = (byte*)uncarved.Next;
        for (int i = n - 1; i >= 0; i--)
        {
            // SAFETY: an uncarved cell of the chunk, [first, first + n * cell) inside [Next, End).
            byte* p = first + (long)i * cell;
            *(nint*)(p + 8) = head;
            head = (nint)p;
        }
        uncarved.Next += (nint)n * cell;
        return head;
    }

    /// <summary>Frees a small object that its creator knows to be unreachable now (a `for` loop's own
    /// range iterator once exhausted: ObjectHeader.LoopOwnedBit), as the sweeper would, so that the next
    /// object of its class reuses the cell at once. It must own nothing (no companion, no buffer).</summary>
    public static void FreeSmallObject(ObjectHeader* h)
    {
        int c = h->SizeClass - 1;
        if (c < 0) return; // a large object: left to the sweeper
        long cell = (c + 1) * Granule;
        // SAFETY: h is a small, unreachable cell of class c owning nothing; it joins c's free list.
        h->Kind = ObjectKind.Free;
        h->GcBits = 0;
        *(nint*)((byte*)h + 8) = freeObj[c];
        freeObj[c] = (nint)h;
        State->HeapBytes -= cell;
        State->AllocatedSinceGc -= cell;
    }

    /// <summary>Whether a dead object owns anything besides its cell: a companion, or a list's items
    /// or an instance's slots outside its cell (those inside go with it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool NeedsFinalize(ObjectHeader* h)
    {
        // SAFETY: h is a dead object of the kind its header says.
        if (h->Handle != 0) return true;
        var buffer = h->Kind switch
        {
            ObjectKind.List => (byte*)((ListObject*)h)->Items,
            ObjectKind.Instance => (byte*)((InstanceObject*)h)->Slots,
            _ => null,
        };
        int inlineAt = h->Kind == ObjectKind.List ? Layout.ListSize : Layout.InstanceSize;
        return buffer != null && buffer != (byte*)h + inlineAt;
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
            nint uncarved = objUncarved[c].Next;
            foreach (nint chunkp in objChunks[c])
            {
                byte* chunk = (byte*)chunkp;
                // The newest chunk's cells from `uncarved` on were never handed out: walking them would
                // map pages nothing used (a page fault each); they stay uncarved for the next refill.
                bool newest = uncarved >= chunkp && uncarved < chunkp + ChunkBytes;
                int used = newest ? (int)((uncarved - chunkp) / cell) : n;
                for (int i = used - 1; i >= 0; i--)
                {
                    // SAFETY: walking cells of a chunk we own; every cell starts with a kind byte.
                    ObjectHeader* h = (ObjectHeader*)(chunk + (long)i * cell);
                    if (h->Kind != ObjectKind.Free)
                    {
                        if ((h->GcBits & ObjectHeader.MarkBit) != 0) { h->GcBits &= unchecked((byte)~ObjectHeader.MarkBit); continue; }
                        if (NeedsFinalize(h)) finalize(h);
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
