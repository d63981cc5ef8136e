using Lbbv.Versioning;

namespace Lbbv.Jit.Tests;

/// <summary>A module global bound once (a tuple, a size) is read by JIT code as a constant behind
/// the class-version check, like a global function (docs/LBBV.md, "Globals bound once"): no test that
/// it is bound, none of its type. Rebinding it bumps the version (tests/programs/jit_global_constants).</summary>
[Collection("vm")]
public sealed class GlobalBoundOnceTests
{
    private const string Words = """
        WORDS = ("a", "bb", "ccc")
        N = 3
        def f(n):
            t = 0
            for i in range(n):
                t += len(WORDS[i % N])
            return t
        print(f(3000))
        """;

    [Fact]
    public void A_global_bound_once_is_read_without_tests()
    {
        using var run = new JitRun(Words, new LbbvOptions { CountInCode = true });
        Assert.Equal("6000\n", run.Stdout);
        // Read through their cells, WORDS and N cost a bound test and a type test each per iteration
        // (14,851 tests); as constants, about one test per iteration is left.
        Assert.True(run.TypeTestsExecuted < 4_000, $"{run.TypeTestsExecuted} type tests");
    }

    private const string Counter = """
        count = 0
        for i in range(3000):
            count += i % 7
        print(count)
        """;

    [Fact]
    public void A_global_rebound_in_a_loop_is_not_watched()
    {
        using var run = new JitRun(Counter, new LbbvOptions { CountInCode = true });
        Assert.Equal("8994\n", run.Stdout);
        // count and i are rebound before the loop is compiled: read through their cells, no class-version
        // bump per store, so no version is invalidated.
        Assert.Equal(0, run.Tier.Codes.Sum(c => c.VersionsInvalidated));
    }
}
