using Iced.Intel;
using Lbbv.Backend.Linking;
using Lbbv.Backend.Observability;
using Lbbv.Jit.Linking;
using Lbbv.Versioning;

namespace Lbbv.Jit.Tests;

/// <summary>The link modes under LBBV (docs/LINKING.md): what patching writes, and that re-emission
/// removes the indirect jumps of a hot loop without changing a published byte.</summary>
[Collection("vm")]
public sealed class LinkModeTests
{
    private static LbbvOptions Options(LinkMode mode) => new()
    {
        CountInCode = true,
        InlineLeafCalls = false, // the links of direct calls
        TrackPublishedHashes = true,
        Link = new LinkOptions { Mode = mode },
    };

    private static JitRun Loop(int n, LinkMode mode) => new(LinkModeChecks.CalledOnce(n), Options(mode));

    private static long IndirectJumps(JitRun run) => run.Jit.Read(run.Jit.IndirectJumps);

    [Fact]
    public void Reemit_makes_a_hot_two_block_loop_direct_without_changing_a_published_byte()
    {
        using var indirect = Loop(100_000, LinkMode.Indirect);
        using var small = Loop(10_000, LinkMode.Reemit);
        using var large = Loop(100_000, LinkMode.Reemit);
        Assert.Equal("(50000, 50000)\n", large.Stdout);
        Assert.True(IndirectJumps(indirect) > 49_000); // every other iteration after the first 30
        // Every indirect jump happens before the re-emission (the link's uses before it is hot, and
        // its batch's wait after): 90,000 more iterations run none.
        var link = new LinkOptions();
        Assert.InRange(IndirectJumps(small), 1, 2 * (link.HotUses + link.BatchWaitUses));
        Assert.Equal(IndirectJumps(small), IndirectJumps(large));
        Assert.True(large.Stats.VersionsReemitted > 0);
        Assert.True(large.Tier.Linker.HotLinks > 0);
        LinkModeChecks.AssertNoPublishedByteChanged(large.Tier.Backend);
    }

    [Fact]
    public void Patch_mode_rewrites_every_used_link_into_a_direct_jump_to_the_version_it_leads_to()
    {
        using var small = Loop(1_000, LinkMode.Patch);
        using var large = Loop(100_000, LinkMode.Patch);
        Assert.Equal("(50000, 50000)\n", large.Stdout);
        Assert.Equal(IndirectJumps(small), IndirectJumps(large));

        var backend = large.Tier.Backend;
        var versions = large.Tier.Codes.SelectMany(c => c.Blocks).SelectMany(b => b.Value)
            .Select(v => v.Address).ToHashSet();
        var patched = LinkModeChecks.AssertPatchedSitesAreDirect(backend);
        Assert.All(patched, p => Assert.Contains(backend.LinkedTarget(p.Slot), versions));
        Assert.Equal(patched.Count, backend.Counters.LinksPatched);
    }

    [Fact]
    public void Reemit_moves_the_return_address_of_the_caller_of_a_hot_call_into_the_new_copy()
    {
        const string source = """
            def g(x):
                return x + 1
            def f(n):
                s = 0
                for i in range(n):
                    s = g(s)
                return s
            print(f(100000))
            """;
        using var run = new JitRun(source, Options(LinkMode.Reemit));
        Assert.Equal("100000\n", run.Stdout);
        // The call's link turned hot inside the call: f's loop, suspended in the old copy of its unit,
        // returns into the new one, whose call is direct, and never uses the slot again. Without the
        // move it goes on in the old copy, and the link turns hot again from there (a stale use).
        Assert.Equal(1, run.Tier.Backend.Counters.ReturnAddressesRedirected);
        Assert.Equal(1, run.Tier.Linker.HotLinks);
        Assert.Equal(0, run.Tier.Linker.StaleHotLinks);
        Assert.Empty(run.Tier.Backend.FindModifiedCode());
    }
}
