using Lbbv.Backend.Linking;
using Lbbv.Backend.Observability;
using Lbbv.Jit.Linking;
using Lbbv.Tracing;

namespace Lbbv.Jit.Tests;

/// <summary>The link modes under the tracer (docs/LINKING.md): a loop whose branch flips every
/// iteration runs as a trace, a side exit and a bridge that jumps back into the trace's body. Patch
/// mode rewrites the exit and the bridge's jump into direct jumps; reemit mode emits the trace tree
/// again as one copy whose jumps between trace and bridge are direct, without changing a byte.</summary>
[Collection("vm")]
public sealed class TraceLinkModeTests
{
    private static TraceRun Loop(int n, LinkMode mode) => new(LinkModeChecks.CalledOnce(n),
        TraceRun.Counting() with { TrackPublishedHashes = true, Link = new LinkOptions { Mode = mode } });

    private static long IndirectJumps(TraceRun run) => run.Read(run.Jit.IndirectJumps);

    [Fact]
    public void Reemit_makes_a_trace_and_its_bridge_direct_without_changing_a_published_byte()
    {
        using var indirect = Loop(100_000, LinkMode.Indirect);
        using var small = Loop(10_000, LinkMode.Reemit);
        using var large = Loop(100_000, LinkMode.Reemit);
        Assert.Equal("(50000, 50000)\n", large.Stdout);
        Assert.Equal(indirect.Stdout, large.Stdout);
        Assert.Single(large.Bridges);
        // Indirect: every other iteration leaves through the exit's slot and the bridge's body slot.
        Assert.True(IndirectJumps(indirect) > 99_000);
        // Reemit: every indirect jump happens before the re-emission (uses before the link is hot, and
        // its batch's wait after); 90,000 more iterations run none.
        var link = new LinkOptions();
        Assert.InRange(IndirectJumps(small), 1, 3 * (link.HotUses + link.BatchWaitUses));
        Assert.Equal(IndirectJumps(small), IndirectJumps(large));
        Assert.True(large.Tier.Linker.HotLinks > 0);
        Assert.True(large.Stats.TracesReemitted >= 2); // the trace's entry and the bridge's
        // The interpreter enters the new copy: the trace's entry is in it.
        var copy = large.Tier.Backend.Recipes!.Containing(large.LoopTraces[0].Entry)!;
        Assert.True(copy.IsCurrent);
        Assert.True(copy.Generation > 0);
        LinkModeChecks.AssertNoPublishedByteChanged(large.Tier.Backend);
    }

    [Fact]
    public void Patch_mode_rewrites_the_exit_and_the_bridge_jump_into_direct_jumps()
    {
        using var small = Loop(2_000, LinkMode.Patch);
        using var large = Loop(100_000, LinkMode.Patch);
        Assert.Equal("(50000, 50000)\n", large.Stdout);
        // Only the exits taken before the bridge existed went through a slot.
        Assert.Equal(IndirectJumps(small), IndirectJumps(large));
        Assert.InRange(IndirectJumps(large), 1, 100);

        var backend = large.Tier.Backend;
        var bridge = large.Bridges.Single();
        var trace = large.LoopTraces.Single();
        var patched = LinkModeChecks.AssertPatchedSitesAreDirect(backend);
        // The trace's exit leads to the bridge, the bridge's end into the trace's body.
        Assert.Contains(patched, p => backend.LinkedTarget(p.Slot) == bridge.Entry);
        Assert.Contains(patched, p => p.Slot == trace.BodySlot!.Value.Address);
    }
}
