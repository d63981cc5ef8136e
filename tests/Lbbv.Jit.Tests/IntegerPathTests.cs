using Lbbv.Bytecode;
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

    // v starts big (an Integer local), shrinks under 64 bits and reaches 0; v % 3 and v % 9 are
    // Integer temporaries. Both branches and the `not` are on values typed Integer.
    private const string Countdown = """
        def walk():
            seven = 7
            v = seven << 80
            steps = 0
            odd = 0
            while v:
                if v % 3:
                    odd += 1
                flat = not (v % 9)
                if flat:
                    odd += 100
                v = v // 3
                steps += 1
            return steps, odd
        for _ in range(30):
            r = walk()
        print(r)
        """;

    [Fact]
    public void A_branch_on_an_Integer_and_its_not_test_its_tag_inline_without_a_helper()
    {
        using var run = new JitRun(Countdown, JitRun.Eager());
        Assert.Equal("(53, 735)\n", run.Stdout);
        Assert.True(run.TypeTestsExecuted > 0, "the loop ran in machine code");
        // Before: the truth helper (counted as PopJumpIfFalse) for every `while v:` and `if v % 3:`
        // whose value was big or not speculated on.
        Assert.Equal(0, run.Jit.HelperCallsByOp[(int)Opcode.PopJumpIfFalse]);
        Assert.Equal(0, run.Jit.HelperCallsByOp[(int)Opcode.UnaryNot]); // before: the generic op
    }

    // gcd's only version (the cap is 1) is compiled at its first call, while a and b are big ints;
    // every later call has small values.
    private const string GcdCompiledOverBigInts = """
        def gcd(a, b):
            while b:
                a, b = b, a % b
            return a
        big = 3 ** 100
        print(gcd(big * 7, big * 5) == big)
        t = 0
        for i in range(1, 3000):
            t += gcd(i * 7919, 1001)
        print(t)
        """;

    [Fact]
    public void A_version_compiled_over_big_ints_guards_int_or_big_int_and_keeps_small_values_inline()
    {
        using var run = new JitRun(GcdCompiledOverBigInts, JitRun.Eager(maxVersions: 1));
        Assert.Equal("True\n19471\n", run.Stdout);
        Assert.True(run.Jit.IntegerGuardsEmitted > 0);
        Assert.True(run.Jit.Read(run.Jit.IntegerGuards) > 10_000, "the guards ran at every iteration");
        // Before: nothing speculated on a live big int, so `while b` and `a % b` ran the helpers for
        // every small value too (23,188 and 20,191 calls).
        Assert.Equal(0, run.Jit.HelperCallsByOp[(int)Opcode.PopJumpIfFalse]);
        Assert.True(run.Jit.HelperCallsByOp[(int)Opcode.BinaryOp] < 100,
            $"{run.Jit.HelperCallsByOp[(int)Opcode.BinaryOp]} BinaryOp helper calls");
    }

    // exp starts at 127 bits and is shifted down to 0: `while exp:` is compiled on a big value in a
    // specialized version (not the fallback at the cap).
    private const string PowerModCountdown = """
        def power_mod(base, exp, mod):
            result = 1
            while exp:
                if exp & 1:
                    result = result * base % mod
                base = base * base % mod
                exp >>= 1
            return result
        m = (1 << 127) - 1
        acc = 0
        for i in range(2, 60):
            acc ^= power_mod(i, m - 2, m)
        print(acc % 1000003)
        """;

    [Fact]
    public void A_truth_test_on_an_int_seen_big_guards_int_or_big_int_instead_of_calling_the_truth_helper()
    {
        using var run = new JitRun(PowerModCountdown, JitRun.Eager());
        Assert.Equal("869640\n", run.Stdout);
        Assert.True(run.Jit.Read(run.Jit.IntegerGuards) > 0);
        // Before: the truth helper for `while exp:` at every iteration of the version compiled over a
        // big exp (7,343 calls).
        Assert.Equal(0, run.Jit.HelperCallsByOp[(int)Opcode.PopJumpIfFalse]);
    }
}
