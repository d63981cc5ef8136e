using Lbbv.Versioning;

namespace Lbbv.Jit.Tests;

/// <summary>Typed closure cells (docs/LBBV.md): a free variable whose cells only ever held one kind of
/// value loads typed with no test; a rebinding to another kind, a cell found empty and cells of several
/// frames holding different kinds still give the interpreter's answers.</summary>
[Collection("vm")]
public sealed class TypedCellTests
{
    private const string Loop = """
        def make(limit):
            step = 3
            def run(n):
                s = 0
                for i in range(n):
                    s += i * step
                    if s > limit:
                        s -= limit
                return s
            return run
        print(make(1000003)(20000))
        """;

    [Fact]
    public void A_closure_loop_loads_its_free_variables_with_no_type_test()
    {
        using var run = new JitRun(Loop, new LbbvOptions { CountInCode = true });
        Assert.Equal("968203\n", run.Stdout);
        long typed = run.Jit.Read(run.Jit.TypedDerefLoads);
        Assert.True(typed > 2 * 19000, $"{typed} typed cell loads"); // `step` and `limit` every iteration
        // Untyped, each load ran an unbound test and its use an int guard: ~80,000 tests.
        Assert.True(run.TypeTestsExecuted < 1000, $"{run.TypeTestsExecuted} type tests");
    }

    [Fact]
    public void The_tracer_types_the_same_loads_through_the_shared_lowering()
    {
        using var run = new TraceRun(Loop);
        Assert.Equal("968203\n", run.Stdout);
        long typed = run.Read(run.Jit.TypedDerefLoads);
        Assert.True(typed > 2 * 19000, $"{typed} typed cell loads");
    }

    private const string Rebind = """
        def phases():
            k = 1
            def bump(i):
                nonlocal k
                if i == 5000:
                    k = 1.5
                if i == 8000:
                    k = "ab"
            def run():
                out = 0
                for i in range(10000):
                    bump(i)
                    if isinstance(k, str):
                        out += len(k)
                    else:
                        out += i * k
                return out
            return run()
        print(phases())
        """;

    [Fact]
    public void A_cell_rebound_to_another_type_mid_loop_gives_the_interpreters_answer()
    {
        using var run = new JitRun(Rebind, new LbbvOptions { CountInCode = true });
        using var eager = new JitRun(Rebind, JitRun.Eager());
        const string expected = "41749250.0\n";
        Assert.Equal(expected, run.Stdout);
        Assert.Equal(expected, eager.Stdout);
        Assert.True(run.Jit.Read(run.Jit.TypedDerefLoads) > 4000); // typed while k held ints
    }

    private const string Unbound = """
        def outer():
            def inner():
                return v + 1
            got = []
            for attempt in range(40):
                try:
                    got.append(inner())
                except NameError as e:
                    got.append(str(e))
                v = attempt
            return got[0], got[-1]
        print(outer())
        """;

    [Fact]
    public void A_cell_captured_empty_keeps_its_unbound_test()
    {
        using var eager = new JitRun(Unbound, JitRun.Eager());
        const string message =
            "cannot access free variable 'v' where it is not associated with a value in enclosing scope";
        Assert.Equal($"(\"{message}\", 39)\n", eager.Stdout);
    }
}
