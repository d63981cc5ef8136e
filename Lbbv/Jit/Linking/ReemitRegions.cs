using Lbbv.Backend;
using Lbbv.Backend.Linking;

namespace Lbbv.Jit.Linking;

/// <summary>
/// Which current units one re-emission copies together. Two units that jump to each other (a loop
/// whose other side, or whose chain after a failed guard, was compiled later into its own unit)
/// must be one copy: a copy of only one of them would jump back into the other's old copy. So the
/// region of a unit is its group (the frontend's: LBBV's units of one code object, a trace tree) and
/// its strongly connected component in the graph of current units, with an edge for every direct
/// jump and every linked jump site between them (calls are not edges: a callee returns by `ret`),
/// cut at <see cref="LinkOptions.MaxRegionBytes"/>. A function's hot code is then one copy whose
/// jumps between its versions are all direct, and a later hot link in it copies it once more.
/// A unit that can never be emitted again (<see cref="Reemittable"/>: at the generation limit, or
/// not ending in a transfer) is left out like a unit beyond the byte cut: it is neither planned nor
/// searched through, so a batch's cost does not grow with the final units a long run piles up
/// (fuzz seed 54663: a function whose traces are discarded at every call).
/// Every question is answered from indexes (groups, and who jumps or calls directly into a unit), so
/// its cost follows the units it visits, not every unit published.
/// </summary>
internal sealed class ReemitRegions(JitBackend backend, LinkOptions options)
{
    private readonly Dictionary<int, List<UnitRecipe>> _groups = [];
    /// <summary>For each unit, the units with a direct jump or call to an address in it.</summary>
    private readonly Dictionary<UnitRecipe, List<UnitRecipe>> _referrers = [];
    private int _indexed;
    private CodeMap Map => backend.Recipes!;

