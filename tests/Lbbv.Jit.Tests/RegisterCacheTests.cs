namespace Lbbv.Jit.Tests;

/// <summary>The register cache (docs/JIT-CORE.md): float intermediates stay in xmm8–xmm11 between
/// the stencils of one expression, and are written to the frame only when they leave the cache.</summary>
[Collection("vm")]
public sealed class RegisterCacheTests
{
    /// <summary>Every stencil of the listing, in order (op and note lines and statistics counters left out).</summary>
    private static List<string> Stencils(string listing) =>
        [.. listing.Split('\n').Where(l => l.StartsWith(";   ") && !l.StartsWith(";   @")).Select(l => l[4..].Trim())
            .Where(s => !s.StartsWith("Counter."))];

    private static int IndexOfRun(List<string> stencils, params string[] prefixes)
    {
        for (int i = 0; i + prefixes.Length <= stencils.Count; i++)
            if (prefixes.Select((p, k) => stencils[i + k].StartsWith(p)).All(x => x)) return i;
        return -1;
    }

    /// <summary>Runs <paramref name="source"/> compiled at first execution: it prints
    /// <paramref name="expected"/>, and some out-of-line path wrote cached registers to the frame.</summary>
    private static void AssertOutputAndExitSpills(string source, string expected)
    {
        using var run = new JitRun(source, JitRun.Eager() with { KeepListings = true });
        Assert.Equal(0, run.Status);
        Assert.Equal(expected, run.Stdout);
        Assert.True(run.Jit.RegisterCache.Spills(Frames.SpillReason.Exit) > 0);
    }

    [Fact]
    public void N_body_distance_keeps_its_intermediates_in_xmm_registers()
    {
        string listing = Listings.Of("""
            def f(dx, dy, dz, n):
                d2 = 0.0
                for i in range(n):
                    d2 = dx * dx + dy * dy + dz * dz
                return d2
            print(f(1.0, 2.0, 3.0, 10))
            """);
        var stencils = Stencils(listing);
        // Five ops, one store: the products and partial sums never touch the frame.
        int at = IndexOfRun(stencils, "Xmm.Multiply.mm.", "Xmm.Multiply.mm.", "Xmm.Add.rr.", "Xmm.Multiply.mm.",
            "Xmm.Add.rr.", "Xmm.Spill.");
        Assert.True(at >= 0, listing);
        Assert.Contains("[cached s", listing); // --dump-asm shows the cache state at each op
    }

    [Fact]
    public void N_body_velocity_update_loads_computes_and_stores_the_attribute_through_a_register()
    {
        string listing = Listings.Of("""
            class Body:
                def __init__(self, vx):
                    self.vx = vx
            def f(b, dx, b2m, n):
                for i in range(n):
                    b.vx -= dx * b2m
                return b.vx
            print(f(Body(1.0), 0.5, 0.25, 10))
            """);
        var stencils = Stencils(listing);
        // b.vx into a register, dx * b2m into the next one, the difference stored from the register:
        // no Frame.Move, no spill, no generic Attribute.Store from a stack slot.
        int at = IndexOfRun(stencils, "Attribute.LoadFloat", "Xmm.Multiply.mm.", "Xmm.Subtract.rr.", "Attribute.StoreFloat");
        Assert.True(at >= 0, listing);
        // Only out-of-line paths (a failing class check leaves with the frame exact) spill.
        Assert.DoesNotContain(Listings.HotStencils(listing, "f @8"), s => s.StartsWith("Xmm.Spill"));
    }

    [Fact]
    public void A_float_compare_and_branch_reads_the_register_the_arithmetic_left()
    {
        string listing = Listings.Of("""
            def f(x, y, n):
                k = 0
                for i in range(n):
                    if x * y > x + y:
                        k += 1
                return k
            print(f(3.0, 2.0, 10))
            """);
        var stencils = Stencils(listing);
        Assert.True(IndexOfRun(stencils, "Xmm.Multiply.mm.", "Xmm.Add.mm.", "Xmm.Branch.") >= 0, listing);
        Assert.Contains(stencils, s => s.StartsWith("Xmm.Branch.") && s.Contains(".rr.xmm"));
        Assert.DoesNotContain(stencils, s => s.StartsWith("Xmm.Spill"));
    }

    [Fact]
    public void A_guard_failing_after_cached_intermediates_writes_them_on_its_out_of_line_path()
    {
        // y's type is guarded after x * x is cached: the failure's path spills the product first.
        AssertOutputAndExitSpills("""
            def f(x, ys):
                t = 0.0
                for y in ys:
                    t = x * x + y * 2.0
                return t
            print(f(1.5, [1.0, 2.0, 3, 4.5]))
            """, "11.25\n");
    }

