using Lbbv.Types;
using Lbbv.Versioning;

namespace Lbbv.Jit.Tests;

[Collection("vm")]
public sealed class VersioningTests
{
    private const string IntLoop = """
        def f(n):
            s = 0
            i = 0
            while i < n:
                s = s + i
                i = i + 1
            return s
        print(f(N))
        """;

    [Fact]
    public void Int_loop_with_known_types_tests_no_type_after_the_first_iteration()
    {
        using var small = new JitRun(IntLoop.Replace("N", "10"), JitRun.Eager());
        using var large = new JitRun(IntLoop.Replace("N", "100000"), JitRun.Eager());
        Assert.Equal("45\n", small.Stdout);
        Assert.Equal("4999950000\n", large.Stdout);
        // 99,990 more iterations, not one more dynamic type test.
        Assert.Equal(small.TypeTestsExecuted, large.TypeTestsExecuted);
        Assert.True(large.Jit.Read(large.Jit.BytecodesInCode) > 100000 * 8);
    }

    [Fact]
    public void Int_loop_runs_without_indirect_jumps_after_warmup()
    {
        using var small = new JitRun(IntLoop.Replace("N", "10"), JitRun.Eager());
        using var large = new JitRun(IntLoop.Replace("N", "100000"), JitRun.Eager());
        Assert.Equal(small.Jit.Read(small.Jit.IndirectJumps), large.Jit.Read(large.Jit.IndirectJumps));
    }

    // Keyword arguments keep the call out of the direct-call path: each call enters `add` from the
    // interpreter with the live argument types (a direct call would carry the caller's static types).
    private const string Polymorphic = """
        def add(a, b):
            return a + b
        for v in [1, 2.5, "s", [1], (1,), True, None]:
            try:
                print(add(a=v, b=v))
            except TypeError as e:
                print("TypeError")
        """;

    [Fact]
    public void Polymorphic_entry_creates_one_version_per_context_until_the_cap_then_their_join()
    {
        using var run = new JitRun(Polymorphic, JitRun.Eager(maxVersions: 4));
        Assert.Equal("2\n5.0\nss\n[1, 1]\n(1, 1)\n2\nTypeError\n", run.Stdout);
        var entry = run.VersionsOf("add", 0);
        Assert.Equal(5, entry.Count); // int, float, str, list, then the fallback for their join
        Assert.Equal(4, entry.Count(v => !v.IsGeneric));
        // The tuple's context matches none: the fallback keeps what every caller knew (both bound).
        var fallback = Assert.Single(entry, v => v.IsGeneric);
        Assert.Equal(AbstractType.Bound, fallback.Context.Get(0));
        Assert.Equal(AbstractType.Bound, fallback.Context.Get(1));
    }

    [Fact]
    public void Max_versions_one_compiles_only_generic_versions()
    {
        using var run = new JitRun(Polymorphic, JitRun.Eager(maxVersions: 1));
        Assert.Equal("2\n5.0\nss\n[1, 1]\n(1, 1)\n2\nTypeError\n", run.Stdout);
        var all = run.Tier.Codes.SelectMany(c => c.Blocks).SelectMany(b => b.Value).ToList();
        Assert.NotEmpty(all);
        Assert.All(all, v => Assert.True(v.Context.IsGeneric));
    }

    [Fact]
    public void Versioning_removes_dynamic_type_tests_compared_to_one_version_per_block()
    {
        string source = IntLoop.Replace("N", "20000");
        using var versioned = new JitRun(source, JitRun.Eager(4));
        using var generic = new JitRun(source, JitRun.Eager(1));
        Assert.Equal(versioned.Stdout, generic.Stdout);
        Assert.True(versioned.TypeTestsExecuted * 10 < generic.TypeTestsExecuted,
            $"versioned {versioned.TypeTestsExecuted}, generic {generic.TypeTestsExecuted}");
    }

    [Fact]
    public void Int_overflow_takes_the_big_integer_path()
    {
        using var run = new JitRun("""
            def f(n):
                r = 1
                for i in range(2, n + 1):
                    r = r * i
                return r
            print(f(30))
            """, JitRun.Eager());
        Assert.Equal("265252859812191058636308480000000\n", run.Stdout);
    }

