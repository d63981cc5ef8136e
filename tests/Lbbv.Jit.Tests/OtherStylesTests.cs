using Lbbv.Versioning;

namespace Lbbv.Jit.Tests;

/// <summary>Type tests left in code written in other styles (docs/LBBV.md, "Other styles"): a list's
/// element kind known across a math call, copies of locals recovered at a mid-block entry, str
/// comparisons typed bool, module globals proved within a version. Each test counts a loop's type tests.</summary>
[Collection("vm")]
public sealed class OtherStylesTests
{
    private static LbbvOptions Counting => new() { CountInCode = true };

    private const string AcrossSqrt = """
        import math
        def f(ps, n):
            s = 0.0
            for k in range(n):
                a = ps[0]
                b = ps[1]
                d = math.sqrt(a * a + b * b)
                s += ps[0] / d + ps[1] / d
            return s
        print(f([3.0, 4.0], 2000))
        """;

    [Fact]
    public void A_list_kind_guard_holds_across_a_math_call()
    {
        using var run = new JitRun(AcrossSqrt, Counting);
        Assert.Equal("2800.0000000001037\n", run.Stdout);
        Assert.True(run.Jit.PureCallsKeepingKindsEmitted > 0);
        // One kind guard per iteration types the four loads; a second one after sqrt is gone (7,880 tests at e1337b8).
        Assert.InRange(run.TypeTestsExecuted, 1900, 2300);
    }

    private const string Rows = """
        def g(rows, n):
            s = 0.0
            for k in range(n):
                for i in range(4):
                    r = rows[i]
                    for j in range(4):
                        q = rows[j]
                        s += r[0] * q[1] + r[1] * q[0]
            return s
        rows = [[1.0, 2.0, 3.0], [0.5, 0.25, 0.125], [2.0, 2.0, 2.0], [1.5, 1.0, 0.5]]
        print(g(rows, 300))
        """;

    [Fact]
    public void A_version_entered_mid_block_types_the_locals_whose_copies_it_guards()
    {
        using var run = new JitRun(Rows, Counting);
        Assert.Equal("15750.0\n", run.Stdout);
        // The inner body's version starts at `r[0]` (deferred, with `r` and `0` on the stack): the entry
        // below the constant is known to be a copy of `r`, so its guard types `r` for `r[1]` as well:
        // four tests per inner iteration (4,800), not six (30,148 tests at e1337b8).
        Assert.InRange(run.TypeTestsExecuted, 15000, 25000);
    }

    private const string Opcodes = """
        def h(items):
            n = 0
            for op in items:
                if op == "add":
                    n += 1
                elif op == "sub":
                    n += 2
                elif op == "mul":
                    n += 3
                else:
                    n += 4
            return n
        print(h(["add", "sub", "mul", "div"] * 500))
        """;

    [Fact]
    public void Comparisons_of_a_str_with_str_constants_test_it_once()
    {
        using var run = new JitRun(Opcodes, Counting);
        Assert.Equal("5000\n", run.Stdout);
        Assert.True(run.Jit.StrComparesTypedEmitted >= 3);
        // One str guard per item, then every comparison is typed bool (4,434 tests at e1337b8).
        Assert.InRange(run.TypeTestsExecuted, 1900, 2300);
    }

    private const string ModuleLoop = """
        rows = [[i % 7, (i % 5) * 0.5] for i in range(500)]
        total = 0.0
        for rnd in range(4):
            for row in rows:
                a = row[0]
                b = row[1]
                total += a * a + a * b + b
            rows[3][0] = 2.5
        print(total)
        """;

    [Fact]
    public void A_module_loop_tests_a_global_once_after_storing_it()
    {
        using var run = new JitRun(ModuleLoop, Counting);
        Assert.Equal("33827.5\n", run.Stdout);
        Assert.True(run.Jit.ProvedGlobalLoadsEmitted > 0);
        Assert.True(run.Jit.Read(run.Jit.ProvedGlobalLoads) > 1500);
        // `a` (an int, in one row a float: its record is mixed) is tested once per iteration after its
        // store, not at each of its three loads, nor is each load tested bound (10,483 tests at e1337b8).
        Assert.InRange(run.TypeTestsExecuted, 1500, 4500);
    }

    private const string Positions = """
        class Node:
            def __init__(self, items):
                self.items = items
            def position(self, key):
                for position, item in enumerate(self.items):
                    if item[0] >= key:
                        return position
                return len(self.items)
        def run(nodes, keys, rounds):
            total = 0
            for r in range(rounds):
                for n in nodes:
                    total += n.position(keys[r % len(keys)])
            return total
        nodes = [Node([(k, str(k)) for k in range(j, j + 40)]) for j in range(20)]
        print(run(nodes[:2], [5], 10))
        print(run(nodes, [k % 50 + 10 for k in range(50)], 300))
        """;

    [Fact]
    public void A_back_edge_takes_the_chain_version_of_its_loop_header_not_the_one_that_failed()
    {
        using var run = new JitRun(Positions, Counting);
        Assert.Equal("90\n143010\n", run.Stdout);
        // The header's first version guessed a range iterator and chained to one for the enumerate
        // object; the back edge (`key` typed Int by then) fits both and took the first, failing its
        // two kind tests every iteration (751,463 tests at e1337b8).
        Assert.InRange(run.TypeTestsExecuted, 300000, 600000);
    }
}
