using System.Runtime.Intrinsics.X86;
using Lbbv.Backend.Emission;
using Lbbv.Backend.Memory;

namespace Lbbv.Backend.Linking;

/// <summary>
/// Where every indirect slot leads and, by link mode, what else linking it does: nothing more
/// (<c>indirect</c>); rewrite its link sites into direct jumps and calls (<c>patch</c>); or, for
/// <c>reemit</c>, lead through a count-down stub that calls the lazy compiler again when the link
/// has been used enough to be worth emitting its unit again.
/// </summary>
internal sealed class SlotLinks(JitBackend backend)
{
    private readonly Dictionary<nint, nint> _targets = [];
    private readonly Dictionary<nint, List<PatchSite>> _patchSites = [];
    private readonly Dictionary<nint, PublishedCode> _countDowns = [];
    private readonly Dictionary<nint, nint> _parked = [];
    private readonly Dictionary<nint, nint> _callTrampolines = [];
    private readonly CodeUnitBuilder _stubs = new(backend);

    /// <summary>A link site of published code in patch mode, and its bytes before any patch.</summary>
    private readonly record struct PatchSite(nint Address, LinkSiteKind Kind, ulong Original);

    /// <summary>Patch mode: every link site of published code, by slot (for tests and listings).</summary>
    public IEnumerable<(nint Slot, nint Site, LinkSiteKind Kind)> PatchSites =>
        _patchSites.SelectMany(p => p.Value.Select(s => (p.Key, s.Address, s.Kind)));

    /// <summary>The code the slot leads to, or 0 while it leads to its stub.</summary>
    public nint TargetOf(nint slot) => _targets.GetValueOrDefault(slot);

    /// <summary>Patch mode: remembers where the unit just published leaves through its slots.</summary>
    public void RecordPatchSites(CodeUnitBuilder unit, PublishedCode code)
    {
        foreach (var site in unit.LinkSites)
        {
            var stencil = backend.Stencils;
            var form = site.Kind switch
            {
                LinkSiteKind.Jump => stencil.Link.PatchableJump,
                LinkSiteKind.CountedJump => stencil.Link.CountedPatchableJump,
                _ => stencil.Invoke.Call,
            };
            nint address = code.Start + unit.StencilOffset(site.Stencil) + SitePatch.OffsetIn(form);
            if (!_patchSites.TryGetValue(site.Slot, out var list)) _patchSites[site.Slot] = list = [];
            var patchSite = new PatchSite(address, site.Kind, backend.Space.ReadWord(address));
            list.Add(patchSite);
            // A site published after its slot was linked (a bridge's jump into a loop already
            // compiled, a call of a callee already compiled) is patched at once.
            if (_targets.TryGetValue(site.Slot, out nint target)) Patch([patchSite], target);
        }
    }

    public void Link(IndirectSlot slot, nint target)
    {
        ReleaseCountDown(slot);
        _parked.Remove(slot.Address);
        DataCells.WriteRelease(slot.Address, target);
        _targets[slot.Address] = target;
        backend.Counters.SlotLinks++;
        if (_patchSites.TryGetValue(slot.Address, out var sites)) Patch(sites, target);
    }

    public void Unlink(IndirectSlot slot)
    {
        ReleaseCountDown(slot);
        _parked.Remove(slot.Address);
        DataCells.WriteRelease(slot.Address, slot.Stub);
        RestoreSites(slot);
    }

    /// <summary>
    /// Points the slot at <paramref name="target"/> without linking it: the slot is written, but its
    /// sites stay indirect (not patched; not made direct in a re-emitted copy) and
    /// <see cref="TargetOf"/> stays 0, because the slot will lead elsewhere later (a side exit's own
    /// exit stub until its bridge exists, a loop's entry while its trace may be replaced).
    /// </summary>
    public void Park(IndirectSlot slot, nint target)
    {
        ReleaseCountDown(slot);
        DataCells.WriteRelease(slot.Address, target);
        RestoreSites(slot);
        _parked[slot.Address] = target;
    }

    /// <summary>Where a parked slot leads, or 0 when it is not parked.</summary>
    public nint ParkedTarget(nint slot) => _parked.GetValueOrDefault(slot);

