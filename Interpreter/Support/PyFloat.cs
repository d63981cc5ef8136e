using System.Globalization;
using System.Numerics;

namespace Lbbv.Support;

/// <summary>CPython float algorithms: parsing, floor division and modulo, pow, round, hash.</summary>
public static class PyFloat
{
    /// <summary>CPython's float('nan') has the sign bit clear (.NET's double.NaN has it set).</summary>
    public static readonly double PositiveNaN = BitConverter.Int64BitsToDouble(0x7FF8000000000000);

    /// <summary>float(s): whitespace, PEP 515 underscores, inf/infinity/nan (any case, signed),
    /// Unicode decimal digits; ValueError "could not convert string to float: 'x'".</summary>
    public static double Parse(string s)
    {
        if (TryParse(s, out double d)) return d;
        throw PyError.Value("could not convert string to float: " + PyStr.Repr(s));
    }

    /// <summary>Non-throwing <see cref="Parse"/>.</summary>
    public static bool TryParse(string s, out double result)
    {
        result = 0;
        int start = 0, end = s.Length;
        while (start < end && PyStr.IsSpaceChar(s[start])) start++;
        while (end > start && PyStr.IsSpaceChar(s[end - 1])) end--;
        if (start == end) return false;
        Span<char> buf = end - start <= 256 ? stackalloc char[end - start] : new char[end - start];
        int n = 0;
        // Copy, mapping Unicode decimal digits to ASCII and dropping underscores between digits.
        for (int i = start; i < end; i++)
        {
            char c = s[i];
            if (c == '_')
            {
                if (i == start || i + 1 >= end || !IsDigitAt(s, i - 1) || !IsDigitAt(s, i + 1)) return false;
                continue;
            }
            if (c >= 128)
            {
                int v = UnicodeData.DecimalValue(c);
                if (v < 0) return false;
                c = (char)('0' + v);
            }
            buf[n++] = c;
        }
        var t = buf[..n];
        int p = 0;
        bool neg = false;
        if (p < t.Length && (t[p] == '+' || t[p] == '-')) { neg = t[p] == '-'; p++; }
        var rest = t[p..];
        if (rest.Equals("inf", StringComparison.OrdinalIgnoreCase) || rest.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            result = neg ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }
        if (rest.Equals("nan", StringComparison.OrdinalIgnoreCase)) { result = neg ? -PositiveNaN : PositiveNaN; return true; }
        // digits [. digits] [e [sign] digits], at least one mantissa digit.
        int q = 0, md = 0;
        while (q < rest.Length && (uint)(rest[q] - '0') <= 9) { q++; md++; }
        if (q < rest.Length && rest[q] == '.')
        {
            q++;
            while (q < rest.Length && (uint)(rest[q] - '0') <= 9) { q++; md++; }
        }
        if (md == 0) return false;
        if (q < rest.Length && (rest[q] == 'e' || rest[q] == 'E'))
        {
            q++;
            if (q < rest.Length && (rest[q] == '+' || rest[q] == '-')) q++;
            int ed = 0;
            while (q < rest.Length && (uint)(rest[q] - '0') <= 9) { q++; ed++; }
            if (ed == 0) return false;
        }
        if (q != rest.Length) return false;
        result = double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture);
        return true;
    }

    private static bool IsDigitAt(string s, int i)
    {
        char c = s[i];
        return (c >= '0' && c <= '9') || (c >= 128 && UnicodeData.DecimalValue(c) >= 0);
    }

    /// <summary>x // y (CPython float_floor_div); ZeroDivisionError "float floor division by zero".</summary>
    public static double FloorDiv(double x, double y)
    {
        if (y == 0) throw PyError.ZeroDivision("float floor division by zero");
        DivModCore(x, y, out double q, out _);
        return q;
    }

    /// <summary>x % y with the sign of y (CPython float_rem); ZeroDivisionError "float modulo".</summary>
    public static double Mod(double x, double y)
    {
        if (y == 0) throw PyError.ZeroDivision("float modulo");
        double mod = x % y; // C# % on doubles is C fmod
        if (mod != 0)
        {
            if ((y < 0) != (mod < 0)) mod += y;
        }
        else mod = Math.CopySign(0.0, y);
        return mod;
    }

    /// <summary>divmod(x, y); ZeroDivisionError "float divmod()".</summary>
    public static (double Quotient, double Remainder) DivMod(double x, double y)
    {
        if (y == 0) throw PyError.ZeroDivision("float divmod()");
        DivModCore(x, y, out double q, out double r);
        return (q, r);
    }

    /// <summary>x / y; ZeroDivisionError "float division by zero".</summary>
    public static double TrueDivide(double x, double y)
    {
        if (y == 0) throw PyError.ZeroDivision("float division by zero");
        return x / y;
    }

    private static void DivModCore(double vx, double wx, out double floordiv, out double mod)
    {
        mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0)
        {
            if ((wx < 0) != (mod < 0)) { mod += wx; div -= 1.0; }
        }
        else mod = Math.CopySign(0.0, wx);
        if (div != 0)
        {
            floordiv = Math.Floor(div);
            if (div - floordiv > 0.5) floordiv += 1.0;
        }
        else floordiv = Math.CopySign(0.0, vx / wx);
    }

    private static bool IsOddInteger(double x) => Math.Abs(Math.IEEERemainder(x, 2.0)) == 1.0;

    /// <summary>x ** y as CPython float_pow. ZeroDivisionError "0.0 cannot be raised to a negative
    /// power"; OverflowError "(34, 'Numerical result out of range')"; a negative base with a
    /// non-integer exponent (complex in CPython) raises NotImplementedError "complex numbers are not supported".</summary>
    public static double Pow(double iv, double iw)
    {
        if (iw == 0) return 1.0;
        if (double.IsNaN(iv)) return iv;
        if (double.IsNaN(iw)) return iv == 1.0 ? 1.0 : iw;
        if (double.IsInfinity(iw))
        {
            iv = Math.Abs(iv);
            if (iv == 1.0) return 1.0;
            if ((iw > 0.0) == (iv > 1.0)) return Math.Abs(iw);
            return 0.0;
        }
        if (double.IsInfinity(iv))
        {
            bool odd = IsOddInteger(iw);
            if (iw > 0.0) return odd ? iv : Math.Abs(iv);
            return odd ? Math.CopySign(0.0, iv) : 0.0;
        }
        if (iv == 0.0)
        {
            bool odd = IsOddInteger(iw);
            if (iw < 0.0) throw PyError.ZeroDivision("0.0 cannot be raised to a negative power");
            return odd ? iv : 0.0;
        }
        bool negate = false;
        if (iv < 0.0)
        {
            if (iw != Math.Floor(iw)) throw new PyError("NotImplementedError", "complex numbers are not supported");
            iv = -iv;
            negate = IsOddInteger(iw);
        }
        if (iv == 1.0) return negate ? -1.0 : 1.0;
        double ix = Math.Pow(iv, iw);
        if (double.IsInfinity(ix)) throw PyError.Overflow("(34, 'Numerical result out of range')");
        return negate ? -ix : ix;
    }

    /// <summary>round(x, ndigits) as CPython: correctly rounded through the decimal string;
    /// OverflowError "rounded value too large to represent".</summary>
    public static double Round(double x, long ndigits)
    {
        if (!double.IsFinite(x)) return x;
        if (ndigits > 323) return x;
        if (ndigits < -308) return 0.0 * x;
        if (x == 0) return x;
        int nd = (int)ndigits;
        string digits = DoubleDigits.Rounded(x, 3, nd, out int decpt);
        if (digits.Length == 0) return x < 0 ? -0.0 : 0.0;
        string text = digits + "e" + (decpt - digits.Length).ToString(CultureInfo.InvariantCulture);
        double r = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(r)) throw PyError.Overflow("rounded value too large to represent");
        return x < 0 ? -r : r;
    }

    /// <summary>round(x) with one argument: half-even to an int; OverflowError "cannot convert float
    /// infinity to integer", ValueError "cannot convert float NaN to integer".</summary>
    public static BigInteger RoundToInt(double x) => PyInt.FromDouble(Math.Round(x, MidpointRounding.ToEven));

    /// <summary>True when x is finite and integral (float.is_integer()).</summary>
    public static bool IsInteger(double x) => double.IsFinite(x) && x == Math.Floor(x);

    /// <summary>hash(x) as CPython _Py_HashDouble; NaN hashes by identity in CPython, so the
    /// runtime passes <paramref name="nanHash"/> for it.</summary>
    public static long Hash(double v, long nanHash = 0)
    {
        if (!double.IsFinite(v)) return double.IsNaN(v) ? nanHash : v > 0 ? 314159 : -314159;
        if (v == Math.Floor(v) && Math.Abs(v) < 9.2e18) return PyInt.Hash((long)v);
        const ulong Mod = (ulong)PyInt.HashModulus;
        const int Bits = 61;
        double m = Frexp(v, out int e);
        int sign = 1;
        if (m < 0) { sign = -1; m = -m; }
        ulong x = 0;
        while (m != 0)
        {
            x = ((x << 28) & Mod) | x >> (Bits - 28);
            m *= 268435456.0;
            e -= 28;
            ulong y = (ulong)m;
            m -= y;
            x += y;
            if (x >= Mod) x -= Mod;
        }
        e = e >= 0 ? e % Bits : Bits - 1 - ((-1 - e) % Bits);
        x = ((x << e) & Mod) | x >> (Bits - e);
        long h = (long)x * sign;
        return h == -1 ? -2 : h;
    }

    private static double Frexp(double d, out int e)
    {
        long bits = BitConverter.DoubleToInt64Bits(d);
        int exp = (int)((bits >> 52) & 0x7FF);
        if (exp == 0)
        {
            // Subnormal: normalize by scaling up.
            d *= 18014398509481984.0; // 2**54
            bits = BitConverter.DoubleToInt64Bits(d);
            exp = (int)((bits >> 52) & 0x7FF) - 54;
        }
        e = exp - 1022;
        bits = (bits & unchecked((long)0x800FFFFFFFFFFFFFUL)) | (1022L << 52);
        return BitConverter.Int64BitsToDouble(bits);
    }
}
