// How the JIT links its indirect slots, in each --link mode; both frontends link through it.
using System.Diagnostics;
using Lbbv.Backend;
using Lbbv.Backend.Emission;
using Lbbv.Backend.Linking;

namespace Lbbv.Jit.Linking;

/// <summary>
/// Links a slot once the frontend has compiled its target (<see cref="Resolve"/>), and in
/// <c>--link reemit</c> mode turns hot links into direct jumps by emitting their units again
/// (<see cref="TryHot"/>, reached when a count-down stub reaches zero). docs/LINKING.md has the
/// policy and why it is safe.
/// </summary>
public sealed unsafe class Linker
{
    private readonly JitBackend _backend;
    private readonly ILinkingFrontend _frontend;
    private readonly ReemitRegions? _regions;
    private readonly Dictionary<nint, IndirectSlot> _linked = [];
    private readonly Dictionary<nint, int> _hotTurns = [];
    private readonly HashSet<nint> _counting = [];
    private readonly Dictionary<nint, IndirectSlot> _parked = [];
    private readonly HotLinkBatch? _batch;
    private readonly SlotTargets? _targets;

    public Linker(JitBackend backend, LinkOptions options, ILinkingFrontend frontend)
    {
        if (backend.LinkMode != options.Mode)
            throw new ArgumentException("the backend was made for another link mode", nameof(options));
        _backend = backend;
        Options = options;
        _frontend = frontend;
        if (options.Mode == LinkMode.Reemit)
        {
            _regions = new ReemitRegions(backend, options);
            _batch = new HotLinkBatch(backend, options);
            _targets = new SlotTargets(backend.Recipes!);
            if (options.ReclaimAfterBytes > 0) backend.AtSafePoint = CollectIfDue;
        }
    }

    private long _supersededAtCollection;

    /// <summary>Reemit, when no machine code runs: once enough code was superseded since the last
    /// time, retires the replaced copies nothing can reach any more (docs/LINKING.md). Enough is
    /// <c>--reclaim-after</c> bytes, and at least one byte per item the last collection examined: a
    /// collection's work follows the whole program's code, so pacing it by the garbage re-emission
    /// makes keeps its cost a fixed share of the re-emission work (fuzz seed 54663 collected after
    /// each of ~3,000 batches, over ~80 K units and slots each time, at `--reclaim-after 1`).</summary>
    private void CollectIfDue(nint entering)
    {
        long superseded = _backend.Counters.BytesSuperseded;
        long due = Math.Max(Options.ReclaimAfterBytes, _backend.LastCollectionWork);
        if (superseded - _supersededAtCollection < due) return;
        _supersededAtCollection = superseded;
        LinkTime.Start();
        try
        {
            _backend.CollectDeadCopies(_frontend.HeldCodeAddresses().Append(entering));
        }
        finally { LinkTime.Stop(); }
    }

    internal static readonly bool Trace = Environment.GetEnvironmentVariable("LBBV_TRACE") == "1";

    public LinkOptions Options { get; }
    public LinkMode Mode => Options.Mode;
    /// <summary>Time spent linking: slot writes, patches, re-emissions and what they move.</summary>
    public Stopwatch LinkTime { get; } = new();
    /// <summary>Reemit: links that turned hot (a count-down stub reached zero).</summary>
    public long HotLinks { get; private set; }
    /// <summary>Reemit: hot links whose uses came from replaced copies (stale direct jumps).</summary>
    public long StaleHotLinks { get; private set; }
    /// <summary>Reemit: batches of hot links emitted again (at a safe point, or when one waited too long).</summary>
    public long Batches { get; private set; }

    /// <summary>Links <paramref name="slot"/>, whose stub was just entered for the first time, to the
    /// code compiled for it. Reemit mode counts the link's uses first.</summary>
    public void Resolve(IndirectSlot slot, nint target)
    {
        LinkTime.Start();
        try
        {
            _parked.Remove(slot.Address);
            _linked[slot.Address] = slot;
            if (Mode != LinkMode.Reemit || !LinkCounting(slot, target, Options.HotUses)) LinkDirectly(slot, target);
        }
        finally { LinkTime.Stop(); }
    }

    /// <summary>
    /// Points <paramref name="slot"/> at <paramref name="target"/> without linking it
    /// (<see cref="JitBackend.Park"/>): its sites stay indirect in every mode. For a slot that leads
    /// elsewhere later: a side exit's slot leads to the exit's own stub until a bridge is linked.
    /// A parked slot follows its target into a re-emitted copy.
    /// </summary>
    public void Park(IndirectSlot slot, nint target)
    {
        Forget(slot);
        _parked[slot.Address] = slot;
        _backend.Park(slot, target);
        _targets?.Note(slot.Address, target);
    }

