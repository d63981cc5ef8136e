using Lbbv.Backend.Linking;
using Lbbv.Jit.Linking;
using Lbbv.Tracing;

namespace Lbbv.Jit.Tests;

/// <summary>A function that assigns a class attribute at every call makes every trace that checks the
/// class version stale at every call. A bridge grown from a stale bridge goes stale at the next change
/// and grows one of its own: a chain one bridge longer per call (fuzz seed 54663). The chain stops at
/// <see cref="TracingTier.MaxStaleBridges"/>, so it does not grow with the calls; and under eager
/// re-emission the cost stays with the code in use (tests/programs/reemit_discarded_traces.py runs it
/// under every engine).</summary>
[Collection("vm")]
public sealed class StaleBridgeTests
{
    private static string Program(int calls) => $$"""
        class K:
            def m(self):
                return 1


        def rebind(i):
            K.m = K.m
            return K().m() + i


        _ck = 0


        def mix(v):
            global _ck
            h = _ck
            for ch in repr(v):
                h = (h * 31 + ord(ch)) % 1000000007
            _ck = h


        for i in range({{calls}}):
            mix(rebind(i))
        print(_ck)
        """;

    private static TraceRun Run(int calls, LinkMode mode) => new(Program(calls), TraceRun.Counting() with
    {
        TraceThreshold = 0,
        BridgeThreshold = 1,
        Link = new LinkOptions { Mode = mode, HotUses = 1, BatchWaitUses = 0, ReclaimAfterBytes = 1 },
    });

    [Theory]
    [InlineData(LinkMode.Indirect)]
    [InlineData(LinkMode.Reemit)]
    public void Bridges_recorded_do_not_grow_with_the_class_changes(LinkMode mode)
    {
        using var few = Run(40, mode);
        using var many = Run(160, mode);
        Assert.Equal("", few.Stderr);
        // The class changes at nearly every call once the traces exist.
        Assert.True(few.Stats.Invalidations >= 30);
        Assert.True(many.Stats.Invalidations >= 150);
        Assert.Equal(LongestChain(few), LongestChain(many));
        Assert.InRange(LongestChain(many), 1, TracingTier.MaxStaleBridges + 1);
    }

    /// <summary>The most bridges one entry can walk: bridge grown from an exit of a bridge, and so on.</summary>
    private static int LongestChain(TraceRun run) => run.Bridges.Max(b =>
    {
        int depth = 0;
        for (var t = b; t.FromExit is { } exit; t = exit.Owner) depth++;
        return depth;
    });
}
