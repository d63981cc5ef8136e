using System.Runtime.CompilerServices;

namespace Lbbv.Types.Tests;

using static AbstractType;

public sealed class TypeContextTests
{
    [Fact]
    public void FitsInTwentyFourBytes() => Assert.True(Unsafe.SizeOf<TypeContext>() <= 24, $"{Unsafe.SizeOf<TypeContext>()} bytes");

    [Fact]
    public void Class_entries_key_versions_join_and_round_trip()
    {
        var tags = TypeContext.Generic.With(0, AbstractType.Instance).With(2, AbstractType.Heap);
        var known = tags.WithClass(2, 7).WithClass(0, 5);
        Assert.Equal(5, known.ClassOf(0));
        Assert.Equal(7, known.ClassOf(2));
        Assert.Equal(known, tags.WithClass(0, 5).WithClass(2, 7)); // canonical: sorted by slot
        Assert.Equal(ContextDiff.Compatible(2), TypeContext.Diff(tags, known)); // a version without them: usable
        Assert.Equal(ContextDiff.Incompatible, TypeContext.Diff(known, tags)); // one assuming them: not
        Assert.Equal(0, known.With(0, AbstractType.Instance).ClassOf(0)); // a new value drops the class
        Assert.Equal(0, known.KeepFirst(2).ClassOf(2));
        Assert.Equal(tags.WithClass(2, 7), TypeContext.Join(known, tags.WithClass(2, 7).WithClass(0, 6)));
        Assert.Equal(known, TypeContext.Decode(known.Encode()));
        Assert.Equal(tags, tags.WithClass(5, 3)); // an Unknown slot has no class
        Assert.False(known.WithoutClasses().HasClasses);
    }

    [Fact]
    public void GenericIsDefaultAndAllUnknown()
    {
        Assert.Equal(default, TypeContext.Generic);
        Assert.True(TypeContext.Generic.IsGeneric);
        for (int slot = 0; slot < 40; slot++) Assert.Equal(Unknown, TypeContext.Generic.Get(slot));
    }

    [Fact]
    public void WithSetsOneSlotAndLeavesTheOriginalAlone()
    {
        var original = TypeContext.Generic.With(3, Int);
        var updated = original.With(17, Str).With(3, Float);
        Assert.Equal(Int, original.Get(3));
        Assert.Equal(Unknown, original.Get(17));
        Assert.Equal(Float, updated.Get(3));
        Assert.Equal(Str, updated.Get(17));
        Assert.Equal(2, updated.KnownSlotCount);
    }

    [Fact]
    public void EverySlotHoldsEveryType()
    {
        var random = new Random(7);
        for (int slot = 0; slot < TypeContext.Capacity; slot++)
            foreach (var type in TypeLattice.All)
            {
                var context = RandomContext(random);
                var updated = context.With(slot, type);
                Assert.Equal(type, updated.Get(slot));
                for (int other = 0; other < TypeContext.Capacity; other++)
                    if (other != slot) Assert.Equal(context.Get(other), updated.Get(other));
            }
    }

