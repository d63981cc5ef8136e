namespace Lbbv.Support;

/// <summary>CPython 3.11's tuple hash (xxHash-based tuplehash).</summary>
public static class TupleHash
{
    private const ulong Prime1 = 11400714785074694791UL;
    private const ulong Prime2 = 14029467366897019727UL;
    private const ulong Prime5 = 2870177450012600261UL;

    /// <summary>hash(tuple) from the items' hashes (each already a CPython hash, never -1).</summary>
    public static long HashTuple(ReadOnlySpan<long> itemHashes)
    {
        ulong acc = Prime5;
        foreach (long h in itemHashes)
        {
            acc += (ulong)h * Prime2;
            acc = (acc << 31) | (acc >> 33);
            acc *= Prime1;
        }
        acc += (ulong)itemHashes.Length ^ (Prime5 ^ 3527539UL);
        if (acc == ulong.MaxValue) return 1546275796;
        return (long)acc;
    }
}
