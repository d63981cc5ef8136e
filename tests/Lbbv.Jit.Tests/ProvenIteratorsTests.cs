using Lbbv.Jit.Lowering;

namespace Lbbv.Jit.Tests;

/// <summary>The proven-iterator part of a version's key: which versions a request may enter.</summary>
public sealed class ProvenIteratorsTests
{
    private static readonly ulong ListAt0 = ProvenIterators.With(0, 0, ProvenIterators.List);
    private static readonly ulong RangeAt0 = ProvenIterators.With(0, 0, ProvenIterators.Range);

    [Fact]
    public void A_version_assuming_nothing_is_covered_by_anything_and_one_assuming_a_kind_only_by_that_kind()
    {
        ulong listAt0RangeAt1 = ProvenIterators.With(ListAt0, 1, ProvenIterators.Range);
        Assert.True(ProvenIterators.Covers(0, 0));
        Assert.True(ProvenIterators.Covers(ListAt0, 0));
        Assert.True(ProvenIterators.Covers(listAt0RangeAt1, ListAt0));
        Assert.False(ProvenIterators.Covers(0, ListAt0));
        Assert.False(ProvenIterators.Covers(RangeAt0, ListAt0));
        Assert.False(ProvenIterators.Covers(ListAt0, listAt0RangeAt1));
    }

    [Fact]
    public void A_block_entered_with_a_shallower_stack_keeps_only_the_entries_below_its_depth()
    {
        ulong two = ProvenIterators.With(RangeAt0, 1, ProvenIterators.List);
        Assert.Equal(RangeAt0, ProvenIterators.Below(two, 1));
        Assert.Equal(0UL, ProvenIterators.Below(two, 0));
        Assert.Equal(two, ProvenIterators.Below(two, 40));
        Assert.Equal(ProvenIterators.List, ProvenIterators.At(two, 1));
        Assert.Equal(ProvenIterators.None, ProvenIterators.At(two, 33));
        Assert.Equal("s0:range s1:list", ProvenIterators.Describe(two));
    }

    [Fact]
    public void The_frames_depth_checked_survives_any_stack_depth_and_is_covered_only_by_itself()
    {
        ulong checkedRange = ProvenIterators.WithLeafDepthChecked(RangeAt0);
        Assert.True(ProvenIterators.LeafDepthChecked(ProvenIterators.Below(checkedRange, 0)));
        Assert.Equal(checkedRange, ProvenIterators.Below(checkedRange, 40));
        Assert.Equal(ProvenIterators.Range, ProvenIterators.At(checkedRange, 0));
        Assert.True(ProvenIterators.Covers(checkedRange, RangeAt0));
        Assert.False(ProvenIterators.Covers(RangeAt0, checkedRange));
        Assert.Equal("s0:range depth-checked", ProvenIterators.Describe(checkedRange));
        // Stack entry 31 is never proven: its bits are the frame's.
        Assert.Equal(0UL, ProvenIterators.With(0, 31, ProvenIterators.Range));
    }
}
