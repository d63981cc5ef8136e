using Lbbv.Tracing.Ir;
using Lbbv.Tracing.Recording;

namespace Lbbv.Jit.Tests;

/// <summary>The tracing tier's counters: bridges, back-off, invalidation.</summary>
[Collection("vm")]
public sealed class TraceCounterTests
{
    [Fact]
    public void A_branch_that_flips_halfway_grows_one_bridge_per_copy_and_then_stops_exiting()
    {
        using var run = new TraceRun("""
            def main():
                n = 0
                for i in range(20000):
                    if i < 10000:
                        n += 1
                    else:
                        n += 3
                print(n)
            main()
            """);
        Assert.Equal("40000\n", run.Stdout);
        Assert.Single(run.LoopTraces);
        // The peeled trace has the branch twice (preamble and body). Each copy's exit left to the
        // interpreter until its bridge was recorded, then never again: every later failure went
        // through its slot to the bridge (counted by the exit's own counter), and the bridges
        // enter the body, so once they exist the loop stays in machine code.
        int threshold = run.Tier.Options.EffectiveBridgeThreshold;
        var bridges = run.Bridges;
        Assert.InRange(bridges.Count, 1, 2);
        foreach (var bridge in bridges)
        {
            Assert.Equal(SideExitKind.Branch, bridge.FromExit!.Kind);
            Assert.Equal(threshold, bridge.FromExit.Taken);
        }
        Assert.InRange(bridges.Sum(b => run.Read(b.FromExit!.Failures)), 9_900, 10_000);
        long exitsTaken = run.Tier.Traces.SelectMany(t => t.Exits).Sum(e => e.Taken);
        Assert.InRange(exitsTaken, bridges.Count * threshold + 1, bridges.Count * threshold + 2); // + the loop's end
    }

    [Fact]
    public void A_loop_recorded_as_it_ends_is_recorded_again_from_a_real_iteration()
    {
        // The inner loop's first back-edge comes from an inner loop of one iteration: a recording
        // there would start with the exhausted ForIter and trace the way out of the loop.
        using var run = new TraceRun("""
            def main():
                s = 0
                for i in range(3000):
                    for j in range(i % 3 + 1):
                        s += j
                print(s)
            main()
            """, TraceRun.Counting() with { TraceThreshold = 1 });
        Assert.Equal("4000\n", run.Stdout);
        Assert.True(run.Stats.Aborts[(int)AbortReason.LoopExit] >= 1);
        var inner = run.LoopTraces.Where(t => t.Ir.Ops[0].Op == Bytecode.Opcode.ForIter).ToList();
        Assert.NotEmpty(inner);
        // Each loop trace starts with an iteration: its header's ForIter continues into the body.
        Assert.All(inner, t => Assert.Equal(t.Ir.Ops[0].Offset + 1, t.Ir.Ops[0].Successor));
    }

    [Fact]
    public void A_hot_exit_that_returns_from_the_function_grows_a_bridge_ending_in_the_return()
    {
        using var run = new TraceRun("""
            def find(xs, k):
                for x in xs:
                    if x == k:
                        return x * 2
                return -1

            def main():
                xs = list(range(40))
                s = 0
                for n in range(3000):
                    s += find(xs, 30 + n % 5)
                print(s)
            main()
            """, TraceRun.Counting() with { MaxInlineDepth = 0 });
        Assert.Equal("192000\n", run.Stdout);
        var returning = run.Bridges.Where(b => b.Ir.EndsInReturn).ToList();
        Assert.NotEmpty(returning);
        // Once the bridge exists, the found-it exit goes to it, not to the interpreter.
        var exit = returning[0].FromExit!;
        Assert.Equal(run.Tier.Options.EffectiveBridgeThreshold, exit.Taken);
        Assert.True(run.Read(exit.Failures) > 1000);
    }

    [Fact]
    public void A_hot_exit_inside_an_inlined_call_gets_the_loop_traced_again_without_inlining_it()
    {
        using var run = new TraceRun("""
            def pick(i):
                if i % 2:
                    return 1
                return 2

            def main():
                s = 0
                for i in range(10000):
                    s += pick(i)
                print(s)
            main()
            """);
        Assert.Equal("15000\n", run.Stdout);
        Assert.True(run.Stats.Retraces >= 1);
        // pick's other branch left the trace (inside the inlined frame) until the threshold, then
        // the retraced loop calls pick through the interpreter and stays in its trace.
        long toInterpreter = run.Tier.Traces.SelectMany(t => t.Exits).Sum(e => e.Taken);
        Assert.InRange(toInterpreter, 1, 200);
    }

    [Fact]
    public void A_loop_whose_recording_aborts_backs_off_exponentially()
    {
        using var run = new TraceRun("""
            def main():
                total = 0
                for i in range(5000):
                    try:
                        raise ValueError(i)
                    except ValueError:
                        total += 1
                print(total)
            main()
            """, TraceRun.Counting() with { TraceThreshold = 1 });
        Assert.Equal("5000\n", run.Stdout);
        Assert.Empty(run.Tier.Traces);
        long aborts = run.Stats.Aborts.Sum();
        Assert.Equal(run.Stats.LoopsRecorded, aborts);
        Assert.True(run.Stats.Aborts[(int)AbortReason.UnsupportedOp] + run.Stats.Aborts[(int)AbortReason.Exception] == aborts);
        // Attempts at back-edges 1, 3, 7, 15, ...: about log2(5000), not one per iteration.
        Assert.InRange(aborts, 5, 14);
    }

    [Fact]
    public void A_class_change_invalidates_the_traces_that_relied_on_it()
    {
        using var run = new TraceRun("""
            class P:
                def __init__(self):
                    self.x = 1

            def total(p):
                s = 0
                for i in range(1000):
                    s += p.x
                return s

            p = P()
            print(total(p))
            P.x = 5
            print(total(p))
            p2 = P()
            print(total(p2))
            """);
        Assert.Equal("1000\n1000\n1000\n", run.Stdout);
        Assert.Equal(1, run.Stats.Invalidations);
        Assert.Equal(2, run.LoopTraces.Count);
        Assert.True(run.LoopTraces[0].Invalidated);
        Assert.True(run.LoopTraces[0].ChecksClassVersion);
        Assert.False(run.LoopTraces[1].Invalidated);
    }
}
