using Lbbv.Versioning;

namespace Lbbv.Jit.Tests;

/// <summary>Ints that may be big (the lattice's Integer, docs/LBBV.md "Big integers"): integer
/// arithmetic on Int/Integer operands gives Integer, whatever path computed it, so locals that grow
/// past 64 bits keep a type across the loop and their ops go to the big-int arithmetic without a
/// test, instead of testing an untyped value at every use.</summary>
[Collection("vm")]
public sealed class IntegerPathTests
{
    // Gibbons' spigot state: q, r, t grow big within a few iterations; k, x stay small.
    private const string Spigot = """
        def spigot(n):
            q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
            out = 0
            for _ in range(n):
                q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
                out = (out * 7 + m) % 1000003
            return out
        print(spigot(3000))
        """;

    [Fact]
    public void Ints_that_grow_big_stay_typed_and_take_the_big_path_without_tests()
    {
        using var run = new JitRun(Spigot, new LbbvOptions { CountInCode = true });
        Assert.Equal("659830\n", run.Stdout);
        // Before Integer (and the six-value swap that keeps it): 32,664 tests, about 11 per iteration,
        // most of them on q, r, t loaded untyped. Now about 4 per iteration.
        Assert.True(run.TypeTestsExecuted < 16_000, $"{run.TypeTestsExecuted} type tests");
    }
}