    /// <summary>Links a slot whose target may be replaced later (a loop's entry, whose trace can be
    /// discarded and recorded again): linked in the patch mode, whose sites can be restored, parked
    /// in the reemit mode, where a direct jump in a copy could never be taken back.</summary>
    public void ResolveReplaceable(IndirectSlot slot, nint target)
    {
        if (Mode == LinkMode.Reemit) Park(slot, target);
        else Resolve(slot, target);
    }

    /// <summary>Points <paramref name="slot"/> back at its own stub (a discarded trace's entry). In
    /// reemit mode a copy emitted while the slot was linked keeps its direct jump to the old target,
    /// which stays valid code: the frontend decides whether that is sound (docs/LINKING.md).</summary>
    public void Unlink(IndirectSlot slot)
    {
        LinkTime.Start();
        try
        {
            Forget(slot);
            _backend.Unlink(slot);
        }
        finally { LinkTime.Stop(); }
    }

    private void Forget(IndirectSlot slot)
    {
        _linked.Remove(slot.Address);
        _counting.Remove(slot.Address);
        _parked.Remove(slot.Address);
        _batch?.Remove(slot.Address);
    }

    /// <summary>
    /// Reemit mode: the stub of a linked slot was entered again, so its count-down reached zero. The
    /// first time, the link is hot: it joins the batch of hot links, which waits until the program
    /// is quiet (<see cref="HotLinkBatch"/>). When the batch's shared count runs out, the batch is
    /// emitted again, unless the program compiled code since the count was set: then it waits again.
    /// Emitting moves the return addresses of the activations around the stub into the new copies.
    /// Returns where the frame goes on: the slot's target, in its newest copy. False for a first use.
    /// </summary>
    public bool TryHot(nint slotAddress, ulong* exitRecord, out nint continuation)
    {
        continuation = 0;
        if (Mode != LinkMode.Reemit || !_counting.Remove(slotAddress)) return false;
        var slot = _linked[slotAddress];
        LinkTime.Start();
        try
        {
            bool waits = _batch!.Contains(slotAddress)
                ? _batch.StillWarmingUp() && _counting.Add(slotAddress)
                : Join(slot);
            if (!waits)
            {
                EmitBatch();
                _backend.RedirectReturnAddresses((nint)exitRecord);
            }
            continuation = _backend.Recipes!.CurrentAddress(_backend.LinkedTarget(slot));
            return true;
        }
        finally { LinkTime.Stop(); }
    }

    /// <summary>A link turned hot: it joins the batch (<see cref="HotLinkBatch"/>); false when the
    /// batch is to be emitted now.</summary>
    private bool Join(IndirectSlot slot)
    {
        HotLinks++;
        _hotTurns[slot.Address] = _hotTurns.GetValueOrDefault(slot.Address) + 1;
        if (Trace)
            Console.Error.WriteLine($"[link] hot {_backend.Symbols.Resolve(slot.Address)} "
                + $"turn {_hotTurns[slot.Address]}: sites in "
                + string.Join(", ", _backend.Recipes!.SitesOf(slot.Address).Select(s => Describe(s.Recipe)))
                + " (replaced copies in parentheses)");
        if (!_batch!.TryJoin(slot, _backend.LinkedTarget(slot))) return false;
        _counting.Add(slot.Address);
        return true;
    }

    /// <summary>
    /// Emits the batch of hot links again (docs/LINKING.md, "When"): the regions of the current units
    /// that jump through their slots (or, for a link used only from replaced copies, of the units
    /// whose stale direct jumps lead there) and the units whose direct jumps lead into them, each
    /// unit once, callees before their callers; then every slot of the batch counts again or, after
    /// <see cref="LinkOptions.MaxHotTurns"/>, is linked directly.
    /// </summary>
    private void EmitBatch()
    {
        var map = _backend.Recipes!;
        var seeds = new List<UnitRecipe>();
        var slots = _batch!.Take().Where(_linked.ContainsKey).Select(a => _linked[a]).ToList();
        foreach (var slot in slots)
        {
            var sites = map.SitesOf(slot.Address);
            var current = sites.Select(s => s.Recipe).Where(r => r.IsCurrent).Distinct().ToList();
            if (current.Count > 0) seeds.AddRange(current);
            else
            {
                StaleHotLinks++;
                seeds.AddRange(_regions!.ReferrersOf(sites.Select(s => s.Recipe).ToHashSet()));
            }
        }
        if (slots.Count > 0) Batches++;
        Reemit(seeds, (long)Options.MaxCascadeBytes * slots.Count);
        foreach (var slot in slots)
        {
            _counting.Remove(slot.Address);
            nint target = map.CurrentAddress(_backend.LinkedTarget(slot));
            // Only old copies jump through the slot now: count again, to find their stale referrers.
            if (_hotTurns[slot.Address] >= Options.MaxHotTurns || !LinkCounting(slot, target, Options.HotUses))
                LinkDirectly(slot, target);
        }
    }

