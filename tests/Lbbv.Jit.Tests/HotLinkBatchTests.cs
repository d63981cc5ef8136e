using Lbbv.Backend.Linking;
using Lbbv.Jit.Linking;
using Lbbv.Versioning;

namespace Lbbv.Jit.Tests;

/// <summary>--link reemit batches hot links (docs/LINKING.md, "When"): links of one function that turn
/// hot a little after one another, while the function is still being compiled, are emitted again
/// together, once, instead of once per hot link.</summary>
[Collection("vm")]
public sealed class HotLinkBatchTests
{
    /// <summary>One call: the loop calls g2, g3 and g4 for the first time 100, 200 and 300 iterations in,
    /// so each call's link is compiled, then turns hot, 100 iterations after the one before.</summary>
    private const string Staggered = """
        def g1(x):
            return x + 1
        def g2(x):
            return x + 2
        def g3(x):
            return x + 3
        def g4(x):
            return x - 5
        def f(n):
            s = 0
            for i in range(n):
                s = g1(s)
                if i >= 100:
                    s = g2(s)
                if i >= 200:
                    s = g3(s)
                if i >= 300:
                    s = g4(s)
            return s
        print(f(20000))
        """;

    private static JitRun Run(int waitUses) => new(Staggered, new LbbvOptions
    {
        CountInCode = true,
        InlineLeafCalls = false, // the links of direct calls
        TrackPublishedHashes = true,
        Link = new LinkOptions { Mode = LinkMode.Reemit, BatchWaitUses = waitUses },
    });

    [Fact]
    public void Links_that_turn_hot_while_the_function_warms_up_are_emitted_again_once()
    {
        using var batched = Run(new LinkOptions().BatchWaitUses);
        using var oneByOne = Run(0);
        Assert.Equal("20700\n", batched.Stdout);
        Assert.Equal(batched.Stdout, oneByOne.Stdout);

        // One hot link after another, each re-emitting f's code: four copies.
        Assert.Equal(4, oneByOne.Tier.Linker.Batches);
        Assert.Equal(4, oneByOne.Tier.Backend.Counters.UnitsReemitted);
        // Batched: every hot link joined one batch, emitted once the loop ran on with nothing compiled.
        var linker = batched.Tier.Linker;
        Assert.True(linker.HotLinks >= 4);
        Assert.Equal(1, linker.Batches);
        Assert.Equal(1, batched.Tier.Backend.Counters.UnitsReemitted);
        Assert.True(batched.Tier.Backend.Counters.BytesReemitted * 3 < oneByOne.Tier.Backend.Counters.BytesReemitted);

        // The one copy makes the loop direct all the same: after it, no jump through a slot.
        long before = batched.Jit.Read(batched.Jit.IndirectJumps);
        using var longer = new JitRun(Staggered.Replace("f(20000)", "f(200000)"), new LbbvOptions
        {
            CountInCode = true,
            InlineLeafCalls = false,
            Link = new LinkOptions { Mode = LinkMode.Reemit },
        });
        Assert.Equal("200700\n", longer.Stdout);
        Assert.Equal(before, longer.Jit.Read(longer.Jit.IndirectJumps));
        LinkModeChecks.AssertNoPublishedByteChanged(batched.Tier.Backend);
    }
}
