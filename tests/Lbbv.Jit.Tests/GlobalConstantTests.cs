namespace Lbbv.Jit.Tests;

/// <summary>Builtins and the functions of module globals read as constants behind the class-version
/// check: a loop that calls them executes no type test for the global or the callee's identity.</summary>
[Collection("vm")]
public sealed class GlobalConstantTests
{
    private const string Loop = """
        def helper(x):
            return x + 1
        def f(n):
            s = 0
            for i in range(n):
                s += helper(i) + len("ab")
            return s
        print(f(N))
        """;

    [Fact]
    public void Calls_of_a_global_function_and_a_builtin_run_no_type_test_per_iteration()
    {
        var options = JitRun.Eager() with { InlineLeafCalls = false }; // a direct call
        using var small = new JitRun(Loop.Replace("N", "10"), options);
        using var large = new JitRun(Loop.Replace("N", "1000"), options);
        Assert.Equal(0, large.Status);
        Assert.Equal("502500\n", large.Stdout);
        // 990 more iterations, one type test each: the call's result (return types do not flow back
        // in this eager run). None for `helper`, `len` or their identities, nor for the range
        // iterator (proven by the loop's first ForIter).
        long perIteration = (large.Jit.Read(large.Jit.TypeTestsExecuted) - small.Jit.Read(small.Jit.TypeTestsExecuted)) / 990;
        Assert.Equal(1, perIteration);
        var body = Listings.HotStencils(Listings.Of(Loop.Replace("N", "10"), inlineLeafCalls: false), "f @8");
        Assert.Contains("Invoke.Call", body);
        Assert.DoesNotContain("Guard.FunctionCode", body);
        Assert.DoesNotContain("Guard.PayloadIs", body);
        Assert.DoesNotContain("Guard.NotEmpty", body);
    }

    [Fact]
    public void A_direct_call_copies_local_arguments_straight_into_the_callee_frame()
    {
        var body = Listings.HotStencils(Listings.Of("""
            def add(a, b):
                return a + b
            def f(n):
                t = 0
                for i in range(n):
                    t = add(i, n)
                return t
            print(f(10))
            """, inlineLeafCalls: false), "f @8");
        int push = Array.IndexOf(body, "Invoke.PushFrameOf");
        Assert.True(push > 0, string.Join("\n", body));
        // The loop body (after the ForIter stored i) up to the frame push: no copy of i or n into
        // the caller's stack.
        Assert.DoesNotContain("Frame.Move", body[..push]);
        Assert.Equal(2, body.Count(s => s == "Invoke.Argument"));
    }

    [Fact]
    public void Rebinding_a_called_global_in_a_running_loop_is_seen_at_the_next_call()
    {
        using var run = new JitRun("""
            def helper(x):
                return x
            def f(n):
                s = 0
                for i in range(n):
                    s += helper(i)
                    if i == 5:
                        rebind()
                return s
            def rebind():
                global helper
                helper = lambda x: 100
            print(f(10))
            """, JitRun.Eager());
        Assert.Equal("415\n", run.Stdout);
    }
}
