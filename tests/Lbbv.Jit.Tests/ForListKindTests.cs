using Lbbv.Versioning;

namespace Lbbv.Jit.Tests;

/// <summary>`for x in xs` typed by the list's element kind (docs/LBBV.md): the step of a list
/// iterator compares the list's claim with the kind the loop was compiled for and types the item by
/// it, so a loop over a float list runs its kind tests once per entry and none per item; a store
/// that changes the list's kind inside the loop is seen at the next item.</summary>
[Collection("vm")]
public sealed class ForListKindTests
{
    private const string FloatLoop = """
        def total(xs):
            s = 0.0
            for x in xs:
                s += x * 2.0
            return s
        def main():
            xs = [i * 0.5 for i in range(1000)]
            t = 0.0
            for k in range(ENTRIES):
                t += total(xs)
            print(t)
        main()
        """;

    private static LbbvOptions Options(bool listKinds) => new() { CountInCode = true, ListElementKinds = listKinds };

    /// <summary>Compiled at the first call and loop entry, so that every entry runs in machine code.</summary>
    private static LbbvOptions Eager(bool listKinds) => new()
    {
        CallThreshold = 0, LoopThreshold = 0, CountInCode = true, ListElementKinds = listKinds,
    };

    [Fact]
    public void A_loop_over_a_float_list_tests_per_entry_and_not_per_item()
    {
        using var few = new JitRun(FloatLoop.Replace("ENTRIES", "10"), Eager(listKinds: true));
        using var many = new JitRun(FloatLoop.Replace("ENTRIES", "30"), Eager(listKinds: true));
        using var untyped = new JitRun(FloatLoop.Replace("ENTRIES", "30"), Eager(listKinds: false));
        Assert.Equal("14985000.0\n", many.Stdout);
        Assert.Equal(many.Stdout, untyped.Stdout);
        // 20 more entries of 1,000 items each: at most a few kind tests per entry, none per item.
        long perEntry = (many.TypeTestsExecuted - few.TypeTestsExecuted) / 20;
        Assert.True(perEntry <= 2, $"{perEntry} type tests per loop entry");
        long steps = many.Jit.Read(many.Jit.TypedIteratorSteps) - few.Jit.Read(few.Jit.TypedIteratorSteps);
        Assert.Equal(20 * 1000, steps);
        // Without list kinds every item's use tests its tag.
        Assert.Equal(0, untyped.Jit.Read(untyped.Jit.TypedIteratorSteps));
        Assert.True(untyped.TypeTestsExecuted - many.TypeTestsExecuted > 20 * 1000,
            $"{untyped.TypeTestsExecuted} type tests untyped, {many.TypeTestsExecuted} typed");
    }

    private const string Downgrade = """
        def walk(xs, ys, at):
            s = 0.0
            n = 0
            for x in xs:
                n += 1
                if n == at:
                    ys.append("tail")
                    ys[at + 1] = "mid"
                if isinstance(x, str):
                    s += 1000.0
                else:
                    s += x * 2.0
            return s
        for k in range(30):
            xs = [i * 0.5 for i in range(100)]
            r = walk(xs, [0.0] * 20, 10)
        print(r)
        xs = [i * 0.5 for i in range(100)]
        print(walk(xs, xs, 10), xs[9:13], xs[-1])
        xs = [i * 0.5 for i in range(100)]
        print(walk(xs, xs, 99), len(xs))
        """;

    [Fact]
    public void A_float_list_that_gets_strings_inside_its_loop_gives_the_interpreters_answer()
    {
        const string expected = "4950.0\n6939.0 [4.5, 5.0, 'mid', 6.0] tail\n5950.0 101\n";
        using var run = new JitRun(Downgrade, Options(listKinds: true));
        using var eager = new JitRun(Downgrade, JitRun.Eager());
        using var two = new JitRun(Downgrade, JitRun.Eager(maxVersions: 2));
        Assert.Equal(expected, run.Stdout);
        Assert.Equal(expected, eager.Stdout);
        Assert.Equal(expected, two.Stdout);
        Assert.True(run.Jit.Read(run.Jit.TypedIteratorSteps) > 1000);
    }

    private const string AtTheCap = """
        def total(order, extra):
            s = 0
            for item in order["items"]:
                s += item
            return s + extra
        def main():
            o = {"items": list(range(N))}
            r = 0
            for k in range(20):
                r += total(o, 1)
                r += total(o, 1.5)
            print(r)
        main()
        """;

    [Fact]
    public void A_loop_over_a_list_computed_before_it_keeps_its_header_proven_at_a_cap_of_two()
    {
        // Two contexts (extra int, extra float) at a cap of two header versions: each is compiled for
        // the list iterator proven after GetIter, when first reached, with its items typed (before: a
        // range-path version for nothing filled the cap and the header tested each item).
        var options = JitRun.Eager(maxVersions: 2);
        using var few = new JitRun(AtTheCap.Replace("N", "10"), options);
        using var many = new JitRun(AtTheCap.Replace("N", "1000"), options);
        Assert.Equal("19980050.0\n", many.Stdout);
        Assert.InRange(many.TypeTestsExecuted - few.TypeTestsExecuted, 0, 40);
        Assert.Equal(40 * 990, many.Jit.Read(many.Jit.TypedIteratorSteps) - few.Jit.Read(few.Jit.TypedIteratorSteps));
    }
}
