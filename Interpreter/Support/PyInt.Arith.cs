using System.Numerics;

namespace Lbbv.Support;

public static partial class PyInt
{
    private static PyError DivZero() => PyError.ZeroDivision("integer division or modulo by zero");
    private static PyError ModZero() => PyError.ZeroDivision("integer modulo by zero");

    /// <summary>a // b with floor semantics. False when the result does not fit a long
    /// (only long.MinValue // -1); ZeroDivisionError when b == 0.</summary>
    public static bool FloorDiv(long a, long b, out long result)
    {
        if (b == 0) throw DivZero();
        if (b == -1)
        {
            if (a == long.MinValue) { result = 0; return false; }
            result = -a; return true;
        }
        long q = a / b;
        if ((a % b != 0) && ((a ^ b) < 0)) q--;
        result = q;
        return true;
    }

    /// <summary>a % b with the sign of b; ZeroDivisionError "integer modulo by zero".</summary>
    public static long Mod(long a, long b)
    {
        if (b == 0) throw ModZero();
        if (b == -1) return 0;
        long r = a % b;
        if (r != 0 && ((r ^ b) < 0)) r += b;
        return r;
    }

    /// <summary>divmod(a, b) for longs; false only for long.MinValue, -1.</summary>
    public static bool DivMod(long a, long b, out long q, out long r)
    {
        if (b == 0) throw DivZero();
        r = Mod(a, b);
        return FloorDiv(a, b, out q);
    }

    /// <summary>a // b (floor) for big ints.</summary>
    public static BigInteger FloorDiv(BigInteger a, BigInteger b)
    {
        if (b.IsZero) throw DivZero();
        // Same signs: truncation is flooring, and the remainder (a second big allocation) is not needed.
        if ((a.Sign >= 0) == (b.Sign > 0)) return BigInteger.Divide(a, b);
        var q = BigInteger.DivRem(a, b, out var r);
        if (!r.IsZero && (r.Sign != b.Sign)) q -= 1;
        return q;
    }

    /// <summary>a % b (sign of b) for big ints.</summary>
    public static BigInteger Mod(BigInteger a, BigInteger b)
    {
        if (b.IsZero) throw ModZero();
        var r = BigInteger.Remainder(a, b);
        if (!r.IsZero && (r.Sign != b.Sign)) r += b;
        return r;
    }

    /// <summary>divmod(a, b) for big ints.</summary>
    public static (BigInteger Quotient, BigInteger Remainder) DivMod(BigInteger a, BigInteger b)
    {
        if (b.IsZero) throw DivZero();
        var q = BigInteger.DivRem(a, b, out var r);
        if (!r.IsZero && (r.Sign != b.Sign)) { q -= 1; r += b; }
        return (q, r);
    }

    /// <summary>a / b correctly rounded as CPython long_true_divide; ZeroDivisionError "division by
    /// zero", OverflowError "integer division result too large for a float".</summary>
    public static double TrueDivide(BigInteger a, BigInteger b)
    {
        if (b.IsZero) throw PyError.ZeroDivision("division by zero");
        const long TwoP53 = 1L << 53;
        if (a >= -TwoP53 && a <= TwoP53 && b >= -TwoP53 && b <= TwoP53) return (double)(long)a / (long)b;
        return TrueDivideSlow(a, b);
    }

    /// <summary>a / b for longs (exact fast path when both fit 53 bits).</summary>
    public static double TrueDivide(long a, long b)
    {
        if (b == 0) throw PyError.ZeroDivision("division by zero");
        const long TwoP53 = 1L << 53;
        if (a >= -TwoP53 && a <= TwoP53 && b >= -TwoP53 && b <= TwoP53) return (double)a / b;
        return TrueDivideSlow(a, b);
    }

    private static double TrueDivideSlow(BigInteger a, BigInteger b)
    {
        bool neg = (a.Sign < 0) ^ (b.Sign < 0);
        BigInteger na = BigInteger.Abs(a), nb = BigInteger.Abs(b);
        if (na.IsZero) return neg ? -0.0 : 0.0;
        long la = (long)na.GetBitLength(), lb = (long)nb.GetBitLength();
        // a/b < 2**(la-lb+1): overflow impossible below 1024, certain at >= 1025 + slack.
        if (la - lb > 1025) throw PyError.Overflow("integer division result too large for a float");
        if (la - lb < -1080) return neg ? -0.0 : 0.0;
        // Scale so that the quotient has at least 55 bits.
        long shift = 55 - (la - lb);
        BigInteger q, r;
        if (shift >= 0) q = BigInteger.DivRem(na << (int)shift, nb, out r);
        else q = BigInteger.DivRem(na, nb << (int)(-shift), out r);
        double d = RoundToDouble(q, !r.IsZero, -shift);
        if (double.IsInfinity(d)) throw PyError.Overflow("integer division result too large for a float");
        return neg ? -d : d;
    }

    /// <summary>
    /// a ** b for b &gt;= 0 (exact). For b &lt; 0 use <see cref="PowNegative"/> (CPython returns a float).
    /// </summary>
    public static BigInteger Pow(BigInteger a, BigInteger b)
    {
        if (b.Sign < 0) throw new ArgumentOutOfRangeException(nameof(b), "use PowNegative");
        if (b.IsZero) return BigInteger.One;
        if (a.IsZero || a.IsOne) return a;
        if (a == BigInteger.MinusOne) return b.IsEven ? BigInteger.One : BigInteger.MinusOne;
        if (b > int.MaxValue) throw new PyError("MemoryError", "");
        return BigInteger.Pow(a, (int)b);
    }

