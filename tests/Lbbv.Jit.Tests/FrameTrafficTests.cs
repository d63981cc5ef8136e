namespace Lbbv.Jit.Tests;

/// <summary>Executed frame slot loads and stores (`--count-frame-traffic`, docs/JIT-CORE.md): machine
/// code counts the frame accesses of every stencil it runs, in both JITs.</summary>
[Collection("vm")]
public sealed class FrameTrafficTests
{
    private const string CountingLoop = """
        def f(n):
            i = 0
            s = 0
            while i < n:
                s += i
                i += 1
            return s
        print(f(20000))
        """;

    private static (long Loads, long Stores, long LoadsEmitted) Read(IEnumerable<KeyValuePair<string, long>> counters,
        string prefix)
    {
        var all = counters.ToDictionary(c => c.Key, c => c.Value);
        return (all[$"{prefix}regcache_frame_loads_executed"], all[$"{prefix}regcache_frame_stores_executed"],
            all[$"{prefix}regcache_frame_loads_emitted"]);
    }

    [Fact]
    public void Lbbv_counts_one_frame_load_per_iteration_of_a_loop_whose_locals_stay_in_registers()
    {
        using var run = new JitRun(CountingLoop, JitRun.Eager() with { CountInCode = true, CountFrameTraffic = true });
        Assert.Equal("199990000\n", run.Stdout);
        var (loads, stores, emitted) = Read(run.Jit.RegisterCache.Counters("lbbv_"), "lbbv_");
        // Each iteration reads n's slot in its compare and nothing else: i and s stay in r14 and r15
        // (the code before and after the loop adds a few dozen).
        Assert.InRange(loads, 20000, 20100);
        Assert.InRange(stores, 1, 100);
        Assert.True(emitted > 0);
    }

    [Fact]
    public void The_tracer_counts_the_frame_traffic_of_its_loop()
    {
        using var run = new TraceRun(CountingLoop,
            TraceRun.Counting() with { CountFrameTraffic = true, LoopRegisters = true });
        Assert.Equal("199990000\n", run.Stdout);
        var (loads, stores, _) = Read(run.Jit.RegisterCache.Counters("trace_"), "trace_");
        Assert.InRange(loads, 19900, 20100); // the recording's iterations ran in the interpreter
        Assert.InRange(stores, 1, 100);
    }

    [Fact]
    public void A_loop_that_calls_a_helper_counts_its_locals_traffic_every_iteration()
    {
        using var run = new JitRun("""
            def f(n):
                i = 0
                s = ""
                while i < n:
                    s = str(i)
                    i += 1
                return s
            print(f(3000))
            """, JitRun.Eager() with { CountInCode = true, CountFrameTraffic = true });
        Assert.Equal("2999\n", run.Stdout);
        var (loads, stores, _) = Read(run.Jit.RegisterCache.Counters("lbbv_"), "lbbv_");
        // Not a loop whose locals stay cached (a call): i is stored and loaded through the frame.
        Assert.True(loads > 2 * 3000, $"{loads}");
        Assert.True(stores > 3000, $"{stores}");
    }
}
