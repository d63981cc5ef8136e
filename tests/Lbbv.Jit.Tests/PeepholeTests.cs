namespace Lbbv.Jit.Tests;

/// <summary>Short op sequences the LBBV compiler turns into fewer stencils than one per op.</summary>
[Collection("vm")]
public sealed class PeepholeTests
{
    [Fact]
    public void Floor_division_and_modulo_by_a_power_of_two_are_a_shift_and_a_mask()
    {
        string listing = Listings.Of("""
            def f(n):
                t = 0
                for i in range(n):
                    t += i // 4 + i % 8
                return t
            print(f(100))
            """);
        // Through the int register cache (GprStencils): the shift and the mask on a register.
        Assert.Contains("Gpr.ShiftRightImmediate.", listing);
        Assert.Contains("Gpr.AndImmediate.", listing);
        Assert.DoesNotContain("Int.FloorDivide ", listing.Replace("\n", " \n"));
        Assert.DoesNotContain("idiv", listing);
    }

    [Fact]
    public void A_for_loop_writes_its_item_straight_into_the_loop_variable()
    {
        string listing = Listings.Of("""
            def f(n, xs):
                t = 0
                for i in range(n):
                    t += i
                for x in xs:
                    t += x
                return t
            print(f(10, [1, 2, 3]))
            """);
        // The bodies' versions start after the StoreFast (offsets 8 and 17): the ForIter stored the item.
        Assert.Contains("; version v", listing);
        string[] rangeBody = Listings.HotStencils(listing, "f @8");
        string[] listBody = Listings.HotStencils(listing, "f @17");
        Assert.NotEmpty(rangeBody);
        Assert.NotEmpty(listBody);
        Assert.DoesNotContain("Frame.Move", rangeBody);
    }

    [Fact]
    public void A_slice_of_a_list_is_a_list_without_a_test()
    {
        const string program = """
            def f(a, n):
                t = 0
                for i in range(n):
                    p = a[:]
                    t += p[0] + len(p[1:])
                return t
            print(f([1, 2, 3], N))
            """;
        using var small = new JitRun(program.Replace("N", "10"), JitRun.Eager());
        using var large = new JitRun(program.Replace("N", "1000"), JitRun.Eager());
        Assert.Equal("3000\n", large.Stdout);
        // Per iteration: p[0]'s item tag; none for p itself (nor for the range iterator, proven by
        // the loop's first ForIter).
        long perIteration = (large.Jit.Read(large.Jit.TypeTestsExecuted) - small.Jit.Read(small.Jit.TypeTestsExecuted)) / 990;
        Assert.Equal(1, perIteration);
    }

    [Fact]
    public void A_slice_subscript_calls_one_helper_and_builds_no_slice_object()
    {
        string listing = Listings.Of("""
            def f(a, n):
                t = 0
                for i in range(n):
                    t += len(a[1:n]) + len(a[::2])
                return t
            print(f([1, 2, 3, 4], 100))
            """);
        Assert.Contains("BinarySubscr (fused with the BuildSlice)", listing);
        Assert.Contains("helper:SliceSubscr", listing);
        Assert.DoesNotContain("helper:BuildSlice", listing);
        Assert.DoesNotContain("helper:Subscr", listing);
    }

    [Fact]
    public void An_augmented_attribute_store_swaps_nothing_in_the_frame()
    {
        string listing = Listings.Of("""
            class P:
                def __init__(self):
                    self.x = 0.0
            def f(p, n):
                for i in range(n):
                    p.x += 1.5
                return p.x
            print(f(P(), 100))
            """);
        Assert.Contains("(fused with the Swap)", listing);
        string[] body = Listings.HotStencils(listing, "f @8");
        Assert.Contains(body, s => s.StartsWith("Xmm.Add"));
        Assert.Contains(body, s => s.StartsWith("Attribute.Store"));
        Assert.DoesNotContain("Frame.Move", body);
    }

    [Fact]
    public void Only_the_first_access_to_an_objects_highest_slot_checks_the_slot_count()
    {
        string listing = Listings.Of("""
            class P:
                def __init__(self):
                    self.x = 1.0
                    self.y = 2.0
            def f(p, n):
                t = 0.0
                for i in range(n):
                    t += p.y
                    t += p.x
                    p.x = t
                return t
            print(f(P(), 100))
            """);
        string[] body = Listings.HotStencils(listing, "f @10");
        // p.y (slot 1) checks the count; p.x (slot 0) and the store need not.
        // (Float slots load into the register cache: Attribute.LoadFloat*.xmmN.)
        Assert.Single(body, s => s.StartsWith("Attribute.Load") && !s.Contains("InBounds"));
        Assert.Contains(body, s => s.StartsWith("Attribute.Load") && s.Contains("InBounds"));
        Assert.Contains("Attribute.StoreInBounds", body);
    }
}
