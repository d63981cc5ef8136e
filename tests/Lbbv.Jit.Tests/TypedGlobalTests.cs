using Lbbv.Versioning;

namespace Lbbv.Jit.Tests;

/// <summary>Typed module globals (docs/LBBV.md): a rebound global whose record holds one kind of value
/// (a module-level loop variable or accumulator) loads typed with no test; rebinding it to another
/// kind, deleting it or growing it past 64 bits still gives the interpreter's answers.</summary>
[Collection("vm")]
public sealed class TypedGlobalTests
{
    private const string Loop = """
        total = 0
        for i in range(20000):
            total += i * 3
            if total > 1000003:
                total -= 1000003
        print(total)
        """;

    [Fact]
    public void A_module_loop_loads_its_rebound_int_globals_with_no_type_test()
    {
        using var run = new JitRun(Loop, new LbbvOptions { CountInCode = true });
        Assert.Equal("968203\n", run.Stdout);
        // Typed by the record, or by the same code's store of the global (`total` after `total += ...`).
        long typed = run.Jit.Read(run.Jit.TypedGlobalLoads) + run.Jit.Read(run.Jit.ProvedGlobalLoads);
        Assert.True(typed > 3 * 19000, $"{typed} typed global loads"); // `i`, `total` (twice) every iteration
        // Read through their cells, each load ran an unbound test and its use an int guard: ~120,000 tests.
        Assert.True(run.TypeTestsExecuted < 1000, $"{run.TypeTestsExecuted} type tests");
    }

    [Fact]
    public void The_tracer_types_the_same_loads_through_the_shared_lowering()
    {
        using var run = new TraceRun(Loop);
        Assert.Equal("968203\n", run.Stdout);
        Assert.True(run.Read(run.Jit.TypedGlobalLoads) + run.Read(run.Jit.ProvedGlobalLoads) > 3 * 19000);
    }

    private const string Rebind = """
        def widen(v):
            global k
            k = v
        k = 1
        n = 0
        f = 0.0
        s = 0
        for i in range(10000):
            if i == 5000:
                widen(1.5)
            if i == 8000:
                globals()["k"] = "ab"
            if i == 9000:
                del k
                k = 10 ** 30
            if isinstance(k, str):
                s += len(k)
            elif isinstance(k, float):
                f += i * k
            else:
                n += i * k
        print(n, f, s)
        """;

    [Fact]
    public void A_global_rebound_to_another_kind_mid_loop_gives_the_interpreters_answer()
    {
        using var run = new JitRun(Rebind, new LbbvOptions { CountInCode = true });
        using var eager = new JitRun(Rebind, JitRun.Eager());
        const string expected = "9499500000000000000000000000012497500 29247750.0 2000\n";
        Assert.Equal(expected, run.Stdout);
        Assert.Equal(expected, eager.Stdout);
        Assert.True(run.Jit.Read(run.Jit.TypedGlobalLoads) > 4000); // typed while k held ints
    }
}
