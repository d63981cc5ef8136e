using Lbbv.Versioning;

namespace Lbbv.Jit.Tests;

/// <summary>Return versioning (docs/LBBV.md): a direct call whose callee returns one type continues
/// typed by the type the callee's return site proved, with no test; a callee that comes to return
/// another type takes the untyped continuation and gives the interpreter's answer.</summary>
[Collection("vm")]
public sealed class ReturnVersioningTests
{
    private const string Floats = """
        def half(x):
            return x * 0.5
        def run(n):
            s = 0.0
            for i in range(n):
                h = half(i)
                s += h * 2.0 + h
            return s
        print(run(3000))
        """;

    private static LbbvOptions Options(bool returnVersioning) =>
        new() { CountInCode = true, ReturnVersioning = returnVersioning, InlineLeafCalls = false }; // direct calls

    [Fact]
    public void A_call_returning_a_float_continues_typed_without_a_test()
    {
        using var typed = new JitRun(Floats, Options(returnVersioning: true));
        using var untyped = new JitRun(Floats, Options(returnVersioning: false));
        Assert.Equal("6747750.0\n", typed.Stdout);
        Assert.Equal(typed.Stdout, untyped.Stdout);
        long continuations = typed.Jit.Read(typed.Jit.TypedReturns);
        Assert.True(continuations > 2900, $"{continuations} typed continuations");
        Assert.Equal(0, typed.Jit.Read(typed.Jit.TypedReturnMisses));
        Assert.Equal(0, untyped.Jit.Read(untyped.Jit.TypedReturns));
        // Without it, every call's result is tested before `h * 2.0`; with it, none is.
        Assert.True(untyped.TypeTestsExecuted - typed.TypeTestsExecuted >= continuations,
            $"{untyped.TypeTestsExecuted} type tests untyped, {typed.TypeTestsExecuted} typed");
    }

    private const string Widening = """
        def step(i):
            if i < 2000:
                return i * 0.5
            if i < 2500:
                return "s"
            return i
        def run(n):
            total = 0.0
            strings = 0
            for i in range(n):
                r = step(i)
                if r == "s":
                    strings += 1
                else:
                    total += r * 2
            return total, strings
        print(run(3000))
        """;

    [Fact]
    public void A_callee_that_comes_to_return_other_types_takes_the_untyped_continuation()
    {
        using var run = new JitRun(Widening, Options(returnVersioning: true));
        using var eager = new JitRun(Widening, JitRun.Eager() with { ReturnVersioning = true });
        Assert.Equal("(4748500.0, 500)\n", run.Stdout);
        Assert.Equal(run.Stdout, eager.Stdout);
        Assert.True(run.Jit.Read(run.Jit.TypedReturns) > 1900);
        Assert.True(run.Jit.Read(run.Jit.TypedReturnMisses) >= 1000); // the strings, then the ints
    }
}
