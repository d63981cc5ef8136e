using Lbbv.Backend;
using Lbbv.Backend.Linking;
using Lbbv.Backend.Observability;
using Lbbv.Jit.Linking;
using Lbbv.Tracing;
using Lbbv.Versioning;

namespace Lbbv.Jit.Tests;

/// <summary>--link reemit retires the replaced copies nothing can reach any more, at safe points
/// (docs/LINKING.md, "Superseded copies"), under both JITs: each call of the function below enters
/// machine code from the interpreter (at its loop's header: the module's six iterations stay in the
/// interpreter), a safe point, after its loop's code was emitted again.</summary>
[Collection("vm")]
public sealed class CopyReclamationTests
{
    private static readonly string Program =
        LinkModeChecks.TwoBlockLoop + "\nfor k in range(6):\n    print(f(1000 + k))\n";

    private static readonly string Expected = string.Concat(
        Enumerable.Range(0, 6).Select(k => $"({(1000 + k) / 2}, {(1000 + k + 1) / 2})\n"));

    private static LinkOptions Reclaiming =>
        new() { Mode = LinkMode.Reemit, HotUses = 4, BatchWaitUses = 4, ReclaimAfterBytes = 1 };

    [Fact]
    public void Lbbv_retires_replaced_copies_that_no_slot_version_or_direct_jump_reaches()
    {
        using var run = new JitRun(Program, new LbbvOptions
        {
            CountInCode = true, TrackPublishedHashes = true, Link = Reclaiming,
        });
        Assert.Equal(Expected, run.Stdout);
        var held = run.Tier.Codes.SelectMany(c => c.Blocks).SelectMany(b => b.Value).Select(v => v.Address);
        AssertRetiredCopiesAreUnreachable(run.Tier.Backend, held);
    }

    [Fact]
    public void The_tracer_retires_replaced_copies_that_no_slot_trace_or_direct_jump_reaches()
    {
        using var run = new TraceRun(Program, TraceRun.Counting() with
        {
            TrackPublishedHashes = true, Link = Reclaiming, BridgeThreshold = 1,
        });
        Assert.Equal(Expected, run.Stdout);
        AssertRetiredCopiesAreUnreachable(run.Tier.Backend, run.Tier.Traces.Select(t => t.Entry));
    }

    private static void AssertRetiredCopiesAreUnreachable(JitBackend backend, IEnumerable<nint> held)
    {
        var map = backend.Recipes!;
        var retired = map.All.Where(u => u.Reclaimed).ToList();
        Assert.NotEmpty(retired);
        Assert.Equal(retired.Sum(u => (long)u.Code.Size), backend.Counters.BytesReclaimed);
        Assert.All(retired, u => Assert.False(u.IsCurrent));
        // Nothing the run can still jump to lies in a retired copy: no entry, no slot's target, no
        // direct jump or call of a copy that is not retired.
        var live = map.All.Where(u => !u.Reclaimed).ToList();
        var targets = held
            .Concat(live.SelectMany(u => u.Sites).Select(s => backend.LinkedTarget(s.Slot)))
            .Concat(live.SelectMany(u => u.DirectTargets(backend.Stencils.Link.CallDirect)).Select(t => t.Target));
        foreach (nint target in targets)
            Assert.False(map.Containing(target) is { Reclaimed: true }, $"{target:X} is in a retired copy");
        // Retired ranges are no longer hashed; every other published range is unchanged.
        Assert.Empty(backend.FindModifiedCode());
        Assert.Empty(WxAudit.WritableExecutableMappings());
    }
}