    private const string TruthyListItem = """
        def f(xs, n):
            t = 0
            i = 0
            while i < n:
                k = xs[i % 3]
                if k:
                    t = t + k * k
                i = i + 1
            return t
        print(f([1, 2, 3], N))
        """;

    [Fact]
    public void A_truth_test_on_a_local_types_the_local_for_the_code_after_it()
    {
        // `if k:` on an untyped list item tests k once; the version after the test knows the
        // local k (not just the stack copy the test consumed), so `k * k` tests nothing more.
        using var small = new JitRun(TruthyListItem.Replace("N", "3000"), JitRun.Eager());
        using var large = new JitRun(TruthyListItem.Replace("N", "30000"), JitRun.Eager());
        Assert.Equal("14000\n", small.Stdout);
        Assert.Equal("140000\n", large.Stdout);
        long perIteration = (large.TypeTestsExecuted - small.TypeTestsExecuted) / 27000;
        Assert.Equal(1, perIteration);
    }

    [Fact]
    public void A_big_integer_operand_does_not_chain_int_guesses_again_and_again()
    {
        // x outgrows a machine int after 40 iterations; the versions compiled for a big x
        // must not guess int for it again (each guess would fail and chain one more version).
        using var run = new JitRun("""
            def f(n):
                x = 1
                s = 0
                for i in range(n):
                    x = x * 3 + i
                    s = s + x % 7
                return s
            print(f(300))
            """, JitRun.Eager());
        Assert.Equal("898\n", run.Stdout);
        var blocks = run.Tier.Codes.First(c => c.Code.Code.QualName == "f").Blocks.ToList();
        // Per block and proven iterators: the loop header also has the version its GetIter entered,
        // before the back-edge proved the range iterator (ProvenIterators).
        Assert.All(blocks, b => Assert.True(b.Value.GroupBy(v => v.Iterators).Max(g => g.Count()) <= 2,
            $"block @{b.Key} has {b.Value.Count} versions"));
        Assert.True(run.Stats.ChainCompiles <= 5, $"{run.Stats.ChainCompiles} chain compiles");
    }

    private const string ThreeClassesOneMethod = """
        class Base:
            def __init__(self, v):
                self.v = v
            def get(self):
                return self.v
        class A(Base): pass
        class B(Base): pass
        class C(Base): pass
        def total(objs, n):
            t = 0
            for i in range(n):
                o = objs[i % 3]
                t += o.get() + o.v
                o.v = o.v
            return t
        print(total([A(1), B(2), C(3)], N))
        """;

    [Fact]
    public void A_site_whose_classes_share_the_slot_or_method_checks_the_class_set_without_chaining()
    {
        // Compiled after the interpreter's caches saw all three classes (default thresholds): one
        // class-set check per site (method load, slot load, slot store), no chain versions and no
        // indirect jump per iteration.
        var options = new LbbvOptions { CountInCode = true };
        using var small = new JitRun(ThreeClassesOneMethod.Replace("N", "300"), options);
        using var large = new JitRun(ThreeClassesOneMethod.Replace("N", "3000"), options);
        Assert.Equal("1200\n", small.Stdout);
        Assert.Equal("12000\n", large.Stdout);
        Assert.Equal(0, large.Stats.ChainCompiles);
        Assert.Equal(small.Jit.Read(small.Jit.IndirectJumps), large.Jit.Read(large.Jit.IndirectJumps));
        Assert.Single(large.VersionsOf("Base.get", 0));
    }

    [Fact]
    public void Exception_inside_jitted_code_reaches_the_handler_with_the_frame_intact()
    {
        using var run = new JitRun("""
            def f(xs):
                total = 0
                for x in xs:
                    try:
                        total = total + 10 // x
                    except ZeroDivisionError:
                        total = total + 1000
                return total
            print(f([1, 2, 0, 5]))
            """, JitRun.Eager());
        Assert.Equal("1017\n", run.Stdout);
    }
}

[CollectionDefinition("vm", DisableParallelization = true)]
public sealed class VmCollection;
