namespace Lbbv.Jit.Tests;

/// <summary>Float locals kept in xmm12..xmm15 across a loop's block edges and back edge, in both JITs
/// (docs/JIT-CORE.md, "Float locals across loop edges").</summary>
[Collection("vm")]
public sealed class FloatLocalsTests
{
    // s is local 1 (xmm13), x local 2 (xmm14), i local 3 (rbx).
    private const string FloatLoop = """
        def f(n):
            s = 0.0
            x = 0.5
            i = 0
            while i < n:
                s = s + x * x
                x = x + 0.25
                i += 1
            return s
        print(f(20000))
        """;

    private static string[] Body(string listing, string marker) =>
        [.. listing.Split('\n').SkipWhile(l => !l.Contains(marker)).Skip(1)
            .TakeWhile(l => l != ";   Control.ReturnStatus")
            .Where(l => l.StartsWith(";   ") && !l.StartsWith(";   @")).Select(l => l[4..].Trim())
            .Where(l => !l.StartsWith("Counter."))];

    [Fact]
    public void Lbbv_keeps_a_float_accumulator_in_an_xmm_register_across_the_back_edge()
    {
        using var run = new JitRun(FloatLoop, JitRun.Eager() with { KeepListings = true, FloatLoopRegisters = true });
        string listing = run.Tier.Backend.DisassembleAll();
        // The loop body (the version after the header's compare) neither loads nor stores s or x: their
        // values move between their own registers and the stack entries' ones.
        string[] body = Listings.HotStencils(listing, "f @10").Where(s => !s.StartsWith("Counter.")).ToArray();
        Assert.Contains("Xmm.Move.xmm13.xmm8", body); // s = ... into s's register
        Assert.Contains("Xmm.Move.xmm14.xmm8", body); // x = ... into x's register
        Assert.Equal("Control.Jump", body[^1]);
        Assert.DoesNotContain(body,
            s => s.StartsWith("Xmm.Spill") || s.StartsWith("Xmm.Load") || s.StartsWith("Frame."));
        Assert.Contains("[cached l1=xmm13 l2=xmm14 l3=rbx]", listing);
    }

    [Fact]
    public void The_tracers_back_edge_keeps_float_and_int_locals_in_registers()
    {
        using var run = new TraceRun(FloatLoop,
            TraceRun.Counting() with { KeepListings = true, LoopRegisters = true, FloatLoopRegisters = true });
        Assert.Equal("166704169375.0\n", run.Stdout);
        string[] body = Body(run.Tier.Backend.DisassembleAll(), " loop body");
        Assert.Equal("Control.Jump", body[^1]);
        Assert.Contains("Xmm.Move.xmm13.xmm8", body);
        Assert.Contains("Gpr.AddImmediate.r.rbx", body);
        Assert.DoesNotContain(body,
            s => s.StartsWith("Xmm.Spill") || s.StartsWith("Xmm.Load") || s.StartsWith("Gpr.Load"));
    }

    [Fact]
    public void A_float_loop_reads_only_its_bound_from_the_frame_each_iteration()
    {
        using var on = new JitRun(FloatLoop,
            JitRun.Eager() with { CountInCode = true, CountFrameTraffic = true, FloatLoopRegisters = true });
        using var off = new JitRun(FloatLoop,
            JitRun.Eager() with { CountInCode = true, CountFrameTraffic = true, LoopRegisters = false });
        Assert.Equal("166704169375.0\n", on.Stdout);
        Assert.Equal(on.Stdout, off.Stdout);
        long Counter(JitRun run, string name) =>
            run.Jit.RegisterCache.Counters("lbbv_").First(c => c.Key == $"lbbv_regcache_frame_{name}_executed").Value;
        long Loads(JitRun run) => Counter(run, "loads");
        long Stores(JitRun run) => Counter(run, "stores");
        // With the float locals cached, each iteration loads n in its compare and nothing else.
        Assert.InRange(Loads(on), 20000, 20200);
        Assert.InRange(Stores(on), 1, 100);
        Assert.True(Loads(off) > 3 * 20000, $"{Loads(off)}");
        Assert.True(Stores(off) > 2 * 20000, $"{Stores(off)}");
    }
}
