using static Lbbv.Backend.Emission.Operand;

namespace Lbbv.Backend.Tests;

/// <summary>ForIter's native next steps: range and list iterators, exhaustion and the kind check.</summary>
public sealed class IterationExecutionTests
{
    // The fixture's "slow" exit stands for the loop exit, "failed" for a kind mismatch.
    private static Emission.ExitRecord Next(JitFixture f, Stencils.Stencil stencil) =>
        f.Run((u, slow, failed) => u.Emit(stencil, Slot(0), Slot(1), failed, slow));

    [Fact]
    public void Range_next_produces_ints_then_exhausts()
    {
        using var f = new JitFixture();
        nint it = f.Arena.NewRangeIterator(current: 10, left: 3, step: -4);
        f.Frame.SetObject(0, it);
        var produced = new List<long>();
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(JitFixture.Done, Next(f, f.S.Iteration.RangeNext).Reason);
            produced.Add(f.Frame.Int(1));
        }
        Assert.Equal([10L, 6, 2], produced);
        f.Frame.Set(1, 0, TestLayout.Empty);
        Assert.Equal(JitFixture.Slow, Next(f, f.S.Iteration.RangeNext).Reason);
        Assert.Equal(TestLayout.Empty, f.Frame.Tag(1));
        Assert.Equal(0, NativeMemoryArena.Read(it + 24)); // stays exhausted
        Assert.Equal(JitFixture.Slow, Next(f, f.S.Iteration.RangeNext).Reason);
    }

    [Fact]
    public void Range_next_wraps_past_the_last_value_without_producing_it()
    {
        using var f = new JitFixture();
        f.Frame.SetObject(0, f.Arena.NewRangeIterator(current: long.MaxValue - 1, left: 2, step: 1));
        Assert.Equal(JitFixture.Done, Next(f, f.S.Iteration.RangeNext).Reason);
        Assert.Equal(long.MaxValue - 1, f.Frame.Int(1));
        Assert.Equal(JitFixture.Done, Next(f, f.S.Iteration.RangeNext).Reason);
        Assert.Equal(long.MaxValue, f.Frame.Int(1));
        Assert.Equal(JitFixture.Slow, Next(f, f.S.Iteration.RangeNext).Reason);
    }

    [Fact]
    public void List_next_follows_the_current_count_and_stays_exhausted()
    {
        using var f = new JitFixture();
        nint list = f.Arena.NewList(7, 8, 9);
        nint it = f.Arena.NewListIterator(list);
        f.Frame.SetObject(0, it);
        Assert.Equal(JitFixture.Done, Next(f, f.S.Iteration.ListNext).Reason);
        Assert.Equal(7, f.Frame.Int(1));
        NativeMemoryArena.Write(list + 16, 2); // the list shrank inside the loop
        Assert.Equal(JitFixture.Done, Next(f, f.S.Iteration.ListNext).Reason);
        Assert.Equal(8, f.Frame.Int(1));
        Assert.Equal(JitFixture.Slow, Next(f, f.S.Iteration.ListNext).Reason);
        Assert.Equal(-1, NativeMemoryArena.Read(it + 24)); // the exhausted marker
        NativeMemoryArena.Write(list + 16, 3); // growing it again does not revive the iterator
        Assert.Equal(JitFixture.Slow, Next(f, f.S.Iteration.ListNext).Reason);
        Assert.Equal(8, f.Frame.Int(1));
    }

    [Fact]
    public void Each_next_step_rejects_the_other_kind_before_writing()
    {
        using var f = new JitFixture();
        nint list = f.Arena.NewList(1);
        f.Frame.SetObject(0, f.Arena.NewListIterator(list));
        Assert.Equal(JitFixture.Failed, Next(f, f.S.Iteration.RangeNext).Reason);
        Assert.Equal(TestLayout.Empty, f.Frame.Tag(1));
        f.Frame.SetObject(0, f.Arena.NewRangeIterator(0, 5, 1));
        Assert.Equal(JitFixture.Failed, Next(f, f.S.Iteration.ListNext).Reason);
        f.Frame.SetObject(0, list);
        Assert.Equal(JitFixture.Failed, Next(f, f.S.Iteration.ListNext).Reason);
        Assert.Equal(JitFixture.Failed, Next(f, f.S.Iteration.RangeNext).Reason);
        Assert.Equal(TestLayout.Empty, f.Frame.Tag(1));
    }
}
