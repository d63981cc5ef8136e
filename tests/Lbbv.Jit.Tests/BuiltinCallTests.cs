namespace Lbbv.Jit.Tests;

/// <summary>Calls of builtin functions that machine code makes without the runtime's call.</summary>
[Collection("vm")]
public sealed class BuiltinCallTests
{
    private const string Roots = """
        from math import sqrt, sin
        def f(n):
            s = 0.0
            for i in range(n):
                s += sqrt(i) + sin(i * 0.5)
            return s
        print(f(N))
        """;

    [Fact]
    public void Math_functions_of_a_number_call_libm_directly_with_no_helper()
    {
        using var small = new JitRun(Roots.Replace("N", "10"), JitRun.Eager());
        using var large = new JitRun(Roots.Replace("N", "1000"), JitRun.Eager());
        Assert.Equal(0, large.Status);
        // 990 more iterations of two calls each, not one more helper call.
        Assert.Equal(small.Jit.Read(small.Jit.HelperCalls), large.Jit.Read(large.Jit.HelperCalls));
        string listing = Listings.Of(Roots.Replace("N", "10"));
        // Two per version of the loop's body: the first iteration's and the back edge's, which knows the
        // class version checked (docs/LBBV.md, "The class version checked across block edges").
        Assert.Equal(4, listing.Split('\n').Count(l => l == ";   Float.CallUnary"));
    }

    [Fact]
    public void Builtins_imported_into_globals_are_called_with_no_test_of_the_global_or_its_identity()
    {
        using var small = new JitRun(Roots.Replace("N", "10"), JitRun.Eager());
        using var large = new JitRun(Roots.Replace("N", "1000"), JitRun.Eager());
        Assert.Equal(0, large.Status);
        // 990 more iterations, no type test: none for the globals `sqrt` and `sin` being bound or
        // being those builtins (four per iteration before), none on their results (typed Float by
        // the builtin), none for the range iterator (proven by the loop's first ForIter).
        long perIteration = (large.Jit.Read(large.Jit.TypeTestsExecuted) - small.Jit.Read(small.Jit.TypeTestsExecuted)) / 990;
        Assert.Equal(0, perIteration);
        var body = Listings.HotStencils(Listings.Of(Roots.Replace("N", "10")), "f @8");
        Assert.DoesNotContain("Guard.NotEmpty", body);
        Assert.DoesNotContain("Guard.ObjectIs", body);
    }

    [Fact]
    public void A_module_s_builtin_function_is_a_constant_and_its_call_is_typed()
    {
        string program = Roots.Replace("from math import sqrt, sin", "import math")
            .Replace("sqrt(i) + sin(i * 0.5)", "math.sqrt(i) + math.sin(i * 0.5)");
        using var small = new JitRun(program.Replace("N", "10"), JitRun.Eager());
        using var large = new JitRun(program.Replace("N", "1000"), JitRun.Eager());
        Assert.Equal(0, large.Status);
        // No type test per iteration: `math.sqrt` is not looked up (no helper), not checked to be
        // that function, and its result is typed Float (one test each before).
        long perIteration = (large.Jit.Read(large.Jit.TypeTestsExecuted) - small.Jit.Read(small.Jit.TypeTestsExecuted)) / 990;
        Assert.Equal(0, perIteration);
        Assert.Equal(small.Jit.Read(small.Jit.HelperCalls), large.Jit.Read(large.Jit.HelperCalls));
        string listing = Listings.Of(program.Replace("N", "10"));
        // Two per version of the loop's body: the first iteration's and the back edge's, which knows the
        // class version checked (docs/LBBV.md, "The class version checked across block edges").
        Assert.Equal(4, listing.Split('\n').Count(l => l == ";   Float.CallUnary"));
    }

    [Fact]
    public void A_math_domain_error_raises_from_the_slow_path_as_in_the_module()
    {
        using var run = new JitRun("""
            import math
            def f(xs):
                out = []
                for x in xs:
                    try:
                        out.append(math.sqrt(x))
                    except ValueError as e:
                        out.append(str(e))
                return out
            print(f([4.0, -1.0, 9, float("inf")]))
            """, JitRun.Eager());
        Assert.Equal("[2.0, 'math domain error', 3.0, inf]\n", run.Stdout);
    }
}
