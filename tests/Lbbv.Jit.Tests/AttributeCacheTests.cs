using Lbbv.Bytecode;
using Lbbv.Versioning;

namespace Lbbv.Jit.Tests;

/// <summary>Attribute types proved within a version and polymorphic inline caches (docs/LBBV.md,
/// "Attribute types and polymorphic caches"): a second load of an attribute whose first load was
/// tested runs no test; a site that sees more classes than the version cap runs no helper.</summary>
[Collection("vm")]
public sealed class AttributeCacheTests
{
    // v's slot holds ints and floats (its typed shape says nothing): the first load is tested.
    private const string Square = """
        class Box:
            def __init__(self, v):
                self.v = v
        def square(b):
            return b.v * b.v + b.v
        def run(boxes):
            t = 0
            for r in range(20):
                for i in range(100):
                    t += square(boxes[i])
            return t
        boxes = [Box(i) for i in range(100)] + [Box(0.5)]
        print(run(boxes), square(boxes[100]))
        """;

    [Fact]
    public void A_second_load_of_a_tested_attribute_runs_no_type_test()
    {
        using var run = new JitRun(Square, JitRun.Eager());
        Assert.Equal("6666000 0.75\n", run.Stdout);
        long proved = run.Jit.Read(run.Jit.ProvedAttributeLoads);
        Assert.True(proved >= 1900, $"{proved} attribute loads typed by an earlier test");
        // Per call: the loop's two and square's two (`b.v * b.v` tests both operands; the third
        // load is typed by that test): five before.
        long tests = run.TypeTestsExecuted;
        Assert.True(tests <= 4 * 2000 + 100, $"{tests} type tests for 2000 calls");
    }

    // Three classes with their own method and the attribute in different slots, at a cap of two
    // versions: the first two classes get a version each, the third reaches the version at the cap.
    private const string ThreeClasses = """
        class A:
            def __init__(self):
                self.x = 1
            def f(self):
                return 1
        class B:
            def __init__(self):
                self.pad = 0
                self.x = 2
            def f(self):
                return 2
        class C:
            def __init__(self):
                self.pad = self.pad2 = 0
                self.x = 3
            def f(self):
                return 3
        def run(objs):
            s = 0
            for i in range(3000):
                o = objs[i % 3]
                s += o.f() + o.x
            return s
        print(run([A(), B(), C()]))
        """;

    [Fact]
    public void A_site_with_three_classes_past_the_cap_runs_no_helper_call()
    {
        using var run = new JitRun(ThreeClasses, JitRun.Eager(maxVersions: 2));
        Assert.Equal("12000\n", run.Stdout);
        var byOp = run.Jit.HelperCallsByOp;
        Assert.Equal(0, byOp[(int)Opcode.LoadAttr]);
        Assert.Equal(0, byOp[(int)Opcode.LoadMethod]);
        Assert.Equal(0, byOp[(int)Opcode.CallMethod]);
        Assert.True(run.Jit.Read(run.Jit.PolymorphicCacheHits) >= 900);
        Assert.True(run.Jit.PolymorphicCachesEmitted >= 1);
    }

    [Fact]
    public void Without_versioning_there_is_no_cache()
    {
        using var run = new JitRun(ThreeClasses, JitRun.Eager(maxVersions: 1));
        Assert.Equal("12000\n", run.Stdout);
        Assert.Equal(0, run.Jit.PolymorphicCachesEmitted);
    }

    // The method at a cached site is rebound, then the class changes again and again: each stale
    // cache is compiled anew a few times, then the op runs without a cache, and every answer is right.
    private const string Rebinding = """
        class A:
            def f(self):
                return 1
        class B(A):
            def f(self):
                return 2
        class C(A):
            pass
        def g(self):
            return 10
        def run(objs, n):
            s = 0
            for i in range(n):
                s += objs[i % 3].f()
            return s
        objs = [A(), B(), C()]
        out = [run(objs, 300)]
        for k in range(12):
            C.f = g if k % 2 == 0 else A.f
            out.append(run(objs, 300))
        print(out)
        """;

    [Fact]
    public void A_method_rebound_after_compilation_is_found_at_a_cached_site()
    {
        using var run = new JitRun(Rebinding, JitRun.Eager(maxVersions: 2));
        Assert.Equal("[400, 1300, 400, 1300, 400, 1300, 400, 1300, 400, 1300, 400, 1300, 400]\n", run.Stdout);
        Assert.True(run.Jit.PolymorphicCachesEmitted >= 1);
    }
}
