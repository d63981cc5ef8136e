namespace Lbbv.Jit.Tests;

/// <summary>The register cache across block edges (docs/JIT-CORE.md): the int locals of a simple loop
/// stay in their registers across the loop's block edges and its back edge.</summary>
[Collection("vm")]
public sealed class CachedLocalsTests
{
    private const string CountingLoop = """
        def f(n):
            i = 0
            s = 0
            while i < n:
                s += i
                i += 1
            return s
        print(f(1000))
        """;

    [Fact]
    public void An_int_loops_compare_and_branch_uses_the_register_its_increment_left()
    {
        string listing = Listings.Of(CountingLoop);
        // i is local 1 (r14), s local 2 (r15): the header compares r14 with n's slot, the body adds
        // in registers, and neither version stores or reloads i or s.
        var header = Listings.HotStencils(listing, "f @4").Where(s => !s.StartsWith("Counter.")).ToArray();
        Assert.Equal(["Gpr.Branch.GreaterOrEqual.rm.r14"], header);
        var body = Listings.HotStencils(listing, "f @8").Where(s => !s.StartsWith("Counter.")).ToArray();
        Assert.Equal(["Gpr.Add.rr.r15.r14", "Gpr.AddImmediate.r.r14", "Control.Jump"], body);
        Assert.Contains("[cached l1=r14 l2=r15]", listing);
    }

    [Fact]
    public void A_traced_int_loop_keeps_its_counter_in_a_register_across_the_back_edge()
    {
        using var run = new TraceRun(CountingLoop,
            TraceRun.Counting() with { KeepListings = true, LoopRegisters = true });
        Assert.Equal("499500\n", run.Stdout);
        string listing = run.Tier.Backend.DisassembleAll();
        // The peeled body: from its header to the unit's shared return.
        string[] body = [.. listing.Split('\n').SkipWhile(l => !l.EndsWith(" loop body")).Skip(1)
            .TakeWhile(l => l != ";   Control.ReturnStatus")
            .Where(l => l.StartsWith(";   ") && !l.StartsWith(";   @")).Select(l => l[4..].Trim())
            .Where(l => !l.StartsWith("Counter."))];
        Assert.Equal(["Gpr.Branch.GreaterOrEqual.rm.r14", "Gpr.Add.rr.r15.r14", "Gpr.AddImmediate.r.r14", "Control.Jump"],
            body);
    }

    [Fact]
    public void Exits_from_the_loop_write_the_cached_locals_back()
    {
        using var run = new JitRun("""
            def f(n):
                i = 0
                t = 0
                while i < n:
                    t += 10 // (5 - i)
                    i += 1
                return t
            try:
                f(9)
            except ZeroDivisionError as e:
                print("caught", e)
            def g(n):
                i = 9223372036854775800
                while i < n:
                    i += 3
                return i
            print(g(9223372036854775807 + 10))
            """, JitRun.Eager());
        Assert.Equal(0, run.Status);
        Assert.Equal("caught integer division or modulo by zero\n9223372036854775818\n", run.Stdout);
        Assert.True(run.Jit.RegisterCache.Spills(Frames.SpillReason.Exit) > 0);
    }
}