    private static string Describe(UnitRecipe unit) => unit.IsCurrent ? unit.Code.Name : $"({unit.Code.Name})";

    private void LinkDirectly(IndirectSlot slot, nint target)
    {
        _backend.Link(slot, target);
        _targets?.Note(slot.Address, target);
    }

    private bool LinkCounting(IndirectSlot slot, nint target, long uses)
    {
        if (_backend.Recipes!.SitesOf(slot.Address).Count == 0) return false; // not a frontend unit's slot
        if (!_backend.TryLinkCounting(slot, target, uses)) return false;
        _targets?.Note(slot.Address, target);
        _counting.Add(slot.Address);
        return true;
    }

    /// <summary>
    /// Emits the regions of <paramref name="seeds"/> again, and the current units whose direct jumps
    /// or calls lead into the copies they replace (callers, and the callers' callers, while
    /// <paramref name="cascadeBytes"/> last), so that code that runs again goes to the new copies.
    /// Each unit is emitted once, a region after the regions it jumps or calls into
    /// (<see cref="ReemitRegions.Plan"/>); then every slot is pointed at the new copies and the
    /// frontend is told.
    /// </summary>
    private void Reemit(List<UnitRecipe> seeds, long cascadeBytes)
    {
        var plan = _regions!.Plan(seeds, cascadeBytes);
        var done = new List<Reemission>();
        var copies = new HashSet<UnitRecipe>();
        while (_regions.NextRegion(plan) is { } region)
        {
            plan.ExceptWith(region);
            if (!_backend.TryReemit(region, out var reemission)) break;
            if (Trace)
                Console.Error.WriteLine($"[link] re-emitted {string.Join(" + ", region.Select(r => r.Code.Name))} "
                    + $"as {reemission!.Copy.Code.Name}");
            done.Add(reemission!);
            copies.Add(reemission!.Copy);
            cascadeBytes -= reemission.Copy.Code.Size;
            // Units the region brought in (its group's) have referrers of their own; copies made in
            // this batch are not emitted twice (a call cycle would never end): their stale jumps lead
            // to valid code whose slots count again (Relink).
            if (cascadeBytes > 0)
                foreach (var referrer in _regions.ReferrersOf(reemission.Replaced.ToHashSet()))
                    if (!copies.Contains(referrer) && _regions.Reemittable(referrer)) plan.Add(referrer);
            plan.RemoveWhere(r => !r.IsCurrent);
        }
        if (done.Count > 0) Relink(done);
    }

    /// <summary>Points every slot that led into the replaced copies at the new one (<see cref="SlotTargets"/>
    /// knows which), and counts again
    /// the uses of the replaced copies' linked slots: they stay reachable through stale jumps from
    /// code that was not emitted again, and a hot stale path is then found (TryHot).</summary>
    private void Relink(List<Reemission> reemissions)
    {
        var map = _backend.Recipes!;
        var replaced = reemissions.SelectMany(r => r.Replaced).ToList();
        foreach (nint address in replaced.SelectMany(_targets!.Take).ToHashSet())
        {
            if (_linked.TryGetValue(address, out var slot))
            {
                nint target = _backend.LinkedTarget(slot), now = map.CurrentAddress(target);
                if (now == target) continue;
                if (!_counting.Contains(address) || !LinkCounting(slot, now, Options.HotUses)) LinkDirectly(slot, now);
            }
            else if (_parked.TryGetValue(address, out slot))
            {
                nint target = _backend.ParkedTarget(slot), now = map.CurrentAddress(target);
                if (now != target) Park(slot, now);
            }
        }
        foreach (var site in replaced.SelectMany(r => r.Sites))
        {
            if (!_linked.TryGetValue(site.Slot, out var slot) || _counting.Contains(site.Slot)) continue;
            if (_hotTurns.GetValueOrDefault(site.Slot) >= Options.MaxHotTurns) continue;
            LinkCounting(slot, map.CurrentAddress(_backend.LinkedTarget(slot)), Options.HotUses);
        }
        foreach (var reemission in reemissions) _frontend.CodeMoved(reemission.Moves, reemission.Copy.Code.Name);
    }
}