    /// <summary>Forgets the slot's target and makes its sites lead through the slot again (patch mode).
    /// A jump site gets its indirect form back. A call site that was patched does not: a frame suspended
    /// in the patched <c>e8 rel32</c> returns to the byte after it (the <c>nop</c>), which is inside the
    /// <c>ff 15 disp32</c> of the indirect form (a recursive function's trace, discarded while it is
    /// running, crashed that way). It keeps its direct form and calls the slot's trampoline instead, a
    /// <c>jmp [slot]</c>: the same as the indirect call, with the instruction boundaries kept.</summary>
    private void RestoreSites(IndirectSlot slot)
    {
        if (!_targets.Remove(slot.Address) || !_patchSites.TryGetValue(slot.Address, out var sites)) return;
        foreach (var site in sites)
        {
            ulong current = backend.Space.ReadWord(site.Address);
            if (site.Kind == LinkSiteKind.Call && current != site.Original)
                backend.Space.PatchPublished(site.Address,
                    SitePatch.Word(site.Kind, site.Address, CallTrampoline(slot), current));
            else
                backend.Space.PatchPublished(site.Address, site.Original);
        }
        Serialize();
    }

    /// <summary>A published <c>jmp [slot]</c> for <paramref name="slot"/>, emitted once.</summary>
    private nint CallTrampoline(IndirectSlot slot)
    {
        if (_callTrampolines.TryGetValue(slot.Address, out nint trampoline)) return trampoline;
        _stubs.Begin($"call-trampoline:{slot.Id}");
        _stubs.Emit(backend.Stencils.Control.JumpThroughSlot, slot);
        if (!_stubs.TryPublish(out var code))
            throw new InvalidOperationException("code space exhausted: no trampoline for a patched call site");
        _callTrampolines[slot.Address] = code.Start;
        return code.Start;
    }

    /// <summary>
    /// Writes each site's direct form. The slot was written first, so code that still reaches the
    /// site's old bytes jumps to the same target. One VM thread emits and runs code, and it is in
    /// .NET here, so no instruction of a site is executing while its word is stored; the store is
    /// aligned, so another thread would see the old word or the new one. The store goes through the
    /// writable alias, another linear address than instruction fetch uses, so the thread
    /// serializes (cpuid) before it can run the site again (Intel SDM vol. 3, 11.6).
    /// </summary>
    private void Patch(List<PatchSite> sites, nint target)
    {
        foreach (var site in sites)
        {
            ulong current = backend.Space.ReadWord(site.Address);
            backend.Space.PatchPublished(site.Address, SitePatch.Word(site.Kind, site.Address, target, current));
            backend.Counters.LinksPatched++;
        }
        Serialize();
    }

    private static void Serialize()
    {
        if (X86Base.IsSupported) X86Base.CpuId(0, 0);
    }

    /// <summary>Reemit mode: points the slot at a fresh count-down stub that goes on to
    /// <paramref name="target"/> <paramref name="uses"/> - 1 times, then enters the slot's own stub.
    /// False when code or data space is full (the slot is then linked directly).</summary>
    public bool TryLinkCounting(IndirectSlot slot, nint target, long uses)
    {
        if (!backend.Space.TryAllocateData(8, out nint count))
        {
            backend.Counters.DataSpaceExhausted++;
            return false;
        }
        DataCells.WriteRelease(count, uses);
        return TryLinkCounting(slot, target, count);
    }

    /// <summary>Reemit mode: points the slot at a fresh count-down stub that decrements the shared
    /// cell <paramref name="count"/> (a batch of slots counts their uses together) and enters the
    /// slot's own stub when it reaches zero. False when code space is full.</summary>
    public bool TryLinkCounting(IndirectSlot slot, nint target, nint count)
    {
        _stubs.Begin($"count-down:{slot.Id}");
        _stubs.Emit(backend.Stencils.Link.CountDown, Operand.Cell(count), Operand.Code(slot.Stub),
            Operand.Code(target));
        if (!_stubs.TryPublish(out var stub)) return false;
        ReleaseCountDown(slot);
        _parked.Remove(slot.Address);
        _countDowns[slot.Address] = stub;
        DataCells.WriteRelease(slot.Address, stub.Start);
        _targets[slot.Address] = target;
        backend.Counters.CountDownsLinked++;
        return true;
    }

    /// <summary>A count-down stub the slot no longer leads to is dead code.</summary>
    private void ReleaseCountDown(IndirectSlot slot)
    {
        if (_countDowns.Remove(slot.Address, out var stub)) backend.Counters.BytesSuperseded += stub.Size;
    }
}
