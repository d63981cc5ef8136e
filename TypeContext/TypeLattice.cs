namespace Lbbv.Types;

/// <summary>
/// Order and joins of the <see cref="AbstractType"/> tree. Because the lattice is a tree, the
/// join of two types is their lowest common ancestor and two types either are ordered or share
/// no value at all (so a meet is one of them or nothing). Everything is table driven.
/// </summary>
public static class TypeLattice
{
    /// <summary>Number of lattice elements; equals the 16 values of a nibble.</summary>
    public const int Count = 16;

    private static readonly AbstractType[] Parents = BuildParents();
    // Bit u of AncestorMasks[t] is set when t is a subtype of u (t included).
    private static readonly ushort[] AncestorMasks = BuildAncestorMasks();
    private static readonly byte[] Depths = BuildDepths();
    private static readonly AbstractType[] Joins = BuildJoins();

    /// <summary>The immediate supertype; Unknown for Unknown itself.</summary>
    public static AbstractType Parent(this AbstractType type) => Parents[Index(type)];

    /// <summary>Distance from Unknown (0) down to the type: a measure of precision used by Diff.</summary>
    public static int Depth(this AbstractType type) => Depths[Index(type)];

    /// <summary>True when every value of <paramref name="type"/> is a value of <paramref name="super"/>.</summary>
    public static bool IsSubtypeOf(this AbstractType type, AbstractType super) =>
        (AncestorMasks[Index(type)] & (1 << Index(super))) != 0;

    /// <summary>Least upper bound: the most precise type containing both.</summary>
    public static AbstractType Join(this AbstractType a, AbstractType b) => Joins[Index(a) * Count + Index(b)];

    /// <summary>Greatest lower bound. False when the types share no value (a guard for
    /// <paramref name="b"/> on a slot known to be <paramref name="a"/> can never pass).</summary>
    public static bool TryMeet(this AbstractType a, AbstractType b, out AbstractType meet)
    {
        if (a.IsSubtypeOf(b)) { meet = a; return true; }
        if (b.IsSubtypeOf(a)) { meet = b; return true; }
        meet = AbstractType.Unknown;
        return false;
    }

    /// <summary>All lattice elements in encoding order.</summary>
    public static ReadOnlySpan<AbstractType> All => AllTypes;

    private static readonly AbstractType[] AllTypes = Enumerable.Range(0, Count).Select(i => (AbstractType)i).ToArray();

    private static int Index(AbstractType type) => (int)type & 0xF;

    private static AbstractType[] BuildParents()
    {
        var parents = new AbstractType[Count];
        foreach (var t in Enum.GetValues<AbstractType>())
        {
            parents[(int)t] = t switch
            {
                AbstractType.Unknown => AbstractType.Unknown,
                AbstractType.Empty or AbstractType.Bound => AbstractType.Unknown,
                AbstractType.None or AbstractType.Integer or AbstractType.Heap => AbstractType.Bound,
                AbstractType.Float or AbstractType.Bool => AbstractType.Bound,
                AbstractType.Int => AbstractType.Integer,
                _ => AbstractType.Heap, // Str, List, Tuple, Dict, Instance, Function, Iterator
            };
        }
        return parents;
    }

    private static ushort[] BuildAncestorMasks()
    {
        var masks = new ushort[Count];
        for (int t = 0; t < Count; t++)
        {
            int mask = 1 << t;
            for (var p = (AbstractType)t; p != AbstractType.Unknown;)
            {
                p = Parents[(int)p];
                mask |= 1 << (int)p;
            }
            masks[t] = (ushort)mask;
        }
        return masks;
    }

    private static byte[] BuildDepths()
    {
        var depths = new byte[Count];
        for (int t = 0; t < Count; t++)
            depths[t] = (byte)(System.Numerics.BitOperations.PopCount(AncestorMasks[t]) - 1);
        return depths;
    }

    private static AbstractType[] BuildJoins()
    {
        var joins = new AbstractType[Count * Count];
        for (int a = 0; a < Count; a++)
            for (int b = 0; b < Count; b++)
            {
                // Common ancestors form a chain from Unknown; the join is the deepest of them.
                int common = AncestorMasks[a] & AncestorMasks[b];
                int best = 0;
                for (int u = 0; u < Count; u++)
                    if ((common & (1 << u)) != 0 && Depths[u] > Depths[best]) best = u;
                joins[a * Count + b] = (AbstractType)best;
            }
        return joins;
    }
}
