// int values: int64 fast path, BigInteger companions beyond it (normalized back when they fit).
using System.Numerics;

namespace Lbbv.Runtime;

public static class Ints
{
    public static Value FromBig(BigInteger b)
    {
        // Every value of [-2**63, 2**63) needs at most 63 bits besides the sign. The bit length is a
        // read of the top word, where two range compares and GetByteCount (a walk of the words) were
        // a tenth of a gcd step's cost on big values.
        long bits = b.GetBitLength();
        if (bits < 64) return Value.Int((long)b);
        NativeHeap.AccountManaged(32 + bits / 8 + 9);
        return Obj.New(ObjectKind.BigInt, new BigIntObject(b));
    }

    /// <summary>True for int, bool and big int values.</summary>
    public static bool IsIntLike(Value v) => v.IsInt || v.IsBool || v.Is(ObjectKind.BigInt);
    public static bool IsBig(Value v) => v.Is(ObjectKind.BigInt);

    public static BigInteger ToBig(Value v) => v.IsObject ? Obj.Get<BigIntObject>(v).V : v.Payload;

    /// <summary>A Python int as int64, or OverflowError ("Python int too large to convert to C ssize_t").</summary>
    public static long ToLong(Value v, string? what = null)
    {
        if (v.IsInt || v.IsBool) return v.Payload;
        if (Arith.IsUser(v) && Index(v) is var i && IsIntLike(i)) return ToLong(i, what);
        if (IsBig(v)) throw Errors.New(Types.OverflowError, what ?? "Python int too large to convert to C ssize_t");
        throw Errors.Type($"'{Types.NameOf(v)}' object cannot be interpreted as an integer");
    }

    /// <summary>operator.index(v) for an instance whose class defines __index__ (an int subclass), else v.</summary>
    public static Value Index(Value v)
    {
        if (!Arith.IsUser(v)) return v;
        var m = Types.Of(v).Lookup("__index__");
        if (m.IsEmpty) return v;
        var r = Calls.CallMethod(m, v);
        if (!IsIntLike(r)) throw Errors.Type($"__index__ returned non-int (type {Types.NameOf(r)})");
        return r;
    }

    public static bool IsNumber(Value v) => v.IsInt || v.IsFloat || v.IsBool || IsBig(v);

    public static double ToDouble(Value v)
    {
        if (v.IsFloat) return v.AsFloat;
        if (v.IsInt || v.IsBool) return v.Payload;
        if (IsBig(v)) return Lbbv.Support.PyInt.ToDouble(ToBig(v));
        throw Errors.Type($"must be real number, not {Types.NameOf(v)}");
    }
}