    [Fact]
    public void An_int_expression_keeps_its_intermediates_in_general_purpose_registers()
    {
        string listing = Listings.Of("""
            def f(i, j, n):
                t = 0
                for k in range(n):
                    t = (i + j) * (i + j + 1) // 2 + i
                return t
            print(f(3, 4, 10))
            """);
        var stencils = Stencils(listing);
        // Six int ops and no frame store between them; the result stays in t's register (rbx), which
        // the loop keeps across its back edge ("The register cache across block edges"). The body's
        // version does not know t's type at its entry (t is dead there), so the back edge writes t with
        // its tag for the header's version, which takes the tag in t's slot as exact. The second
        // `i + j` takes the first one's register (ArithmeticOps.RepeatedOperations).
        int at = IndexOfRun(stencils, "Gpr.Add.mm.", "Gpr.Move.", "Gpr.AddImmediate.r.", "Gpr.Multiply.rr.",
            "Gpr.ShiftRightImmediate.r.", "Gpr.Add.rm.rbx", "Gpr.Spill.rbx", "Control.Jump");
        Assert.True(at >= 0, listing);
        Assert.Contains("=rbx", listing); // --dump-asm names the int registers in the cache state
        Assert.DoesNotContain(stencils, s => s.StartsWith("Int."));
    }

    [Fact]
    public void An_int_compare_and_branch_reads_the_register_its_arithmetic_left()
    {
        string listing = Listings.Of("""
            def f(n):
                k = 0
                for i in range(n):
                    if i * 3 + 1 < n:
                        k += 1
                    if i - 2 > 0:
                        k += 2
                return k
            print(f(10))
            """);
        var stencils = Stencils(listing);
        // i * 3 + 1 stays in a register and the compare reads it there, against n from the frame.
        Assert.True(
            IndexOfRun(stencils, "Gpr.MultiplyImmediate.m.", "Gpr.AddImmediate.r.", "Gpr.Branch.") >= 0, listing);
        Assert.Contains(stencils, s => s.StartsWith("Gpr.Branch.") && s.Contains(".rm."));
        // i - 2 > 0: the register against an immediate.
        Assert.True(IndexOfRun(stencils, "Gpr.SubtractImmediate.m.", "Gpr.BranchImmediate.") >= 0, listing);
    }

    [Fact]
    public void An_overflow_with_cached_operands_spills_them_and_the_runtime_computes_the_big_int()
    {
        // (x + 1) and (x + k) are cached when their product overflows at 2**62: the decline's
        // out-of-line path writes both registers to the frame before the generic op runs.
        AssertOutputAndExitSpills("""
            def f(xs, k):
                t = 0
                for x in xs:
                    t = (x + 1) * (x + k) + 1
                return t
            print(f([1, 2, 3, 2**62], 5))
            """, "21267647932558653994131029075049840646\n");
    }

    [Fact]
    public void A_type_guard_failing_after_a_cached_int_writes_it_on_its_out_of_line_path()
    {
        // x * 2 is cached when y's guard fails on 4.5: the failure's path spills it first.
        AssertOutputAndExitSpills("""
            def f(x, ys):
                t = 0
                for y in ys:
                    t = x * 2 + y
                return t
            print(f(3, [1, 2, 3, 4.5]))
            """, "10.5\n");
    }

    [Fact]
    public void A_chained_comparison_is_two_compare_and_branches()
    {
        string listing = Listings.Of("""
            def f(xs, n):
                k = 0
                pc = 0
                while 0 <= pc < n:
                    k += xs[pc]
                    pc += 1
                return k
            print(f([1, 2, 3], 3))
            """);
        var stencils = Stencils(listing);
        // `0 <= pc` as `pc >= 0` (jumping out when pc < 0), then `pc < n` threaded to the loop's exit;
        // the Swap and Copy emit nothing and no bool is stored. The one move writes pc for the
        // second test's block.
        Assert.True(IndexOfRun(stencils, "Compare.IntConstantBranch.Less", "Frame.Move",
            "Compare.IntBranch.GreaterOrEqual") >= 0, listing);
        Assert.DoesNotContain(stencils, s => s.StartsWith("Compare.IntValue") || s.StartsWith("Frame.Exchange"));
    }

    [Fact]
    public void A_list_shift_reads_the_index_its_increment_left_in_a_register()
    {
        string listing = Listings.Of("""
            def f(xs, r):
                i = 0
                while i < r:
                    xs[i] = xs[i + 1]
                    i += 1
                return xs
            print(f([1, 2, 3, 4], 3))
            """);
        var hot = Listings.HotStencils(listing, "f @6");
        // fannkuch's perm1[i] = perm1[i + 1]: i + 1 stays in rbx/r14/r15 and indexes the list from there.
        Assert.Contains(hot, s => s.StartsWith("Sequence.ListGetItem.Index."));
        Assert.DoesNotContain(hot, s => s.StartsWith("Gpr.Spill"));
    }