    /// <summary>a ** b for b &lt; 0: float(a) ** float(b) (2 ** -1 == 0.5); ZeroDivisionError
    /// "0.0 cannot be raised to a negative power" when a == 0.</summary>
    public static double PowNegative(BigInteger a, BigInteger b) => PyFloat.Pow(ToDouble(a), ToDouble(b));

    /// <summary>a ** b for longs when the result fits; false otherwise (b must be &gt;= 0).</summary>
    public static bool TryPow(long a, long b, out long result)
    {
        result = 1;
        if (b < 0) return false;
        long @base = a;
        while (b > 0)
        {
            if ((b & 1) != 0)
            {
                long t;
                try { t = checked(result * @base); } catch (OverflowException) { return false; }
                result = t;
            }
            b >>= 1;
            if (b > 0)
            {
                try { @base = checked(@base * @base); } catch (OverflowException) { return false; }
            }
        }
        return true;
    }

    /// <summary>pow(a, b, m) as CPython 3.8+: negative b uses the modular inverse ("base is not
    /// invertible for the given modulus"); m == 0: "pow() 3rd argument cannot be 0"; sign follows m.</summary>
    public static BigInteger PowMod(BigInteger a, BigInteger b, BigInteger m)
    {
        if (m.IsZero) throw PyError.Value("pow() 3rd argument cannot be 0");
        bool negOut = m.Sign < 0;
        BigInteger mod = BigInteger.Abs(m);
        if (mod.IsOne) return BigInteger.Zero;
        if (b.Sign < 0)
        {
            a = ModInverse(Mod(a, mod), mod);
            b = -b;
        }
        BigInteger r = BigInteger.ModPow(Mod(a, mod), b, mod);
        if (negOut && !r.IsZero) r -= mod;
        return r;
    }

    private static BigInteger ModInverse(BigInteger a, BigInteger n)
    {
        BigInteger t = 0, newT = 1, r = n, newR = a;
        while (!newR.IsZero)
        {
            var q = BigInteger.Divide(r, newR);
            (t, newT) = (newT, t - q * newT);
            (r, newR) = (newR, r - q * newR);
        }
        if (!r.IsOne) throw PyError.Value("base is not invertible for the given modulus");
        return t.Sign < 0 ? t + n : t;
    }

    /// <summary>int.bit_length().</summary>
    public static long BitLength(BigInteger v) => (long)BigInteger.Abs(v).GetBitLength();

    /// <summary>int.bit_length() for a long.</summary>
    public static int BitLength(long v)
    {
        ulong u = v < 0 ? (ulong)(-(v + 1)) + 1 : (ulong)v;
        return 64 - BitOperations.LeadingZeroCount(u);
    }

    /// <summary>a &lt;&lt; n; ValueError "negative shift count".</summary>
    public static BigInteger LeftShift(BigInteger a, BigInteger n)
    {
        if (n.Sign < 0) throw PyError.Value("negative shift count");
        if (a.IsZero) return a;
        if (n > int.MaxValue) throw PyError.Overflow("too many digits in integer");
        return a << (int)n;
    }

    /// <summary>a &gt;&gt; n (floor); ValueError "negative shift count".</summary>
    public static BigInteger RightShift(BigInteger a, BigInteger n)
    {
        if (n.Sign < 0) throw PyError.Value("negative shift count");
        if (n > int.MaxValue) return a.Sign < 0 ? BigInteger.MinusOne : BigInteger.Zero;
        return a >> (int)n; // BigInteger's >> is arithmetic (floor) for negatives
    }

    /// <summary>a &lt;&lt; n for longs when the result fits; false otherwise.</summary>
    public static bool TryLeftShift(long a, long n, out long result)
    {
        if (n < 0) throw PyError.Value("negative shift count");
        result = 0;
        if (a == 0) return true;
        if (n >= 64) return false;
        long r = a << (int)n;
        if ((r >> (int)n) != a) return false;
        result = r;
        return true;
    }

    /// <summary>a &gt;&gt; n for longs (never overflows).</summary>
    public static long RightShift(long a, long n)
    {
        if (n < 0) throw PyError.Value("negative shift count");
        return n >= 64 ? (a < 0 ? -1 : 0) : a >> (int)n;
    }

    /// <summary>hash(n) as CPython: sign * (|n| mod (2**61-1)), with -1 mapped to -2.</summary>
    public static long Hash(long v)
    {
        ulong u = v < 0 ? (ulong)(-(v + 1)) + 1 : (ulong)v;
        long h = (long)(u % (ulong)HashModulus);
        if (v < 0) h = -h;
        return h == -1 ? -2 : h;
    }

    /// <summary>hash(n) for big ints.</summary>
    public static long Hash(BigInteger v)
    {
        if (v >= long.MinValue && v <= long.MaxValue) return Hash((long)v);
        long h = (long)(BigInteger.Abs(v) % HashModulus);
        if (v.Sign < 0) h = -h;
        return h == -1 ? -2 : h;
    }
}
