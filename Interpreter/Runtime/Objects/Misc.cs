// Small companions (big int, big range), and ranges and slices, which need none.
using System.Numerics;

namespace Lbbv.Runtime;

public sealed class BigIntObject(BigInteger v)
{
    public readonly BigInteger V = v;
}

/// <summary>A range's bounds, as read from its object by <see cref="Ranges.Get"/>.</summary>
public readonly struct RangeObject(long start, long stop, long step)
{
    public readonly long Start = start, Stop = stop, Step = step;
    /// <summary>len(): OverflowError past int64, as CPython's ssize_t.</summary>
    public long Length => Count <= long.MaxValue ? (long)Count : throw Errors.Overflow("Python int too large to convert to C ssize_t");

    /// <summary>The number of values, exact for every int64 range (up to 2^64 - 1): the spans and
    /// the step's magnitude are computed in wrapping unsigned arithmetic.</summary>
    public ulong Count => CountOf(Start, Stop, Step);

    /// <summary>The number of values of range(start, stop, step), step != 0.</summary>
    public static ulong CountOf(long start, long stop, long step)
    {
        if (step > 0) return start < stop ? (unchecked((ulong)stop - (ulong)start) - 1) / (ulong)step + 1 : 0;
        return start > stop ? (unchecked((ulong)start - (ulong)stop) - 1) / unchecked((ulong)-step) + 1 : 0;
    }
}

/// <summary>Range objects hold their bounds inline, with no companion: every `for i in range(n)` the
/// interpreter runs makes one, and a managed companion each (and its handle) kept .NET's heap growing
/// into fresh pages (spectral_norm under the interpreter: 0.55 MB, 137 page faults).</summary>
public static unsafe class Ranges
{
    public static Value New(long start, long stop, long step)
    {
        var h = NativeHeap.Alloc(Layout.RangeSize, ObjectKind.Range);
        // SAFETY: a fresh object of RangeSize bytes; its bounds are written before anything can see it.
        *(long*)((byte*)h + Layout.RangeStart) = start;
        *(long*)((byte*)h + Layout.RangeStop) = stop;
        *(long*)((byte*)h + Layout.RangeStep) = step;
        return Value.Obj((nint)h);
    }

    public static RangeObject Get(Value range)
    {
        // SAFETY: range is a live object of ObjectKind.Range; its bounds follow the header.
        byte* p = (byte*)range.Payload;
        return new RangeObject(*(long*)(p + Layout.RangeStart), *(long*)(p + Layout.RangeStop),
            *(long*)(p + Layout.RangeStep));
    }
}

/// <summary>A slice's bounds (None where missing), as read from its object by <see cref="Slices.Get"/>.</summary>
public readonly struct SliceObject(Value start, Value stop, Value step)
{
    public readonly Value Start = start, Stop = stop, Step = step;
}

/// <summary>Slice objects hold their three bounds inline, with no companion: `a[i:j]` makes one at each
/// evaluation, and a managed companion for each kept .NET's collector busy (fannkuch's flips).</summary>
public static unsafe class Slices
{
    public static Value New(Value start, Value stop, Value step)
    {
        var h = NativeHeap.Alloc(Layout.SliceSize, ObjectKind.Slice);
        // SAFETY: a fresh object of SliceSize bytes; its bounds are written before anything can see it.
        var bounds = Bounds(h);
        bounds[0] = start;
        bounds[1] = stop;
        bounds[2] = step;
        return Value.Obj((nint)h);
    }

    public static SliceObject Get(Value slice)
    {
        var bounds = Bounds((ObjectHeader*)slice.Payload);
        return new SliceObject(bounds[0], bounds[1], bounds[2]);
    }

    // SAFETY: h is a live slice object; its three bounds follow the header.
    internal static Value* Bounds(ObjectHeader* h) => (Value*)((byte*)h + Layout.SliceBounds);
}

/// <summary>A range whose bounds do not fit int64 (rare; slow paths only).</summary>
public sealed class BigRangeObject(BigInteger start, BigInteger stop, BigInteger step)
{
    public readonly BigInteger Start = start, Stop = stop, Step = step;
    public BigInteger Length
    {
        get
        {
            if (Step.Sign > 0) return Start < Stop ? (Stop - Start - 1) / Step + 1 : 0;
            return Start > Stop ? (Start - Stop - 1) / (-Step) + 1 : 0;
        }
    }

    public Value Item(Value key)
    {
        if (!Ints.IsIntLike(key)) throw Errors.Type($"range indices must be integers or slices, not {Types.NameOf(key)}");
        var i = Ints.ToBig(key);
        var n = Length;
        if (i < 0) i += n;
        if (i < 0 || i >= n) throw Errors.Index("range object index out of range");
        return Ints.FromBig(Start + i * Step);
    }

    public Value Iter()
    {
        var cur = Start;
        var left = Length;
        var step = Step;
        return Iterators.New(new NativeIterator(Types.RangeIterator, () =>
        {
            if (left <= 0) return Value.Empty;
            left--;
            var v = cur;
            cur += step;
            return Ints.FromBig(v);
        }, () => { }));
    }

    public bool Contains(Value v)
    {
        if (!Ints.IsIntLike(v)) return false;
        var x = Ints.ToBig(v);
        if (Step.Sign > 0 ? (x < Start || x >= Stop) : (x > Start || x <= Stop)) return false;
        return ((x - Start) % Step).IsZero;
    }

    public string Repr() => Step.IsOne ? $"range({Start}, {Stop})" : $"range({Start}, {Stop}, {Step})";
}
