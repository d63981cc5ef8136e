namespace Lbbv.Jit.Tests;

/// <summary>ForIter on native range and list iterators: the loop variable of a range loop is an
/// int without a test, and each iteration costs one type test (the iterator's kind compare).</summary>
[Collection("vm")]
public sealed class ForLoopTests
{
    private const string RangeLoop = """
        def f(n):
            s = 0
            for i in range(n):
                s = s + i
            return s
        print(f(N))
        """;

    private const string ListLoop = """
        def f(xs):
            s = 0.0
            for x in xs:
                s = s + x
            return s
        print(f([0.5] * N))
        """;

    [Theory]
    [InlineData(RangeLoop, "45\n", "4999950000\n", 1)]
    [InlineData(ListLoop, "5.0\n", "50000.0\n", 2)]
    public void Each_iteration_costs_one_kind_compare_and_no_helper_call(string program, string small, string large, int testsPerIteration)
    {
        using var few = new JitRun(program.Replace("N", "10"), JitRun.Eager());
        using var many = new JitRun(program.Replace("N", "100000"), JitRun.Eager());
        Assert.Equal(small, few.Stdout);
        Assert.Equal(large, many.Stdout);
        // 99,990 more iterations: one more type test each for the iterator's kind byte (the loop
        // header follows the GetIter, which saw a range or a list: no test for the other kind);
        // `s + i` needs none because ForIter pushed a known int, `s + x` tests the list item.
        Assert.Equal(few.TypeTestsExecuted + 99_990 * testsPerIteration, many.TypeTestsExecuted);
        Assert.Equal(few.Jit.Read(few.Jit.HelperCalls), many.Jit.Read(many.Jit.HelperCalls));
    }

    [Fact]
    public void One_loop_site_over_ranges_lists_and_other_iterables_gives_the_interpreter_s_output()
    {
        const string source = """
            def count(things):
                n = 0
                for t in things:
                    for item in t:
                        n = n + 1
                return n
            print(count([range(3), [1, 2], (1, 2), "abc", {1: 2}, range(5, 0, -1), [], (c for c in "xy")] * 20))
            """;
        using var run = new JitRun(source, JitRun.Eager());
        Assert.Equal("322\n", run.Stdout);
    }
}
