namespace Lbbv.Jit.Tests;

/// <summary>Short-lived objects machine code allocates itself (AllocationStencils): a loop entered
/// 990 times more costs no more helper calls, and allocates exactly one cell of the object's size
/// class per entry (a loop's own range or list iterator, an instance, a list slice), counted as the
/// runtime counts it.</summary>
[Collection("vm")]
public sealed class ShortLivedObjectTests
{
    private const string RangeLoops = """
        def f(n):
            s = 0
            for k in range(n):
                for j in range(k, k + 3):
                    s += j
            return s
        print(f(N))
        """;

    private const string ListLoops = """
        def f(n, xs):
            s = 0
            for k in range(n):
                for x in xs:
                    s += x
            return s
        print(f(N, [1, 2, 3]))
        """;

    private const string Instances = """
        class P:
            def __init__(self, v):
                self.v = v
        def f(n):
            s = 0
            for k in range(n):
                s += P(k).v
            return s
        print(f(N))
        """;

    private const string Slices = """
        def f(n, xs):
            s = 0
            for k in range(n):
                whole = xs[:]
                middle = xs[1:-1]
                s += whole[k % 4] + middle[1]
            return s
        print(f(N, [1, 2, 3, 4]))
        """;

    // Default thresholds (30): the loops are compiled after the interpreter ran the first entries (so
    // the class has its slot); the runs of 100 and 1,090 entries differ by 990 entries in machine code.
    // Cells: range iterator 48 bytes (40 rounded up), list iterator 32, instance of one slot 32 + 16,
    // lists of 4 and 2 items 48 + 64 and 48 + 32.
    [Theory]
    [InlineData(RangeLoops, "15150\n", 48)]
    [InlineData(ListLoops, "600\n", 32)]
    [InlineData(Instances, "4950\n", 48)]
    [InlineData(Slices, "550\n", 112 + 80)]
    public void Each_loop_entry_allocates_one_cell_without_a_helper_call(string program, string small, int bytesPerEntry)
    {
        var options = JitRun.Eager() with { CallThreshold = 30, LoopThreshold = 30 };
        using var few = new JitRun(program.Replace("N", "100"), options);
        using var many = new JitRun(program.Replace("N", "1090"), options);
        Assert.Equal(small, few.Stdout);
        // 990 more entries make no helper call each; the heap's free lists may run dry a few times on
        // the way (a refill is the allocation helper), depending on what earlier runs left in the heap:
        // a size class new to the heap is carved a page, then twice as much, at a time (NativeHeap.Carve),
        // so its refills grow with the log of the bytes allocated, for each of an entry's one or two cells.
        int refills = 2 * (2 + (int)Math.Log2(990.0 * bytesPerEntry / 4096));
        Assert.InRange(many.Jit.Read(many.Jit.HelperCalls) - few.Jit.Read(few.Jit.HelperCalls), 0, refills);
        Assert.Equal(few.BytesAllocated + 990L * bytesPerEntry, many.BytesAllocated);
        long emitted = many.Jit.InlineRangeIteratorsEmitted + many.Jit.InlineListIteratorsEmitted
            + many.Jit.InlineInstancesEmitted + many.Jit.InlineListSlicesEmitted;
        Assert.True(emitted > 0);
    }

    [Fact]
    public void Each_kind_is_counted_where_it_is_emitted()
    {
        var options = JitRun.Eager() with { CallThreshold = 30, LoopThreshold = 30 };
        using var range = new JitRun(RangeLoops.Replace("N", "100"), options);
        using var list = new JitRun(ListLoops.Replace("N", "100"), options);
        using var instance = new JitRun(Instances.Replace("N", "100"), options);
        using var slice = new JitRun(Slices.Replace("N", "100"), options);
        Assert.True(range.Jit.InlineRangeIteratorsEmitted >= 1);
        Assert.Equal(0, instance.Jit.InlineListSlicesEmitted);
        Assert.True(list.Jit.InlineListIteratorsEmitted >= 1);
        Assert.True(instance.Jit.InlineInstancesEmitted >= 1);
        Assert.Equal(2, slice.Jit.InlineListSlicesEmitted);
    }

    [Fact]
    public void A_loop_that_only_makes_range_iterators_never_needs_a_collection()
    {
        // 3,000,000 loop entries of 48 bytes each: 144 MB allocated, but every iterator is freed
        // when its loop ends, so the heap stays small and no collection is due.
        using var run = new JitRun(RangeLoops.Replace("N", "3000000"), JitRun.Eager());
        Assert.Equal("13500004500000\n", run.Stdout);
        Assert.True(run.BytesAllocated > 144_000_000);
        Assert.Equal(0, run.Collections);
    }
}
