// Generators' frames come from free lists by size: a generator expression or a coroutine per item
// called malloc and free for its frame (with the C heap growing and trimming its arena, page faults
// and mprotect calls), where a frame just released fits the next one.
using System.Runtime.InteropServices;

namespace Lbbv.Runtime;

public static unsafe class GeneratorFrames
{
    const int Granule = 64;
    const int Classes = 32;          // frames up to 2 KiB are kept; bigger ones go back to the C heap
    const int KeptPerClass = 256;

    // The free frames of each size class, linked through their first word.
    static readonly nint[] heads = new nint[Classes];
    static readonly int[] counts = new int[Classes];

    public static Frame* Rent(int size)
    {
        int c = ClassOf(size);
        if (c < Classes && heads[c] != 0)
        {
            nint f = heads[c];
            // SAFETY: a free frame of this class; its first word links the next one.
            heads[c] = *(nint*)f;
            counts[c]--;
            return (Frame*)f;
        }
        return (Frame*)NativeMemory.Alloc((nuint)(c < Classes ? (c + 1) * Granule : size));
    }

    /// <summary>Takes back a frame of <paramref name="size"/> bytes that nothing refers to any more.</summary>
    public static void Return(Frame* f, int size)
    {
        int c = ClassOf(size);
        if (c >= Classes || counts[c] == KeptPerClass)
        {
            NativeMemory.Free(f);
            return;
        }
        // SAFETY: the frame is dead (its generator finished or was swept); its first word is free.
        *(nint*)f = heads[c];
        heads[c] = (nint)f;
        counts[c]++;
    }

    static int ClassOf(int size) => (size - 1) / Granule;
}
