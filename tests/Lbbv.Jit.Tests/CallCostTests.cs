namespace Lbbv.Jit.Tests;

/// <summary>The cost of a direct call (docs/JIT-CORE.md, "The cost of a direct call"): arguments
/// that are constants or copies of locals go into the callee's frame without a write in the caller,
/// the callee returns its value in registers, and nothing on the way touches the VM's return cell.</summary>
[Collection("vm")]
public sealed class CallCostTests
{
    private const string Loop = """
        def f(i, j):
            return i + j
        def g(n):
            s = 0
            for i in range(n):
                s = s + f(i, 3)
            return s
        print(g(10))
        """;

    private static string[] CallPath(string listing)
    {
        // The hot stencils of g's loop body up to the call, statistics counters left out.
        var version = listing.Split('\n').First(l => l.StartsWith("; version") && l.Contains(" of g @") && l.Contains("i:Int"));
        string at = version.Split(" of ")[1].Split(' ')[0] + " " + version.Split(" of ")[1].Split(' ')[1];
        return [.. Listings.HotStencils(listing, at)
            .Where(s => !s.StartsWith("Counter.") && s != "Invoke.CountCall")
            .TakeWhile(s => s != "Invoke.Call")];
    }

    [Fact]
    public void A_direct_call_writes_no_pending_entry_of_the_caller_on_its_way_in()
    {
        string listing = Listings.Of(Loop, inlineLeafCalls: false);
        var path = CallPath(listing);
        // s (a copy of the local), the function (a constant global) and 3 (a constant) stay unwritten:
        // the push, the argument copied from the local i, the constant written into the callee's frame.
        int push = Array.IndexOf(path, "Invoke.PushFrameOf");
        Assert.True(push >= 0, listing);
        Assert.Equal(["Invoke.PushFrameOf", "Invoke.Argument", "Invoke.ArgumentConstant"], path[push..]);
        Assert.DoesNotContain(path, s => s.StartsWith("Frame."));
    }

    [Fact]
    public void A_return_comes_back_in_registers_and_is_not_counted_as_an_exit()
    {
        var options = JitRun.Eager() with { KeepListings = true, CountInCode = false, InlineLeafCalls = false };
        using var run = new JitRun(Loop, options);
        Assert.Equal("75\n", run.Stdout);
        string listing = run.Tier.Backend.DisassembleAll();
        // VmStateLayout.ReturnValue is 48: no machine code writes or reads the VM's return cell.
        Assert.DoesNotContain("[r13+30h]", listing);
        Assert.DoesNotContain("[r13+38h]", listing);
        Assert.Contains(";   Invoke.Return\n", listing);
        Assert.DoesNotContain("counter:exit:return", listing);
    }

    [Fact]
    public void A_typed_float_or_int_return_goes_straight_into_a_cache_register()
    {
        const string source = """
            def half(x):
                return x * 0.5
            def twice(k):
                return k + k
            def run(n):
                s = 0.0
                t = 0
                for i in range(n):
                    s += half(i) * 2.0
                    t = t + twice(i) * 3
                return s, t
            print(run(3000))
            """;
        var options = new Versioning.LbbvOptions { CountInCode = true, KeepListings = true, InlineLeafCalls = false };
        using var run = new JitRun(source, options);
        Assert.Equal("(4498500.0, 26991000)\n", run.Stdout);
        Assert.True(run.Jit.Read(run.Jit.TypedReturns) > 5800);
        string listing = run.Tier.Backend.DisassembleAll();
        string[] stencils = [.. listing.Split('\n').Where(l => l.StartsWith(";   ") && !l.StartsWith(";   @"))
            .Select(l => l[4..].Trim()).Where(l => !l.StartsWith("Counter."))];
        // The returned float is multiplied in its register, the int multiplied in its register: no
        // frame store of the result and load back in between (a stencil's mode ".r…" names a first
        // operand in a register).
        int floatAt = Array.FindIndex(stencils, s => s.StartsWith("Invoke.ReturnedTo.xmm"));
        Assert.True(floatAt >= 0, listing);
        string multiply = stencils.Skip(floatAt).First(s => s.StartsWith("Xmm.Multiply."));
        Assert.True(multiply.Split('.')[2].StartsWith('r'), string.Join("\n", stencils[floatAt..(floatAt + 5)]));
        int intAt = Array.FindIndex(stencils, s => s.StartsWith("Invoke.ReturnedTo.") && !s.Contains("xmm"));
        Assert.True(intAt >= 0, listing);
        string arithmetic = stencils.Skip(intAt).First(s => s.StartsWith("Gpr.") && !s.StartsWith("Gpr.Spill"));
        Assert.True(arithmetic.Split('.')[2].StartsWith('r'), string.Join("\n", stencils[intAt..(intAt + 5)]));
    }

    [Fact]
    public void The_vm_counts_every_call_when_statistics_are_counted_in_code()
    {
        const string source = """
            def f(x):
                return x + 1
            def g(n):
                t = 0
                for i in range(n):
                    t = f(t)
                return t
            print(g(500))
            """;
        var direct = JitRun.Eager() with { InlineLeafCalls = false }; // the VM counts calls it makes
        using var counted = new JitRun(source, direct);
        using var interpreted =
            new JitRun(source, direct with { CallThreshold = 1_000_000, LoopThreshold = 1_000_000 });
        Assert.Equal("500\n", counted.Stdout);
        Assert.True(counted.Jit.Read(counted.Jit.DirectCalls) >= 500);
        Assert.Equal(interpreted.Calls, counted.Calls);
    }
}
