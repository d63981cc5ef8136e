namespace Lbbv.Types.Tests;

using static AbstractType;

public sealed class ContextDiffTests
{
    private static readonly SlotLayout Layout = new(2);

    private static TypeContext Ctx(AbstractType local0, AbstractType local1) =>
        TypeContext.Generic.With(0, local0).With(1, local1);

    [Fact]
    public void IdenticalContextsAreExact()
    {
        Assert.Equal(ContextDiff.Exact, TypeContext.Diff(Ctx(Int, Str), Ctx(Int, Str)));
        Assert.Equal(ContextDiff.Exact, TypeContext.Diff(TypeContext.Generic, TypeContext.Generic));
    }

    [Fact]
    public void VersionAssumingMoreThanIncomingIsIncompatible()
    {
        Assert.Equal(ContextDiff.Incompatible, TypeContext.Diff(Ctx(Int, Unknown), Ctx(Integer, Unknown)));
        Assert.Equal(ContextDiff.Incompatible, TypeContext.Diff(Ctx(Int, Unknown), Ctx(Float, Unknown)));
        Assert.Equal(ContextDiff.Incompatible, TypeContext.Diff(Ctx(Bound, Unknown), Ctx(Empty, Unknown)));
        Assert.Equal(ContextDiff.Incompatible, TypeContext.Diff(Ctx(Int, Unknown), TypeContext.Generic));
    }

    [Fact]
    public void CostCountsLatticeLevelsGivenUp()
    {
        var incoming = Ctx(Int, List);
        Assert.Equal(ContextDiff.Compatible(1), TypeContext.Diff(Ctx(Integer, List), incoming));
        Assert.Equal(ContextDiff.Compatible(2), TypeContext.Diff(Ctx(Bound, List), incoming));
        Assert.Equal(ContextDiff.Compatible(3), TypeContext.Diff(Ctx(Unknown, List), incoming));
        Assert.Equal(ContextDiff.Compatible(6), TypeContext.Diff(TypeContext.Generic, incoming));
        Assert.Equal(ContextDiff.Compatible(1), TypeContext.Diff(Ctx(Int, Unknown), Ctx(Int, Empty)));
    }

    [Fact]
    public void DiffRanksVersionsBestFirst()
    {
        var incoming = Ctx(Int, Str).Push(Layout, 0, List);
        var versions = new[]
        {
            TypeContext.Generic,                               // gives up everything: 9
            Ctx(Float, Str).Push(Layout, 0, List),             // wrong type: incompatible
            Ctx(Integer, Str).Push(Layout, 0, Heap),           // 1 + 1 = 2
            Ctx(Int, Str).Push(Layout, 0, List),               // exact
            Ctx(Int, Bound).Push(Layout, 0, List),             // 2
            Ctx(Int, Str),                                     // stack slot unknown: 3
        };
        var ranked = versions.Select((v, i) => (Diff: TypeContext.Diff(v, incoming), Index: i))
            .OrderBy(x => x.Diff).ThenBy(x => x.Index).Select(x => x.Index).ToArray();
        Assert.Equal([3, 2, 4, 5, 0, 1], ranked);
        Assert.Equal(ContextDiff.Compatible(9), TypeContext.Diff(TypeContext.Generic, incoming));
    }

    [Fact]
    public void GenericVersionAcceptsEverything()
    {
        var random = new Random(17);
        for (int i = 0; i < 200; i++)
        {
            var incoming = TypeContextTests.RandomContext(random);
            var diff = TypeContext.Diff(TypeContext.Generic, incoming);
            Assert.True(diff.IsUsable);
            Assert.Equal(incoming.IsGeneric, diff.Kind == DiffKind.Exact);
        }
    }

    [Fact]
    public void DiffAgreesWithSlotwiseSubtyping()
    {
        var random = new Random(19);
        for (int i = 0; i < 2000; i++)
        {
            // Few slots so that compatible pairs are common.
            var version = TypeContextTests.RandomContext(random, 2);
            var incoming = TypeContextTests.RandomContext(random, 2);
            bool compatible = Enumerable.Range(0, 2).All(s => incoming.Get(s).IsSubtypeOf(version.Get(s)));
            var diff = TypeContext.Diff(version, incoming);
            Assert.Equal(compatible, diff.IsUsable);
            Assert.Equal(version == incoming, diff.Kind == DiffKind.Exact);
        }
    }

    [Fact]
    public void DiffOrdering()
    {
        Assert.True(ContextDiff.Exact < ContextDiff.Compatible(1));
        Assert.True(ContextDiff.Compatible(1) < ContextDiff.Compatible(5));
        Assert.True(ContextDiff.Compatible(100) < ContextDiff.Incompatible);
        Assert.Equal("Compatible(3)", ContextDiff.Compatible(3).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => ContextDiff.Compatible(0));
    }
}
