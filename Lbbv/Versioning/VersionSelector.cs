using Lbbv.Jit.Lowering;
using Lbbv.Types;

namespace Lbbv.Versioning;

/// <summary>What the selector decided for an incoming (block, context, proven iterators).</summary>
public readonly record struct Selection(BlockVersion? Existing, TypeContext NewContext, bool NewIsGeneric, ulong NewIterators = 0)
{
    public bool IsExisting => Existing is not null;
}

/// <summary>Higgs/YJIT version selection: exact match, then the best compatible version, then a
/// new version while the block is under the cap, else a fallback version: the join of the block's
/// versions and the incoming context the first time, the generic version after that. A version is
/// keyed on its context and on the native iterator kinds it assumes (<see cref="ProvenIterators"/>):
/// it is usable where its context is and every iterator it assumes is proven.</summary>
public static class VersionSelector
{
    /// <param name="loopVariable">At a `for` loop's header, its loop variable (CodeVersions.LoopVariable), -1
    /// elsewhere: a back edge that proves more iterators than a version whose context differs from its own
    /// only in that variable's type gets its own version, as one with the same context does.</param>
    public static Selection Select(IReadOnlyList<BlockVersion> versions, TypeContext incoming, int maxVersions,
        ulong iterators = 0, int loopVariable = -1)
    {
        for (int i = 0; i < versions.Count; i++)
            if (versions[i].Context == incoming && versions[i].Iterators == iterators && !Unusable(versions[i]))
                return new(versions[i], default, false);
        BlockVersion? best = null;
        var bestDiff = ContextDiff.Incompatible;
        foreach (var v in versions)
        {
            if (!ProvenIterators.Covers(iterators, v.Iterators) || Unusable(v)) continue;
            var diff = TypeContext.Diff(v.Context, incoming);
            if (diff.Kind == DiffKind.Exact && v.Iterators == iterators) return new(v, default, false);
            // Of two compatible versions with one context, the later: they exist only when a guard of the
            // first failed at its entry and chained to the second, which speculated on what the values then
            // were (btree's `for position, item in enumerate(...)`: the first guessed a range, then a list,
            // and the back edge, typed more precisely than both, went through the failing one every time).
            bool later = best is not null && v.Context == best.Context && v.Iterators == best.Iterators;
            if (diff.IsUsable && (best is null || diff < bestDiff || later)) { best = v; bestDiff = diff; }
        }
        if (maxVersions <= 1)
        {
            // Versioning disabled: every block has only its generic version.
            return best is not null && best.Context.IsGeneric ? new(best, default, false) : new(null, TypeContext.Generic, true);
        }
        // A loop header first compiled without its iterator proven (entered from the interpreter or
        // its GetIter) gets a second version for the back-edge, which proves it.
        bool provesMore = best is not null && best.Iterators != iterators && (best.Context == incoming
            || (loopVariable >= 0 && best.Context == incoming.With(loopVariable, best.Context.Get(loopVariable))));
        // Likewise a block first compiled without knowing a class (a loop header entered before its
        // object was checked) gets a version for the back edge that knows it, while two versions short
        // of the cap. Classes go before types: the last version under the cap is keyed on types only
        // (a class variant there would send the next context with other types to the fallback).
        bool classRoom = versions.Count < maxVersions - 1 && !OtherClassSeen(versions, incoming);
        bool knowsClasses = classRoom && best is not null && best.Context != incoming && best.Iterators == iterators
            && best.Context.WithoutClasses() == incoming.WithoutClasses();
        if (best is not null && !((provesMore || knowsClasses) && versions.Count < maxVersions))
            return new(best, default, false);
        if (versions.Count < maxVersions)
            return new(null, classRoom ? incoming : incoming.WithoutClasses(), false, iterators);
        // At the cap: first one fallback version for what the versions and the incoming context still
        // agree on (their join: Bound where they split Int and Integer, or a list local they all
        // have), so that it need not test what every caller knew; then the generic version.
        var joined = incoming;
        bool joinedBefore = false;
        foreach (var v in versions)
        {
            joinedBefore |= v.IsGeneric;
            joined = TypeContext.Join(joined, v.Context);
        }
        return new(null, joinedBefore ? TypeContext.Generic : joined, true);
    }

    /// <summary>A version that assumes the class version it was compiled under, which has changed since: its
    /// code checks nothing, so it must never be entered again (one that checks would fail and chain).</summary>
    private static bool Unusable(BlockVersion v) => v.AssumesClassVersion && v.IsStale;

    /// <summary>Whether a version of the block with the same types knows another class for a slot whose
    /// class <paramref name="incoming"/> knows: the slot is polymorphic here (a method called on
    /// instances of several subclasses), so versions per class would only fill the cap.</summary>
    private static bool OtherClassSeen(IReadOnlyList<BlockVersion> versions, TypeContext incoming)
    {
        if (!incoming.HasClasses) return false;
        var types = incoming.WithoutClasses();
        foreach (var v in versions)
        {
            if (!v.Context.HasClasses || v.Context.WithoutClasses() != types) continue;
            foreach (var (slot, id) in incoming.ClassEntries())
                if (v.Context.ClassOf(slot) is not 0 and var other && other != id) return true;
        }
        return false;
    }
}
