using Lbbv.Versioning;

namespace Lbbv.Jit.Tests;

/// <summary>Type tests left in code written in other styles (docs/LBBV.md, "Other styles"): a list's
/// element kind known across a math call, an item of a list of lists kept in a local typed by the
/// outer list's kind, and str comparisons typed bool. Each test counts the type tests of a loop.</summary>
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
        // One kind guard per iteration types the four loads; a second one after sqrt is gone.
        Assert.InRange(run.TypeTestsExecuted, 1900, 2300);
    }

    private const string Rows = """
        def g(rows, n):
            s = 0.0
            for i in range(n):
                r = rows[i % 4]
                for j in range(3):
                    s += r[j] * r[j]
            return s
        rows = [[1.0, 2.0, 3.0], [0.5, 0.25, 0.125], [2.0, 2.0, 2.0], [1.5, 1.0, 0.5]]
        print(g(rows, 1000))
        """;

    [Fact]
    public void A_row_kept_in_a_local_is_typed_by_its_lists_kind()
    {
        using var run = new JitRun(Rows, Counting);
        Assert.Equal("7457.03125\n", run.Stdout);
        Assert.True(run.Jit.StoredItemKindGuardsEmitted > 0);
        // The inner loop tests the row's kind only (not also that it is a list): about one test per
        // inner iteration (3000) plus the outer loop's guards and range tests, not two (6000).
        Assert.InRange(run.TypeTestsExecuted, 3000, 5200);
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
        // One str guard per item, then every comparison is typed bool: 2000 items, not 2000 tests
        // per comparison reached (5000).
        Assert.InRange(run.TypeTestsExecuted, 1900, 2300);
    }
}
