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
            if (options.ReclaimAfterBytes > 0) backend.AtSafePoint = CollectIfDue;
        }
    }

    private long _supersededAtCollection;

    /// <summary>Reemit, when no machine code runs: once enough code was superseded since the last
    /// time, retires the replaced copies nothing can reach any more (docs/LINKING.md).</summary>
    private void CollectIfDue(nint entering)
    {
        long superseded = _backend.Counters.BytesSuperseded;
        if (superseded - _supersededAtCollection < Options.ReclaimAfterBytes) return;
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

    /// <summary>Links <paramref name="slot"/>, whose stub was just entered for the first time, to the
    /// code compiled for it. Reemit mode counts the link's uses first.</summary>
    public void Resolve(IndirectSlot slot, nint target)
    {
        LinkTime.Start();
        try
        {
            _parked.Remove(slot.Address);
            _linked[slot.Address] = slot;
            if (Mode != LinkMode.Reemit || !LinkCounting(slot, target)) _backend.Link(slot, target);
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
    }

    /// <summary>
    /// Reemit mode: the stub of a linked slot was entered again, so its count-down reached zero and
    /// the link is hot. Emits the units that jump through it again with a direct jump (or, when
    /// only replaced copies jump through it, the units whose stale direct jumps lead there), moves
    /// the return addresses of the activations around the stub into the new copies and returns
    /// where the frame goes on: the slot's target, in its newest copy. False for a first use.
    /// </summary>
    public bool TryHot(nint slotAddress, ulong* exitRecord, out nint continuation)
    {
        continuation = 0;
        if (Mode != LinkMode.Reemit || !_counting.Contains(slotAddress)) return false;
        var slot = _linked[slotAddress];
        LinkTime.Start();
        try
        {
            HotLinks++;
            int turns = _hotTurns[slotAddress] = _hotTurns.GetValueOrDefault(slotAddress) + 1;
            _counting.Remove(slotAddress);
            var map = _backend.Recipes!;
            var sites = map.SitesOf(slotAddress);
            var current = sites.Select(s => s.Recipe).Where(r => r.IsCurrent).Distinct().ToList();
            if (Trace)
                Console.Error.WriteLine($"[link] hot {_backend.Symbols.Resolve(slotAddress)} turn {turns}: sites in "
                    + string.Join(", ", sites.Select(s => Describe(s.Recipe)))
                    + " (replaced copies in parentheses)");
            if (current.Count > 0)
            {
                foreach (var unit in current)
                    if (unit.IsCurrent) Reemit(_regions!.RegionOf(unit));
            }
            else
            {
                StaleHotLinks++;
                var stale = sites.Select(s => s.Recipe).ToHashSet();
                foreach (var unit in _regions!.ReferrersOf(stale))
                    if (unit.IsCurrent) Reemit(_regions.RegionOf(unit));
            }
            nint target = map.CurrentAddress(_backend.LinkedTarget(slot));
            // Only old copies jump through the slot now: count again, to find their stale referrers.
            if (turns >= Options.MaxHotTurns || !LinkCounting(slot, target)) _backend.Link(slot, target);
            _backend.RedirectReturnAddresses((nint)exitRecord);
            continuation = target;
            return true;
        }
        finally { LinkTime.Stop(); }
    }

    private static string Describe(UnitRecipe unit) => unit.IsCurrent ? unit.Code.Name : $"({unit.Code.Name})";

    private bool LinkCounting(IndirectSlot slot, nint target)
    {
        if (_backend.Recipes!.SitesOf(slot.Address).Count == 0) return false; // not a frontend unit's slot
        if (!_backend.TryLinkCounting(slot, target, Options.HotUses)) return false;
        _counting.Add(slot.Address);
        return true;
    }

    /// <summary>
    /// Emits a region again, then the current units whose direct jumps or calls lead into the copies
    /// it replaced (their callers, and the callers' callers, up to <see cref="LinkOptions.MaxCascadeBytes"/>
    /// per hot link), so that code that runs again goes to the new copies; then points every slot at
    /// the new copies and tells the frontend.
    /// </summary>
    private void Reemit(List<UnitRecipe> first)
    {
        var work = new Queue<List<UnitRecipe>>([first]);
        long budget = Options.MaxCascadeBytes;
        while (work.TryDequeue(out var region) && budget > 0)
        {
            if (region.Any(r => !r.IsCurrent || r.Generation >= Options.MaxGenerations || !EndsInTransfer(r))) continue;
            if (!_backend.TryReemit(region, out var reemission)) return;
            budget -= reemission!.Copy.Code.Size;
            if (Trace)
                Console.Error.WriteLine($"[link] re-emitted {string.Join(" + ", region.Select(r => r.Code.Name))} "
                    + $"as {reemission.Copy.Code.Name}");
            Relink(reemission);
            foreach (var referrer in _regions!.ReferrersOf(reemission.Replaced.ToHashSet()))
                if (referrer.IsCurrent && referrer != reemission.Copy) work.Enqueue(_regions.RegionOf(referrer));
        }
    }

    /// <summary>Points every slot that led into the replaced copies at the new one, and counts again
    /// the uses of the replaced copies' linked slots: they stay reachable through stale jumps from
    /// code that was not emitted again, and a hot stale path is then found (TryHot).</summary>
    private void Relink(Reemission reemission)
    {
        var map = _backend.Recipes!;
        foreach (var slot in _linked.Values)
        {
            nint target = _backend.LinkedTarget(slot), now = map.CurrentAddress(target);
            if (now == target) continue;
            bool counted = _counting.Contains(slot.Address) && _backend.TryLinkCounting(slot, now, Options.HotUses);
            if (!counted) _backend.Link(slot, now);
        }
        foreach (var slot in _parked.Values)
        {
            nint target = _backend.ParkedTarget(slot), now = map.CurrentAddress(target);
            if (now != target) _backend.Park(slot, now);
        }
        foreach (var site in reemission.Replaced.SelectMany(r => r.Sites))
        {
            if (!_linked.TryGetValue(site.Slot, out var slot) || _counting.Contains(site.Slot)) continue;
            if (_hotTurns.GetValueOrDefault(site.Slot) >= Options.MaxHotTurns) continue;
            if (_backend.TryLinkCounting(slot, map.CurrentAddress(_backend.LinkedTarget(slot)), Options.HotUses))
                _counting.Add(site.Slot);
        }
        _frontend.CodeMoved(reemission.Moves, reemission.Copy.Code.Name);
    }

    /// <summary>Units are concatenated into one copy: each must end in a jump, an exit or a return.</summary>
    private bool EndsInTransfer(UnitRecipe unit)
    {
        var last = unit.LastStencil;
        var s = _backend.Stencils;
        return last == s.Control.Jump || last == s.Control.JumpThroughSlot || last == s.Control.Exit
            || last == s.Control.ReturnStatus;
    }
}
