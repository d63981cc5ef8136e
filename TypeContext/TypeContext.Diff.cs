namespace Lbbv.Types;

public readonly partial struct TypeContext
{
    /// <summary>
    /// How well an existing block <paramref name="version"/> fits code arriving with
    /// <paramref name="incoming"/>. Incompatible if any slot's incoming type is not a subtype of the
    /// version's; otherwise the cost sums, over slots, the lattice depth the version gives up
    /// (Depth(incoming) - Depth(version)): a version that widens Int to Integer costs 1, to Bound 2,
    /// to Unknown 3, so the closest usable version ranks first. A version that assumes a slot's class
    /// needs the incoming code to know the same class; one it does not assume costs 1.
    /// </summary>
    public static ContextDiff Diff(TypeContext version, TypeContext incoming)
    {
        if (version == incoming) return ContextDiff.Exact;
        int cost = ClassCost(version, incoming);
        if (cost < 0) return ContextDiff.Incompatible;
        for (int slot = 0; slot < Capacity; slot++)
        {
            var assumed = version.Get(slot);
            var known = incoming.Get(slot);
            if (assumed == known) continue;
            if (!known.IsSubtypeOf(assumed)) return ContextDiff.Incompatible;
            cost += known.Depth() - assumed.Depth();
        }
        return ContextDiff.Compatible(cost);
    }
}
