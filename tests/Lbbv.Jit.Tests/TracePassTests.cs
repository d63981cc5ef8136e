using Lbbv.Bytecode;
using Lbbv.Tracing;
using Lbbv.Tracing.Ir;

namespace Lbbv.Jit.Tests;

/// <summary>Each trace optimization pass on a program that needs it: what it removes or rewrites,
/// its counter, and that the result still prints what the interpreter prints.</summary>
[Collection("vm")]
public sealed class TracePassTests
{
    private static CompiledTrace MainLoop(TraceRun run) => run.LoopTraces.Single(t => t.Ir.Code.Name == "main");

    [Fact]
    public void A_monomorphic_int_loop_runs_no_type_test_in_its_peeled_body()
    {
        long TypeTests(int n)
        {
            using var run = new TraceRun($$"""
                def main(n):
                    i = 0
                    s = 0
                    while i < n:
                        s = s + i * 2
                        i = i + 1
                    print(s)
                main({{n}})
                """);
            var trace = MainLoop(run);
            Assert.Equal(1, trace.Entries);
            Assert.Contains(trace.Ir.Ops, o => o.Kind == TraceOpKind.LoopStart);
            return run.Read(trace.TypeTests);
        }
        // The preamble's tests run once per entry; 100x the iterations, not one test more.
        long few = TypeTests(1_000), many = TypeTests(100_000);
        Assert.True(few > 0);
        Assert.Equal(few, many);
    }

    [Fact]
    public void Without_peeling_the_same_loop_tests_types_at_every_iteration()
    {
        using var run = new TraceRun("""
            def main(n):
                i = 0
                s = 0
                while i < n:
                    s = s + i * 2
                    i = i + 1
                print(s)
            main(10000)
            """, TraceRun.Counting() with { Optimize = false });
        Assert.True(run.Read(MainLoop(run).TypeTests) >= 10_000);
    }

    [Fact]
    public void Type_propagation_drops_guards_on_values_already_guarded()
    {
        using var run = new TraceRun("""
            def main():
                s = 0.0
                for i in range(1000):
                    x = i * 0.5
                    s = s + x * x - x
                print(s)
            main()
            """);
        Assert.Equal("82958625.0\n", run.Stdout);
        var ops = MainLoop(run).Ir.Ops;
        var removed = ops.Where(o => o.Kind == TraceOpKind.Guard && o.RemovedBy == "type_propagation").ToList();
        Assert.NotEmpty(removed);
        Assert.True(run.Stats.GuardsRemoved["type_propagation"] >= removed.Count);
    }

    [Fact]
    public void Constant_folding_computes_what_an_inlined_call_with_constant_arguments_computes()
    {
        using var run = new TraceRun("""
            def scale(a, k):
                b = a * k
                return b + 1

            def main():
                s = 0
                for i in range(1000):
                    s = s + scale(5, 3) + i
                print(s)
            main()
            """);
        Assert.Equal("515500\n", run.Stdout);
        var folded = MainLoop(run).Ir.Ops.Where(o => o.FoldedConstant.HasValue).ToList();
        Assert.Contains(folded, o => o.Op == Opcode.BinaryOp && o.FoldedConstant!.Value.Payload == 16);
        Assert.True(run.Stats.PassEffects["ops_folded"] >= folded.Count);
    }

    [Fact]
    public void Redundant_load_elimination_reuses_an_attribute_stored_in_a_local()
    {
        using var run = new TraceRun("""
            class P:
                def __init__(self):
                    self.x = 2

            def main():
                p = P()
                s = 0
                for i in range(1000):
                    a = p.x
                    s = s + a * p.x
                print(s)
            main()
            """);
        Assert.Equal("4000\n", run.Stdout);
        var reused = MainLoop(run).Ir.Ops.Where(o => o.ReuseLocal >= 0).ToList();
        Assert.NotEmpty(reused);
        Assert.All(reused, o => Assert.Equal(Opcode.LoadAttr, o.Op));
        Assert.True(run.Stats.PassEffects["loads_eliminated"] >= reused.Count);
    }

    [Fact]
    public void A_call_between_two_loads_keeps_the_second()
    {
        using var run = new TraceRun("""
            class P:
                def __init__(self):
                    self.x = 2

            def bump(p):
                p.x = p.x + 1

            def main():
                p = P()
                s = 0
                for i in range(100):
                    a = p.x
                    bump(p)
                    s = s + a * p.x
                print(s)
            main()
            """);
        Assert.Equal("353700\n", run.Stdout);
        Assert.DoesNotContain(MainLoop(run).Ir.Ops, o => o.ReuseLocal >= 0);
    }
}
