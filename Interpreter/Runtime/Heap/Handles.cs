// The handle table: managed companions of native objects, indexed by ObjectHeader.Handle.
using System.Runtime.CompilerServices;

namespace Lbbv.Runtime;

public static class Handles
{
    public static object?[] Table = new object?[256]; // grows by doubling: a short script needs few

    /// <summary>What the collector learnt of each companion (<see cref="Gc"/>'s TraceState): set to
    /// "not asked" when the handle is given out, so that marking tests a companion's type once in
    /// its life instead of at every collection (the test reads the companion: a cache miss each).</summary>
    public static byte[] TraceStates = new byte[256];
    static int[] free = new int[64];
    static int freeCount;
    static int next = 1; // 0 means "no companion"

    public static int Count => next - 1 - freeCount;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Add(object companion)
    {
        int h;
        if (freeCount > 0) h = free[--freeCount];
        else
        {
            h = next++;
            if (h >= Table.Length)
            {
                Array.Resize(ref Table, Table.Length * 2);
                Array.Resize(ref TraceStates, Table.Length);
            }
        }
        Table[h] = companion;
        TraceStates[h] = 0;
        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Release(int h)
    {
        Table[h] = null;
        if (freeCount == free.Length) Array.Resize(ref free, free.Length * 2);
        free[freeCount++] = h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static object Get(int h) => Table[h]!;
}
