namespace Lbbv.Fuzz.Generation;

/// <summary>SplitMix64: a seeded generator whose sequence is fixed by this code alone, so a seed
/// names the same program on every machine and .NET version.</summary>
public sealed class Rng(ulong seed)
{
    ulong state = seed;

    public ulong NextUInt64()
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A generator of its own, seeded from this one's state without advancing it: draws
    /// from it leave every later draw of this one, and so every older program, as they were.</summary>
    public Rng Fork(ulong salt) => new(state ^ salt * 0xD1B54A32D192ED03UL);

    /// <summary>Uniform in [0, n).</summary>
    public int Below(int n) => n <= 1 ? 0 : (int)(NextUInt64() % (ulong)n);

    /// <summary>Uniform in [lo, hi].</summary>
    public int Between(int lo, int hi) => lo + Below(hi - lo + 1);

    public bool Percent(int p) => Below(100) < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Below(items.Count)];

    /// <summary>Index i with probability weights[i] / sum(weights).</summary>
    public int Weighted(ReadOnlySpan<int> weights)
    {
        int total = 0;
        foreach (int w in weights) total += w;
        int r = Below(total);
        for (int i = 0; i < weights.Length; i++)
        {
            if (r < weights[i]) return i;
            r -= weights[i];
        }
        return weights.Length - 1;
    }
}
