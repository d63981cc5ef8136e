namespace Lbbv.Types.Tests;

using static AbstractType;

public sealed class LatticeLawTests
{
    public static TheoryData<AbstractType> Types() => new(TypeLattice.All.ToArray());

    private static readonly AbstractType[] All = TypeLattice.All.ToArray();

    [Fact]
    public void LatticeFillsExactlyOneNibble()
    {
        Assert.Equal(16, Enum.GetValues<AbstractType>().Length);
        Assert.Equal(Enumerable.Range(0, 16), Enum.GetValues<AbstractType>().Select(t => (int)t));
        Assert.Equal(0, (int)Unknown);
    }

    [Fact]
    public void SubtypeIsReflexive()
    {
        foreach (var a in All) Assert.True(a.IsSubtypeOf(a), $"{a}");
    }

    [Fact]
    public void SubtypeIsAntisymmetric()
    {
        foreach (var a in All)
            foreach (var b in All)
                if (a.IsSubtypeOf(b) && b.IsSubtypeOf(a)) Assert.Equal(a, b);
    }

    [Fact]
    public void SubtypeIsTransitive()
    {
        foreach (var a in All)
            foreach (var b in All)
                foreach (var c in All)
                    if (a.IsSubtypeOf(b) && b.IsSubtypeOf(c)) Assert.True(a.IsSubtypeOf(c), $"{a} <: {b} <: {c}");
    }

    [Fact]
    public void UnknownIsTop()
    {
        foreach (var a in All) Assert.True(a.IsSubtypeOf(Unknown));
    }

    [Fact]
    public void JoinIsCommutativeAndIdempotent()
    {
        foreach (var a in All)
        {
            Assert.Equal(a, a.Join(a));
            foreach (var b in All) Assert.Equal(a.Join(b), b.Join(a));
        }
    }

    [Fact]
    public void JoinIsAssociative()
    {
        foreach (var a in All)
            foreach (var b in All)
                foreach (var c in All)
                    Assert.Equal(a.Join(b).Join(c), a.Join(b.Join(c)));
    }

    [Fact]
    public void JoinIsTheLeastUpperBound()
    {
        foreach (var a in All)
            foreach (var b in All)
            {
                var j = a.Join(b);
                Assert.True(a.IsSubtypeOf(j) && b.IsSubtypeOf(j), $"{a} v {b} = {j} is not an upper bound");
                foreach (var u in All)
                    if (a.IsSubtypeOf(u) && b.IsSubtypeOf(u)) Assert.True(j.IsSubtypeOf(u), $"{a} v {b} = {j} is not below {u}");
            }
    }

    [Fact]
    public void SubtypeAgreesWithJoin()
    {
        foreach (var a in All)
            foreach (var b in All)
                Assert.Equal(a.IsSubtypeOf(b), a.Join(b) == b);
    }

    [Theory]
    [InlineData(Int, Float, Bound)]
    [InlineData(Int, Bool, Bound)]
    [InlineData(Int, Integer, Integer)]
    [InlineData(Integer, Heap, Bound)]
    [InlineData(Int, Str, Bound)]
    [InlineData(List, Tuple, Heap)]
    [InlineData(None, Instance, Bound)]
    [InlineData(Empty, Int, Unknown)]
    [InlineData(Empty, Empty, Empty)]
    [InlineData(Heap, Iterator, Heap)]
    public void JoinExamples(AbstractType a, AbstractType b, AbstractType expected) => Assert.Equal(expected, a.Join(b));

    [Fact]
    public void MeetIsTheMoreSpecificOrNothing()
    {
        Assert.True(Integer.TryMeet(Int, out var m1));
        Assert.Equal(Int, m1);
        Assert.True(Unknown.TryMeet(Str, out var m2));
        Assert.Equal(Str, m2);
        Assert.False(Int.TryMeet(Str, out _));
        Assert.False(Empty.TryMeet(Bound, out _));
        foreach (var a in All)
            foreach (var b in All)
                if (a.TryMeet(b, out var m)) Assert.True(m.IsSubtypeOf(a) && m.IsSubtypeOf(b));
    }

    [Fact]
    public void DepthGrowsDownTheTree()
    {
        Assert.Equal(0, Unknown.Depth());
        Assert.Equal(1, Bound.Depth());
        Assert.Equal(2, Integer.Depth());
        Assert.Equal(3, Int.Depth());
        Assert.Equal(2, Float.Depth());
        foreach (var a in All)
            if (a != Unknown) Assert.Equal(a.Parent().Depth() + 1, a.Depth());
    }
}
