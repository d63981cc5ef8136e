using Lbbv.Tests;
using Lbbv.Tracing.Ir;
using Lbbv.Tracing.Recording;

namespace Lbbv.Jit.Tests;

/// <summary>Function-entry traces: a function called hot is traced from its entry, and its calls (from
/// the interpreter and from calls a trace leaves to the interpreter) run the trace. In the "vm"
/// collection: not in parallel with the tests of the other tier (one tier is installed at a time).</summary>
[Collection("vm")]
public sealed class TraceEntryTests
{
    private const string Recursive = """
        def fib(n):
            if n < 2:
                return n
            return fib(n - 1) + fib(n - 2)
        print(fib(20))
        """;

    [Fact]
    public void A_recursive_function_without_loops_runs_its_entry_trace_at_its_calls()
    {
        using var run = new TraceRun(Recursive, TraceRun.Counting() with { DirectCalls = false });
        Assert.Equal("6765\n", run.Stdout);
        Assert.Empty(run.LoopTraces);
        // Exits inside the inlined recursive calls get fib retraced with them left to the
        // interpreter's call (which enters the trace again): one entry trace is left in use.
        var entry = Assert.Single(run.EntryTraces, t => !t.Invalidated);
        Assert.Null(entry.Ir.Target); // ends in fib's return
        Assert.Equal(run.EntryTraces.Count, run.Stats.EntryTracesCompiled);
        // fib(20) makes 21,891 calls; all but those before the traces and during recordings run one.
        Assert.InRange(run.Stats.EntryTraceRuns, 21_000, 21_891);
        Assert.Equal(run.Stats.EntryTraceRuns, run.EntryTraces.Sum(t => t.Entries));
        Assert.True(entry.Entries > 20_000);
        Assert.Equal(0, run.Read(run.Jit.DirectCalls));
    }

    [Fact]
    public void A_trace_calls_an_entry_trace_directly_instead_of_through_the_interpreter()
    {
        using var run = new TraceRun(Recursive);
        Assert.Equal("6765\n", run.Stdout);
        // The recursive calls left residual in fib's trace enter its entry trace from machine code
        // (through the function's call slot); only the outermost calls come from the interpreter.
        Assert.True(run.Read(run.Jit.DirectCalls) > 20_000);
        Assert.InRange(run.Stats.EntryTraceRuns, 1, 1_000);
        Assert.InRange(run.Jit.StubHits, 1, 100);
    }

    [Fact]
    public void Without_entry_traces_a_function_without_loops_stays_in_the_interpreter()
    {
        using var run = new TraceRun(Recursive, TraceRun.Counting() with { TraceFunctionEntries = false });
        Assert.Equal("6765\n", run.Stdout);
        Assert.Empty(run.Tier.Traces);
        Assert.Equal(0, run.Stats.EntryTraceRuns);
    }

    [Fact]
    public void An_entry_trace_ends_by_jumping_into_its_functions_loop_trace()
    {
        using var run = new TraceRun("""
            def total(xs, k):
                s = k * 2
                for x in xs:
                    s += x
                return s

            xs = list(range(10))
            r = 0
            for i in range(3000):
                r += total(xs, i)
            print(r)
            """, TraceRun.Counting() with { MaxInlineDepth = 0, DirectCalls = false }); // the module loop's trace calls total
        Assert.Equal("9132000\n", run.Stdout);
        var entry = Assert.Single(run.EntryTraces);
        Assert.NotNull(entry.Ir.Target);
        Assert.Equal("total", entry.Ir.Target!.Code.Name);
        Assert.Contains(run.LoopTraces, t => t.Ir.Loop == entry.Ir.Target);
        Assert.True(entry.Entries > 2_500);
    }

    [Fact]
    public void A_bridge_from_a_declined_fast_path_runs_that_op_unspecialized_and_stops_exiting()
    {
        // Every other call of area overflows int64 in its multiplication (the fast path declines).
        using var run = new TraceRun("""
            class Sq:
                def __init__(self, s):
                    self.s = s
                def area(self):
                    return self.s * self.s
            shapes = [Sq(3), Sq(2 ** 40)]
            t = 0
            for i in range(20000):
                t += shapes[i % 2].area()
            print(t)
            """, TraceRun.Counting() with { MaxInlineDepth = 0 });
        Assert.Equal("12089258196146291747061850000\n", run.Stdout);
        Assert.Single(run.EntryTraces, t => t.Ir.Code.Name == "Sq.area");
        // One bridge from the declined exit; with the fast path in it, it declined too and grew a
        // bridge of its own every 20 failures (about 500).
        var declined = Assert.Single(run.Bridges, b => b.FromExit!.Kind == Tracing.Ir.SideExitKind.Declined);
        Assert.True(run.Read(declined.FromExit!.Failures) > 9_000);
        Assert.InRange(run.Stats.SideExitsTaken[(int)Tracing.Ir.SideExitKind.Declined], 1, 25);
    }

    [Fact]
    public void An_exit_at_a_short_circuit_before_the_return_grows_a_bridge_that_only_returns()
    {
        // pick's trace is recorded while a is 0 (`a or b` goes on to b); once a is 1, JumpIfTrueOrPop
        // leaves for the ReturnValue itself. The bridge is that one op: before a bridge could start
        // at its frame's return, its recording aborted (left_frame) and every such call left the trace.
        using var run = new TraceRun("""
            def pick(a, b):
                return a or b
            t = 0
            for i in range(20000):
                t += pick(i // 100 % 2, 3)
            print(t)
            """, TraceRun.Counting() with { MaxInlineDepth = 0 });
        Assert.Equal("40000\n", run.Stdout);
        Assert.Equal(0, run.Stats.Aborts[(int)AbortReason.LeftFrame]);
        Assert.Contains(run.Bridges, b => b.Ir.Ops.Count(o => o.Kind == TraceOpKind.Op) == 1 && b.Ir.EndsInReturn);
        Assert.InRange(run.Tier.Traces.SelectMany(t => t.Exits).Sum(e => e.Taken), 1, 100);
    }
    [Fact]
    public void A_slot_into_a_discarded_loop_trace_is_linked_to_the_loops_new_trace()
    {
        // bench/extra/order_records.py with 30 rounds: order_total's entry trace ends by jumping into
        // its loop trace's body, which was discarded and recorded again (a hot exit inside an inlined
        // call) after the entry trace was compiled. Its stub used to leave to the interpreter at the
        // header at every call (11,837 stub hits); now it enters the new trace (and stays linked).
        string program = File.ReadAllText(Path.Combine(RepoPaths.Root, "bench", "extra", "order_records.py"));
        Assert.Contains("for rnd in range(300):", program);
        using var run = new TraceRun(program.Replace("for rnd in range(300):", "for rnd in range(30):"));
        Assert.StartsWith("17817654\n", run.Stdout);
        Assert.True(run.Stats.Retraces >= 1);
        Assert.InRange(run.Jit.StubHits, 1, 200);
    }
}