    /// <summary>The region of current unit <paramref name="unit"/>, in publication order.</summary>
    public List<UnitRecipe> RegionOf(UnitRecipe unit)
    {
        IndexNewUnits();
        // The component is what the unit reaches and what reaches it back; every path back to the
        // unit from a unit it reaches runs through units it reaches, so the backward search can stay
        // within the forward set's edges.
        var successors = new Dictionary<UnitRecipe, List<UnitRecipe>>();
        var forward = new HashSet<UnitRecipe> { unit };
        var work = new Stack<UnitRecipe>([unit]);
        while (work.TryPop(out var from))
        {
            var next = successors[from] = [.. JumpSuccessors(from).Where(Reemittable).Distinct()];
            foreach (var to in next)
                if (forward.Add(to)) work.Push(to);
        }
        var predecessors = new Dictionary<UnitRecipe, List<UnitRecipe>>();
        foreach (var (from, tos) in successors)
            foreach (var to in tos)
            {
                if (!predecessors.TryGetValue(to, out var list)) predecessors[to] = list = [];
                list.Add(from);
            }
        var component = new HashSet<UnitRecipe> { unit };
        work.Push(unit);
        while (work.TryPop(out var to))
            foreach (var from in predecessors.GetValueOrDefault(to) ?? [])
                if (component.Add(from)) work.Push(from);

        var members = component.Concat(unit.Group == 0 ? [] : CurrentOfGroup(unit.Group).Where(Reemittable));
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

    /// <summary>
    /// What one batch of hot links emits again: the regions of <paramref name="seeds"/>, and the
    /// current units whose direct jumps or calls lead into what the batch replaces (callers, and
    /// their callers), while the batch stays within <paramref name="cascadeBytes"/>.
    /// </summary>
    public HashSet<UnitRecipe> Plan(IEnumerable<UnitRecipe> seeds, long cascadeBytes)
    {
        var plan = new HashSet<UnitRecipe>();
        var work = new Queue<UnitRecipe>(seeds);
        int firstReferrer = work.Count;
        long bytes = 0;
        for (int n = 0; work.TryDequeue(out var unit); n++)
        {
            if (!unit.IsCurrent || !Reemittable(unit) || plan.Contains(unit)
                || (n >= firstReferrer && bytes >= cascadeBytes)) continue;
            var region = RegionOf(unit);
            foreach (var r in region)
                if (plan.Add(r)) bytes += r.Code.Size;
            foreach (var referrer in ReferrersOf(region.ToHashSet())) work.Enqueue(referrer);
        }
        return plan;
    }

    /// <summary>
    /// The region of the planned unit to emit next: the first, in publication order, that jumps or
    /// calls into no planned unit of another group, so that a caller's copy is emitted after its
    /// callees' and leads into their new copies; in a cycle, the first. Null when nothing is left.
    /// </summary>
    public List<UnitRecipe>? NextRegion(HashSet<UnitRecipe> plan)
    {
        if (plan.Count == 0) return null;
        var ordered = plan.OrderBy(r => r.Code.Start).ToList();
        var ready = ordered.FirstOrDefault(u => !TargetUnits(u).Any(t => plan.Contains(t) && !SameGroup(t, u)));
        return RegionOf(ready ?? ordered[0]);
    }

    /// <summary>Whether <paramref name="unit"/> may be emitted again: below the generation limit, and
    /// ending in a jump, an exit or a return (units are concatenated into one copy).</summary>
    public bool Reemittable(UnitRecipe unit)
    {
        if (unit.Generation >= options.MaxGenerations) return false;
        var last = unit.LastStencil;
        var s = backend.Stencils;
        return last == s.Control.Jump || last == s.Control.JumpThroughSlot || last == s.Control.Exit
            || last == s.Control.ReturnStatus;
    }

    private static bool SameGroup(UnitRecipe a, UnitRecipe b) => a == b || (a.Group != 0 && a.Group == b.Group);

    /// <summary>The current units a copy of <paramref name="from"/> would jump or call into directly:
    /// its direct targets and the targets of its linked sites.</summary>
    private IEnumerable<UnitRecipe> TargetUnits(UnitRecipe from)
    {
        foreach (var (target, _) in TargetsOf(from))
            if (CurrentUnitAt(target) is { } to) yield return to;
        foreach (var site in from.Sites)
        {
            nint target = backend.LinkedTarget(site.Slot);
            if (target != 0 && CurrentUnitAt(target) is { } to) yield return to;
        }
    }

    /// <summary>Current units with a direct jump or call into one of <paramref name="stale"/> (replaced
    /// copies): what leads a frame into old code.</summary>
    public List<UnitRecipe> ReferrersOf(IReadOnlySet<UnitRecipe> stale)
    {
        IndexNewUnits();
        var found = new HashSet<UnitRecipe>();
        foreach (var unit in stale)
            foreach (var referrer in _referrers.GetValueOrDefault(unit) ?? [])
                if (referrer.IsCurrent) found.Add(referrer);
        return [.. found.OrderBy(r => r.Code.Start)];
    }

    /// <summary>The current units of a group; replaced copies are dropped from its list as they are met.</summary>
    private List<UnitRecipe> CurrentOfGroup(int group)
    {
        if (!_groups.TryGetValue(group, out var units)) return [];
        units.RemoveAll(r => !r.IsCurrent);
        return units;
    }

    /// <summary>Indexes the units published since the last question. A unit's direct targets are
    /// fixed when it is published (its operands), and so is the unit each one is in.</summary>
    private void IndexNewUnits()
    {
        var all = Map.All;
        for (; _indexed < all.Count; _indexed++)
        {
            var unit = all[_indexed];
            if (unit.Group != 0)
            {
                if (!_groups.TryGetValue(unit.Group, out var members)) _groups[unit.Group] = members = [];
                members.Add(unit);
            }
            foreach (var (target, _) in TargetsOf(unit))
                if (Map.Containing(target) is { } into)
                {
                    if (!_referrers.TryGetValue(into, out var list)) _referrers[into] = list = [];
                    if (list.Count == 0 || list[^1] != unit) list.Add(unit);
                }
        }
    }

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

    private IReadOnlyList<(nint Target, bool IsCall)> TargetsOf(UnitRecipe recipe) =>
        recipe.DirectTargets(backend.Stencils.Link.CallDirect);
}
