using Lbbv.Versioning;

namespace Lbbv.Jit.Tests;

/// <summary>List element kinds (docs/LBBV.md): one guard on a float list's kind types the items a
/// loop body loads from it, with no test per item; a list that gets an item of another kind in the
/// middle of the loop fails the guard and goes on correctly.</summary>
[Collection("vm")]
public sealed class ListKindTests
{
    private const string Pairs = """
        def pairs(xs, n):
            s = 0.0
            for i in range(n - 1):
                a = xs[i]
                b = xs[i + 1]
                s += a * b + a
            return s
        xs = [i * 0.5 for i in range(1000)]
        print(pairs(xs, 1000))
        """;

    private static LbbvOptions Options(bool listKinds) => new() { CountInCode = true, ListElementKinds = listKinds };

    [Fact]
    public void One_kind_guard_types_both_items_of_a_float_list()
    {
        using var typed = new JitRun(Pairs, Options(listKinds: true));
        using var untyped = new JitRun(Pairs, Options(listKinds: false));
        Assert.Equal(typed.Stdout, untyped.Stdout);
        long loads = typed.Jit.Read(typed.Jit.TypedItemLoads);
        Assert.True(loads > 1800, $"{loads} typed item loads"); // two per iteration in machine code
        Assert.Equal(0, untyped.Jit.Read(untyped.Jit.TypedItemLoads));
        // Two item tests per iteration became one kind guard.
        long saved = untyped.TypeTestsExecuted - typed.TypeTestsExecuted;
        Assert.True(saved >= loads / 2 - 50, $"{untyped.TypeTestsExecuted} type tests untyped, {typed.TypeTestsExecuted} typed");
    }

    private const string Downgrade = """
        def walk(xs, ys):
            s = 0.0
            for i in range(len(xs) - 1):
                if i == 500:
                    ys[600] = "mid-loop"
                a = xs[i]
                b = xs[i + 1]
                if isinstance(a, str) or isinstance(b, str):
                    s += 1000.0
                else:
                    s += a * b
            return s
        xs = [i * 0.5 for i in range(1000)]
        print(walk(xs, [0.0] * 1000))
        print(walk(xs, xs))
        print(xs[598:602])
        """;

    [Fact]
    public void A_float_list_that_gets_a_string_mid_loop_gives_the_interpreters_answer()
    {
        using var run = new JitRun(Downgrade, Options(listKinds: true));
        using var eager = new JitRun(Downgrade, JitRun.Eager());
        string expected = "83083500.0\n82905500.0\n[299.0, 299.5, 'mid-loop', 300.5]\n";
        Assert.Equal(expected, run.Stdout);
        Assert.Equal(expected, eager.Stdout);
        Assert.True(eager.Jit.Read(eager.Jit.TypedItemLoads) > 500);
    }
}
