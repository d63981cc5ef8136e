namespace Lbbv.Runtime.Tests;

/// <summary>A tuple's element kind is computed when first asked, not at creation (docs/LBBV.md,
/// "Tuple kinds on demand"): creation only marks it unknown; the first reader computes it from the
/// items and caches it.</summary>
[Collection("runtime")]
public sealed unsafe class TupleKindTests
{
    static void Fresh() => RuntimeState.Reset(TextWriter.Null, TextWriter.Null);

    static byte RawKind(Value tuple) => ((TupleObject*)tuple.Payload)->ElementKind;

    [Fact]
    public void Creation_leaves_the_kind_unknown_and_the_first_reader_caches_it()
    {
        Fresh();
        var floats = Tuples.FromSpan([Value.Float(1.5), Value.Float(2.5)]);
        Assert.Equal(Tuples.UnknownKind, RawKind(floats));
        Assert.Equal((byte)Tag.Float, Tuples.ElementKind(floats));
        Assert.Equal((byte)Tag.Float, RawKind(floats));

        var mixed = Tuples.Of(Value.Int(1), Value.Float(2.0));
        Assert.Equal(Tuples.UnknownKind, RawKind(mixed));
        Assert.Equal(Lists.NoKind, Tuples.ElementKind(mixed));
        Assert.Equal(Lists.NoKind, RawKind(mixed));

        var objects = Tuples.FromSpan([Strs.New("a"), Strs.New("b")]);
        Assert.Equal(Lists.NoKind, Tuples.ElementKind(objects));
        Assert.Equal(Lists.NoKind, RawKind(Tuples.New(0)));
    }

    [Fact]
    public void A_tuple_filled_after_it_is_made_gets_the_kind_of_its_items()
    {
        Fresh();
        var t = Tuples.New(3);
        var items = Tuples.Span(t);
        for (int i = 0; i < 3; i++) items[i] = Value.Int(i);
        Assert.Equal((byte)Tag.Int, Tuples.ElementKind(t));
    }
}
