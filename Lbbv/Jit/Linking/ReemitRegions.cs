using Lbbv.Backend;
using Lbbv.Backend.Linking;

namespace Lbbv.Jit.Linking;

/// <summary>
/// Which current units one re-emission copies together. Two units that jump to each other (a loop
/// whose other side, or whose chain after a failed guard, was compiled later into its own unit)
/// must be one copy: a copy of only one of them would jump back into the other's old copy. So the
/// region of a unit is its group (the frontend's: LBBV's units of one code object) and its strongly
/// connected component in the graph of current units, with an edge for every direct jump and every
/// linked jump site between them (calls are not edges: a callee returns by `ret`), cut at
/// <see cref="LinkOptions.MaxRegionBytes"/>. A function's hot code is then one copy whose jumps
/// between its versions are all direct, and a later hot link in it copies it once more.
/// </summary>
internal sealed class ReemitRegions(JitBackend backend, LinkOptions options)
{
    private readonly Dictionary<UnitRecipe, (nint Target, bool IsCall)[]> _targets = [];
    private CodeMap Map => backend.Recipes!;

    /// <summary>The region of current unit <paramref name="unit"/>, in publication order.</summary>
    public List<UnitRecipe> RegionOf(UnitRecipe unit)
    {
        var successors = new Dictionary<UnitRecipe, List<UnitRecipe>>();
        var predecessors = new Dictionary<UnitRecipe, List<UnitRecipe>>();
        var current = Map.Current.ToList();
        foreach (var from in current)
            foreach (var to in JumpSuccessors(from))
            {
                Add(successors, from, to);
                Add(predecessors, to, from);
            }
        var forward = Reachable(unit, successors);
        var backward = Reachable(unit, predecessors);
        var members = forward.Where(backward.Contains)
            .Concat(unit.Group == 0 ? [] : current.Where(r => r.Group == unit.Group));
        var region = new List<UnitRecipe> { unit };
        long bytes = unit.Code.Size;
        foreach (var r in members.Distinct().Where(r => r != unit).OrderBy(r => r.Code.Start))
        {
            if (bytes + r.Code.Size > options.MaxRegionBytes) continue;
            region.Add(r);
            bytes += r.Code.Size;
        }
        region.Sort((a, b) => a.Code.Start.CompareTo(b.Code.Start));
        return region;
    }

    /// <summary>Current units with a direct jump or call into one of <paramref name="stale"/> (replaced
    /// copies): what leads a frame into old code.</summary>
    public List<UnitRecipe> ReferrersOf(IReadOnlySet<UnitRecipe> stale) =>
        [.. Map.Current.Where(r => TargetsOf(r).Any(t => Map.Containing(t.Target) is { } u && stale.Contains(u)))];

    private IEnumerable<UnitRecipe> JumpSuccessors(UnitRecipe from)
    {
        foreach (var (target, isCall) in TargetsOf(from))
            if (!isCall && CurrentUnitAt(target) is { } to && to != from) yield return to;
        foreach (var site in from.Sites)
        {
            if (site.Kind == LinkSiteKind.Call) continue;
            nint target = backend.LinkedTarget(site.Slot);
            if (target != 0 && CurrentUnitAt(target) is { } to && to != from) yield return to;
        }
    }

    private UnitRecipe? CurrentUnitAt(nint address) =>
        Map.Containing(Map.CurrentAddress(address)) is { IsCurrent: true } u ? u : null;

    private (nint Target, bool IsCall)[] TargetsOf(UnitRecipe recipe)
    {
        if (!_targets.TryGetValue(recipe, out var targets))
            _targets[recipe] = targets = [.. recipe.DirectTargets(backend.Stencils.Link.CallDirect)];
        return targets;
    }

    private static void Add(Dictionary<UnitRecipe, List<UnitRecipe>> edges, UnitRecipe from, UnitRecipe to)
    {
        if (!edges.TryGetValue(from, out var list)) edges[from] = list = [];
        list.Add(to);
    }

    private static HashSet<UnitRecipe> Reachable(UnitRecipe start, Dictionary<UnitRecipe, List<UnitRecipe>> edges)
    {
        var seen = new HashSet<UnitRecipe> { start };
        var work = new Stack<UnitRecipe>([start]);
        while (work.TryPop(out var r))
            foreach (var next in edges.GetValueOrDefault(r) ?? [])
                if (seen.Add(next)) work.Push(next);
        return seen;
    }
}
