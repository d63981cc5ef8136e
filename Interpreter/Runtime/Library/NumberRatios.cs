// int.as_integer_ratio and float.as_integer_ratio (the exact ratio fractions.Fraction builds on).
using System.Numerics;

namespace Lbbv.Runtime;

public static class NumberRatios
{
    public static void Register(TypeBuilder i, TypeBuilder f)
    {
        i.Method("as_integer_ratio", static (in Args a) =>
        {
            a.Exactly(1, "as_integer_ratio");
            var n = a[0].IsBool ? Value.Int(a[0].Payload) : a[0];
            return Tuples.FromSpan([n, Value.Int(1)]);
        });
        f.Method("as_integer_ratio", static (in Args a) =>
        {
            a.Exactly(1, "as_integer_ratio");
            var (n, d) = Ratio(a[0].AsFloat);
            var num = Ints.FromBig(n);
            using var root = TempRoots.Push(num);
            return Tuples.FromSpan([num, Ints.FromBig(d)]);
        });
    }

    /// <summary>x as numerator/denominator in lowest terms (the denominator a power of two).</summary>
    public static (BigInteger Numerator, BigInteger Denominator) Ratio(double x)
    {
        if (double.IsNaN(x)) throw Errors.ValueErr("cannot convert NaN to integer ratio");
        if (double.IsInfinity(x)) throw Errors.Overflow("cannot convert Infinity to integer ratio");
        if (x == 0) return (BigInteger.Zero, BigInteger.One);
        long bits = BitConverter.DoubleToInt64Bits(x);
        bool negative = bits < 0;
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent = 1; // subnormal
        else mantissa |= 1L << 52;
        exponent -= 1075; // x = mantissa * 2**exponent
        int shift = BitOperations.TrailingZeroCount(mantissa);
        mantissa >>= shift;
        exponent += shift;
        var n = new BigInteger(negative ? -mantissa : mantissa);
        return exponent >= 0 ? (n << exponent, BigInteger.One) : (n, BigInteger.One << -exponent);
    }
}
