namespace Lbbv.Jit.Tests;

/// <summary>ForIter on native range and list iterators: the loop variable of a range loop is an
/// int without a test, and the iterator's kind is compared once per loop entry: the back-edge
/// enters a header version keyed on the proven kind (ProvenIterators).</summary>
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
    [InlineData(RangeLoop, "45\n", "4999950000\n", 0)]
    [InlineData(ListLoop, "5.0\n", "50000.0\n", 0)]
    public void Iterations_after_the_first_cost_no_kind_compare_and_no_helper_call(string program, string small, string large, int testsPerIteration)
    {
        // A first run leaves the heap's free lists as the two measured runs find them (whichever
        // test runs first would otherwise allocate its loop's iterator through the runtime).
        using (new JitRun(program.Replace("N", "10"), JitRun.Eager())) { }
        using var few = new JitRun(program.Replace("N", "10"), JitRun.Eager());
        using var many = new JitRun(program.Replace("N", "100000"), JitRun.Eager());
        Assert.Equal(small, few.Stdout);
        Assert.Equal(large, many.Stdout);
        // 99,990 more iterations: none tests the iterator's kind byte (the first ForIter did, and
        // the back-edge enters the header version keyed on its kind); `s + i` needs no test because
        // ForIter pushed a known int, nor `s + x`: the step typed x by the float list's element kind.
        // (A run differs from another by a test or two outside the loop: not per iteration.)
        Assert.InRange(many.TypeTestsExecuted - few.TypeTestsExecuted - 99_990 * testsPerIteration, -2, 2);
        Assert.Equal(few.Jit.Read(few.Jit.HelperCalls), many.Jit.Read(many.Jit.HelperCalls));
        Assert.Equal(few.Jit.Read(few.Jit.ProvenIteratorSteps) + 99_990, many.Jit.Read(many.Jit.ProvenIteratorSteps));
    }

    [Fact]
    public void A_nested_loop_compares_its_iterator_s_kind_once_per_entry()
    {
        const string nested = """
            def f(rows, n):
                s = 0
                for r in range(rows):
                    for c in range(n):
                        s = s + c
                return s
            print(f(ROWS, 50))
            """;
        using var few = new JitRun(nested.Replace("ROWS", "10"), JitRun.Eager());
        using var many = new JitRun(nested.Replace("ROWS", "1010"), JitRun.Eager());
        Assert.Equal("1237250\n", many.Stdout);
        // 1,000 more entries of the inner loop: one kind compare each (its GetIter made a new
        // iterator), none for its 50 items or for the outer loop's iterator.
        Assert.Equal(few.TypeTestsExecuted + 1_000, many.TypeTestsExecuted);
    }

    [Fact]
    public void A_loop_site_that_sees_a_list_then_a_tuple_then_a_list_again_tests_each_new_iterator()
    {
        // The header version proven for a list iterator is entered only from paths that proved it;
        // a tuple iterator at the same site takes the helper, and its body does not reach the
        // proven version.
        const string source = """
            def total(xs):
                s = 0
                for x in xs:
                    s = s + x
                return s
            out = []
            for k in range(60):
                out.append(total([1, 2, k] if k % 3 else (k, 1)))
            print(sum(out), out[:7])
            """;
        using var run = new JitRun(source, JitRun.Eager());
        Assert.Equal("1910 [1, 4, 5, 4, 7, 8, 7]\n", run.Stdout);
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