    [Fact]
    public void A_list_store_of_a_cached_int_stores_from_its_register_and_keeps_the_kind_with_one_compare()
    {
        string listing = Listings.Of("""
            def f(n):
                xs = [0, 0, 0, 0]
                for i in range(n):
                    xs[i] = i * 3 + 1
                return xs
            print(f(4))
            """);
        var hot = Listings.HotStencils(listing, "f @12");
        // The value's kind is known (an int): one compare with the list's kind inside the store, no
        // separate note, and the value never goes through the frame (only the slow path writes it).
        Assert.Contains(hot, s => s.StartsWith("Sequence.ListSetItem.OfKind.m.") && !s.EndsWith(".m"));
        Assert.DoesNotContain(hot, s => s.StartsWith("ListKind.NoteStore"));
        Assert.DoesNotContain(hot, s => s.StartsWith("Gpr.Spill"));
    }

    [Fact]
    public void An_item_read_into_a_local_is_written_straight_into_it()
    {
        string listing = Listings.Of("""
            def f(xs):
                t = 0
                for i in range(len(xs)):
                    x = xs[i]
                    t = t + x
                return t
            print(f([3, 4, 5]))
            """);
        var stencils = Stencils(listing);
        int at = stencils.FindIndex(s => s.StartsWith("Sequence.ListGetItem"));
        Assert.True(at >= 0, listing);
        // The item goes to x's slot: no Frame.Move from the stack after the load.
        Assert.False(stencils[at + 1].StartsWith("Frame.Move"), listing);
    }

    [Fact]
    public void A_swap_of_two_items_loads_the_second_under_the_first_and_stores_both_without_a_kind_note()
    {
        string listing = Listings.Of("""
            def f(perm, i, j):
                while i < j:
                    perm[i], perm[j] = perm[j], perm[i]
                    i += 1
                    j -= 1
                return perm
            print(f([1, "a", 2.5, None, 4], 0, 4))
            """);
        var stencils = Stencils(listing);
        // fannkuch's swap: no Frame.Exchange between the four (only the load's slow path swaps the
        // entries), and both stores put back items read from the same list,
        // so the list's element kind needs no upkeep (the plain store, whatever the items are).
        int at = IndexOfRun(stencils, "Sequence.ListGetItem", "Sequence.ListGetItemUnder.", "Sequence.ListSetItem",
            "Sequence.ListSetItem");
        Assert.True(at >= 0, listing);
        Assert.Equal("Sequence.ListSetItem", stencils[at + 2]);
        Assert.Equal("Sequence.ListSetItem", stencils[at + 3]);
    }

    [Fact]
    public void An_augmented_item_store_stores_the_result_from_its_register_without_exchanges()
    {
        string listing = Listings.Of("""
            def f(n):
                count = [9, 9, 9]
                r = 1
                for i in range(n):
                    count[r] -= 1
                return count
            print(f(5))
            """);
        var stencils = Stencils(listing);
        // fannkuch's `count[r] -= 1`: the subtraction in a register and the store from it;
        // the Swap 3 / Swap 2 before the StoreSubscr move nothing.
        int at = IndexOfRun(stencils, "Gpr.SubtractImmediate.m.", "Sequence.ListSetItem.");
        Assert.True(at >= 0, listing);
        Assert.False(stencils[at + 1].EndsWith(".m"), listing); // the value from its register
        Assert.DoesNotContain(stencils, s => s.StartsWith("Frame.Exchange"));
    }

    [Fact]
    public void The_tracer_compiles_loops_with_augmented_item_stores_and_item_swaps()
    {
        // The fused list ops consume several recorded ops: a trace pass that removes one of them
        // (the Swap 2 of `c[k] += 1`) must not leave the trace uncompiled.
        using var run = new TraceRun("""
            def f(n):
                counts = [0, 0, 0, 0, 0]
                perm = [1, 2, 3, 4, 5]
                for i in range(n):
                    counts[i % 5] += 1
                    perm[i % 5], perm[4 - i % 5] = perm[4 - i % 5], perm[i % 5]
                return counts, perm
            print(f(300))
            """);
        Assert.Equal("([60, 60, 60, 60, 60], [1, 2, 3, 4, 5])\n", run.Stdout);
        Assert.Equal(0, run.Stats.CompileFailures);
        Assert.True(run.Stats.TracesCompiled > 0);
    }
}

