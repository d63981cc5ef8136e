namespace Lbbv.Types.Tests;

using static AbstractType;

public sealed class TagMappingTests
{
    // Kind numbers as in Interpreter/Runtime/Layout.cs (ObjectKind).
    private const byte BigIntKind = 1, SetKind = 6, ClassKind = 9, RangeKind = 15, IteratorKind = 17;

    [Theory]
    [InlineData(0, 0, Empty)]
    [InlineData(1, 0, Int)]
    [InlineData(2, 0, Float)]
    [InlineData(3, 0, Bool)]
    [InlineData(4, 0, None)]
    [InlineData(5, 2, Str)]
    [InlineData(5, 3, List)]
    [InlineData(5, 4, Tuple)]
    [InlineData(5, 5, Dict)]
    [InlineData(5, 8, Instance)]
    [InlineData(5, 10, Function)]
    [InlineData(5, IteratorKind, Iterator)]
    [InlineData(5, BigIntKind, Heap)]
    [InlineData(5, SetKind, Heap)]
    [InlineData(5, ClassKind, Heap)]
    [InlineData(5, RangeKind, Heap)]
    [InlineData(1, 3, Int)] // the kind byte is ignored for non-object tags
    [InlineData(9, 0, Unknown)] // an unrecognized tag claims nothing
    public void FromTagIsMostPrecise(byte tag, byte kind, AbstractType expected) =>
        Assert.Equal(expected, TagMapping.FromTag(tag, kind));

    [Fact]
    public void GuaranteeAdmitsExactlyTheValuesOfItsSubtypes()
    {
        // For every concrete (tag, kind) and every type: the guarantee admits the value
        // iff the value's most precise type is a subtype of it.
        byte[] kinds = [0, BigIntKind, 2, 3, 4, 5, SetKind, 8, ClassKind, 10, RangeKind, IteratorKind];
        foreach (var type in TypeLattice.All)
        {
            if (type == Integer) continue; // over-approximated: IntegerGuaranteeAdmitsEveryInt
            var guarantee = type.Guarantee();
            for (byte tag = 0; tag <= RuntimeTags.Max; tag++)
                foreach (var kind in tag == RuntimeTags.Object ? kinds : [(byte)0])
                {
                    var exact = TagMapping.FromTag(tag, kind);
                    Assert.True(exact.IsSubtypeOf(type) == guarantee.Admits(tag, kind), $"{type} vs tag {tag} kind {kind}");
                }
        }
    }

    [Fact]
    public void IntegerGuaranteeAdmitsEveryInt()
    {
        // Integer is an int, maybe big: a tag Int or a BigInt object. Its guarantee may admit more
        // (it is never used as a guard), but never less.
        var guarantee = Integer.Guarantee();
        Assert.True(guarantee.Admits(RuntimeTags.Int, 0));
        Assert.True(guarantee.Admits(RuntimeTags.Object, BigIntKind));
        Assert.True(Int.IsSubtypeOf(Integer));
        Assert.False(Float.IsSubtypeOf(Integer));
    }

    [Fact]
    public void GuaranteeNamesTagAndKindForCodegen()
    {
        Assert.Equal((byte)RuntimeTags.Int, Int.Guarantee().ExactTag);
        Assert.Null(Int.Guarantee().ObjectKind);
        Assert.Equal((byte)RuntimeTags.Object, List.Guarantee().ExactTag);
        Assert.Equal((byte)RuntimeObjectKinds.List, List.Guarantee().ObjectKind);
        Assert.Null(Integer.Guarantee().ExactTag);
        Assert.Equal(new TagGuarantee(1, 5, null), Bound.Guarantee());
    }
}