    [Fact]
    public void SlotsPastCapacityAreUnknownAndIgnoreWrites()
    {
        var context = TypeContext.Generic.With(31, Iterator);
        Assert.Equal(Iterator, context.Get(31));
        Assert.Equal(context, context.With(32, Int));
        Assert.Equal(context, context.With(1000, List));
        Assert.Equal(Unknown, context.With(32, Int).Get(32));
        Assert.Throws<ArgumentOutOfRangeException>(() => context.Get(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => context.With(-1, Int));
    }

    [Fact]
    public void StackSlotsPastCapacityDegradeToUnknown()
    {
        var layout = new SlotLayout(30);
        var context = TypeContext.Generic.Push(layout, 0, Int).Push(layout, 1, Str).Push(layout, 2, List);
        Assert.Equal(Int, context.Peek(layout, 3, 2));
        Assert.Equal(Str, context.Peek(layout, 3, 1));
        Assert.Equal(Unknown, context.Peek(layout, 3, 0)); // slot 32: past capacity
        context = context.Pop(layout, 3, out var top);
        Assert.Equal(Unknown, top);
    }

    [Fact]
    public void EqualityAndHashingFollowTheBits()
    {
        var random = new Random(11);
        for (int i = 0; i < 500; i++)
        {
            var a = RandomContext(random);
            var b = TypeContext.FromBits(a.Low, a.High);
            Assert.True(a == b);
            Assert.True(a.Equals((object)b));
            Assert.Equal(a.GetHashCode(), b.GetHashCode());
            int slot = random.Next(TypeContext.Capacity);
            var c = a.With(slot, (AbstractType)(((int)a.Get(slot) + 1) % 16));
            Assert.True(a != c);
            Assert.False(a.Equals(c));
        }
    }

    [Fact]
    public void HashSpreadsDistinctContexts()
    {
        var hashes = new HashSet<int>();
        for (int slot = 0; slot < TypeContext.Capacity; slot++)
            foreach (var type in TypeLattice.All)
                hashes.Add(TypeContext.Generic.With(slot, type).GetHashCode());
        Assert.True(hashes.Count >= 32 * 15 - 2, $"{hashes.Count} distinct hashes of {32 * 15 + 1} contexts");
    }

    [Fact]
    public void BitsRoundTrip()
    {
        var random = new Random(3);
        for (int i = 0; i < 200; i++)
        {
            var context = RandomContext(random);
            Assert.Equal(context, TypeContext.FromBits(context.Low, context.High));
        }
        Assert.Equal(0x50UL, TypeContext.Generic.With(1, Int).Low); // slot 1 = bits 4..7
        Assert.Equal(0xAUL << 60, TypeContext.Generic.With(31, List).High);
    }

    [Fact]
    public void EncodingRoundTrips()
    {
        var random = new Random(5);
        var cases = new List<TypeContext> { TypeContext.Generic, TypeContext.Generic.With(0, Int), TypeContext.Generic.With(31, Iterator),
            TypeContext.Generic.With(15, Str), TypeContext.Generic.With(16, Str), TypeContext.FromBits(ulong.MaxValue, ulong.MaxValue) };
        for (int i = 0; i < 500; i++) cases.Add(RandomContext(random, random.Next(TypeContext.Capacity + 1)));
        foreach (var context in cases)
        {
            byte[] bytes = context.Encode();
            Assert.Equal(context.EncodedLength, bytes.Length);
            Assert.True(bytes.Length <= TypeContext.MaxEncodedLength);
            Assert.Equal(context, TypeContext.Decode(bytes));
        }
    }

    [Fact]
    public void EncodingIsCompact()
    {
        Assert.Equal([0], TypeContext.Generic.Encode());
        Assert.Equal([1, 0x05], TypeContext.Generic.With(0, Int).Encode());
        Assert.Equal([3, 0x65, 0x0A], TypeContext.Generic.With(0, Int).With(1, Float).With(2, List).Encode());
        Assert.Equal(17, TypeContext.Generic.With(31, Int).Encode().Length);
    }

    [Fact]
    public void DecodeRejectsMalformedInput()
    {
        Assert.Throws<FormatException>(() => TypeContext.Decode([]));
        Assert.Throws<FormatException>(() => TypeContext.Decode([33]));
        Assert.Throws<FormatException>(() => TypeContext.Decode([3, 0x65]));        // truncated
        Assert.Throws<FormatException>(() => TypeContext.Decode([1, 0x55]));        // nibble past n
        Assert.Throws<FormatException>(() => TypeContext.Decode([2, 0x05]));        // slot n-1 Unknown
        Assert.Throws<FormatException>(() => TypeContext.Decode([1, 0x05, 0xFF]));  // trailing bytes
        var context = TypeContext.Decode([1, 0x05, 0xFF], out int read);
        Assert.Equal(2, read);
        Assert.Equal(Int, context.Get(0));
    }

    [Fact]
    public void ToStringNamesLocalsAndStack()
    {
        var layout = new SlotLayout(3);
        var context = TypeContext.Generic.With(layout.Local(0), Int).With(layout.Local(2), Float)
            .Push(layout, 0, List).Push(layout, 1, Unknown);
        Assert.Equal("[i:Int x:Float | s0:List s1:Unknown]", context.ToString(layout, 2, ["i", "n", "x"]));
        Assert.Equal("[l0:Int l2:Float]", context.ToString(layout, 0));
        Assert.Equal("[0:Int 2:Float 3:List]", context.ToString());
        Assert.Equal("[]", TypeContext.Generic.ToString());
    }

    [Fact]
    public void PushPopPeekFollowTheFrameLayout()
    {
        var layout = new SlotLayout(2);
        Assert.Equal(2, layout.Stack(0));
        Assert.Equal(3, layout.FromTop(2));
        var context = TypeContext.Generic.Push(layout, 0, Int).Push(layout, 1, Str);
        Assert.Equal(Int, context.Get(2));
        Assert.Equal(Str, context.Peek(layout, 2));
        Assert.Equal(Int, context.Peek(layout, 2, 1));
        var popped = context.Pop(layout, 2, out var top);
        Assert.Equal(Str, top);
        Assert.Equal(TypeContext.Generic.Push(layout, 0, Int), popped); // canonical: the freed slot is Unknown
        Assert.Equal(Float, context.WithStack(layout, 2, 1, Float).Get(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => context.Peek(layout, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => layout.Local(2));
    }

    [Fact]
    public void KeepFirstForgetsTheRest()
    {
        var random = new Random(9);
        for (int n = 0; n <= TypeContext.Capacity + 1; n++)
        {
            var context = RandomContext(random);
            var kept = context.KeepFirst(n);
            for (int slot = 0; slot < TypeContext.Capacity; slot++)
                Assert.Equal(slot < n ? context.Get(slot) : Unknown, kept.Get(slot));
        }
    }

    [Fact]
    public void UpgradeNarrowsAfterAGuard()
    {
        var context = TypeContext.Generic.With(0, Integer).With(1, Int);
        Assert.Equal(Int, context.Upgrade(0, Int).Get(0));
        Assert.Equal(Int, context.Upgrade(1, Integer).Get(1)); // already more precise: kept
        Assert.Equal(Str, context.Upgrade(5, Str).Get(5));
        Assert.False(context.TryUpgrade(1, Str, out var unchanged));
        Assert.Equal(context, unchanged);
        Assert.Throws<InvalidOperationException>(() => context.Upgrade(1, List));
    }

    [Fact]
    public void ContextJoinIsSlotwiseAndObeysLaws()
    {
        var a = TypeContext.Generic.With(0, Int).With(1, Str).With(2, Empty);
        var b = TypeContext.Generic.With(0, Float).With(1, List).With(2, Empty).With(3, Int);
        var joined = TypeContext.Join(a, b);
        Assert.Equal(TypeContext.Generic.With(0, Bound).With(1, Heap).With(2, Empty), joined);

        var random = new Random(13);
        for (int i = 0; i < 200; i++)
        {
            var x = RandomContext(random);
            var y = RandomContext(random);
            var z = RandomContext(random);
            var xy = TypeContext.Join(x, y);
            Assert.Equal(xy, TypeContext.Join(y, x));
            Assert.Equal(x, TypeContext.Join(x, x));
            Assert.Equal(TypeContext.Join(xy, z), TypeContext.Join(x, TypeContext.Join(y, z)));
            Assert.True(TypeContext.Diff(xy, x).IsUsable && TypeContext.Diff(xy, y).IsUsable, "join is an upper bound");
        }
    }

    [Fact]
    public void FromTagsReadsALiveFrame()
    {
        byte[] tags = [1, 2, 0, 5, 5, 4];
        byte[] kinds = [0, 0, 0, 3, 1, 0];
        var context = TypeContext.FromTags(tags, kinds);
        Assert.Equal(TypeContext.Generic.With(0, Int).With(1, Float).With(2, Empty).With(3, List).With(4, Heap).With(5, None), context);

        var many = new byte[40];
        Array.Fill(many, (byte)1);
        var full = TypeContext.FromTags(many, new byte[40]); // slots past capacity ignored
        Assert.Equal(Int, full.Get(31));
        Assert.Equal(32, full.KnownSlotCount);
        Assert.Throws<ArgumentException>(() => TypeContext.FromTags(tags, kinds.AsSpan(1)));
    }

    internal static TypeContext RandomContext(Random random, int slots = TypeContext.Capacity)
    {
        var context = TypeContext.Generic;
        for (int slot = 0; slot < slots; slot++)
            context = context.With(slot, (AbstractType)random.Next(16));
        return context;
    }
}
