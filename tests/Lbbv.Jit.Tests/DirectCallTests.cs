namespace Lbbv.Jit.Tests;

/// <summary>Machine code calling machine code: counted direct calls, no helper calls for the call
/// itself, and the slow ends (side exits, exceptions, recursion limit) giving the interpreter's answers.</summary>
[Collection("vm")]
public sealed class DirectCallTests
{
    private const string Calls = """
        def add(a, b):
            return a + b
        def f(n):
            s = 0
            i = 0
            while i < n:
                s = add(s, i)
                i = i + 1
            return s
        print(f(N))
        """;

    [Fact]
    public void Calls_to_a_known_function_are_direct_and_need_no_helper()
    {
        var options = JitRun.Eager() with { InlineLeafCalls = false }; // not run inline
        using var small = new JitRun(Calls.Replace("N", "10"), options);
        using var large = new JitRun(Calls.Replace("N", "10000"), options);
        Assert.Equal("45\n", small.Stdout);
        Assert.Equal("49995000\n", large.Stdout);
        Assert.Equal(10_001, large.Jit.Read(large.Jit.DirectCalls)); // f once, add 10,000 times
        // 9,990 more calls, not one more helper call or interpreter entry.
        Assert.Equal(small.Jit.Read(small.Jit.HelperCalls), large.Jit.Read(large.Jit.HelperCalls));
        Assert.Equal(small.Jit.Entries, large.Jit.Entries);
    }

    private const string Methods = """
        class A:
            def __init__(self, v):
                self.v = v
            def get(self, k):
                return self.v + k
        class B(A):
            def get(self, k):
                return self.v * k
        def total(objs):
            t = 0
            for o in objs:
                t = t + o.get(2)
            return t
        objs = [A(1), B(3)] * 50
        print(total(objs))
        A.get = lambda self, k: 0
        print(total(objs))
        """;

    [Fact]
    public void Method_calls_follow_the_receiver_class_and_see_class_changes()
    {
        using var run = new JitRun(Methods, JitRun.Eager());
        Assert.Equal("450\n300\n", run.Stdout);
        Assert.True(run.Jit.Read(run.Jit.DirectCalls) >= 200);
    }

    private const string Exits = """
        def inner(n):
            if n == 0:
                raise ValueError("zero")
            return inner(n - 1)
        def outer(n):
            try:
                return inner(n)
            except ValueError as e:
                return str(e)
        def deep(n):
            return deep(n + 1)
        print(outer(20))
        try:
            deep(0)
        except RecursionError as e:
            print(e)
        """;

    [Fact]
    public void Exceptions_and_the_recursion_limit_cross_direct_calls_as_in_the_interpreter()
    {
        using var run = new JitRun(Exits, JitRun.Eager());
        Assert.Equal("zero\nmaximum recursion depth exceeded\n", run.Stdout);
        Assert.True(run.Jit.Read(run.Jit.DirectCalls) > 20);
    }

    private const string Instances = """
        class P:
            def __init__(self, v):
                self.v = v
        def make(n):
            t = 0
            for i in range(n):
                t = t + P(i).v
            return t
        print(make(N))
        """;

    [Fact]
    public void A_class_call_enters_init_directly_with_no_helper_call()
    {
        // Default thresholds: the loop is entered after the interpreter made the first instances
        // (so the class has its slot); eagerly, the first __init__ would be compiled before that.
        var options = JitRun.Eager() with { CallThreshold = 30, LoopThreshold = 30 };
        using var small = new JitRun(Instances.Replace("N", "100"), options);
        using var large = new JitRun(Instances.Replace("N", "1000"), options);
        Assert.Equal("4950\n", small.Stdout);
        Assert.Equal("499500\n", large.Stdout);
        // 900 more instances: 900 more direct calls of __init__, and no helper call: machine code
        // allocates the instance (AllocationStencils.NewInstance).
        Assert.Equal(900, large.Jit.Read(large.Jit.DirectCalls) - small.Jit.Read(small.Jit.DirectCalls));
        Assert.Equal(0, large.Jit.Read(large.Jit.HelperCalls) - small.Jit.Read(small.Jit.HelperCalls));
        Assert.Equal(small.Jit.Entries, large.Jit.Entries);
    }
}
