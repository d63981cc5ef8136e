using System.Globalization;
using System.Numerics;
using System.Text;

namespace Lbbv.Support;

/// <summary>CPython int algorithms over long (fast paths) and BigInteger.</summary>
public static partial class PyInt
{
    /// <summary>CPython 3.11's default sys.int_max_str_digits.</summary>
    public const int MaxStrDigits = 4300;

    /// <summary>P = 2**61 - 1, the modulus of numeric hashing.</summary>
    public const long HashModulus = (1L << 61) - 1;

    // ---- conversion to text ----

    /// <summary>Digits of a non-negative value in radix 2, 8 or 16 (lowercase, no prefix).</summary>
    public static string ToRadixDigits(BigInteger abs, int radix)
    {
        if (abs.IsZero) return "0";
        if (abs <= ulong.MaxValue)
        {
            ulong u = (ulong)abs;
            return radix switch
            {
                16 => u.ToString("x", CultureInfo.InvariantCulture),
                2 => u.ToString("b", CultureInfo.InvariantCulture),
                _ => ULongToOctal(u),
            };
        }
        int shift = radix == 2 ? 1 : radix == 8 ? 3 : 4;
        long bits = (long)abs.GetBitLength();
        int n = (int)((bits + shift - 1) / shift);
        var chars = new char[n];
        byte[] bytes = abs.ToByteArray(isUnsigned: true, isBigEndian: false);
        for (int i = 0; i < n; i++)
        {
            long bitPos = (long)i * shift;
            int v = 0;
            for (int b = 0; b < shift; b++)
            {
                long p = bitPos + b;
                int byteIdx = (int)(p >> 3);
                if (byteIdx < bytes.Length && ((bytes[byteIdx] >> (int)(p & 7)) & 1) != 0) v |= 1 << b;
            }
            chars[n - 1 - i] = "0123456789abcdef"[v];
        }
        return new string(chars);
    }

    private static string ULongToOctal(ulong u)
    {
        Span<char> buf = stackalloc char[24];
        int i = buf.Length;
        do { buf[--i] = (char)('0' + (int)(u & 7)); u >>= 3; } while (u != 0);
        return new string(buf[i..]);
    }

    /// <summary>hex()/oct()/bin(): radix 16, 8 or 2 with prefix and sign, e.g. "-0x1f".</summary>
    public static string ToString(BigInteger value, int radix)
    {
        string prefix = radix switch { 16 => "0x", 8 => "0o", 2 => "0b", _ => throw new ArgumentOutOfRangeException(nameof(radix)) };
        string digits = ToRadixDigits(BigInteger.Abs(value), radix);
        return value.Sign < 0 ? "-" + prefix + digits : prefix + digits;
    }

    /// <summary>str(n) in base 10, with the 3.11 int_max_str_digits limit (ValueError).</summary>
    public static string ToDecimalString(BigInteger value)
    {
        if (value >= long.MinValue && value <= long.MaxValue) return ((long)value).ToString(CultureInfo.InvariantCulture);
        // Cheap bound first: digits >= bits * log10(2).
        if (value.GetBitLength() > 14280) // below this, at most 4300 digits
        {
            string s0 = value.ToString(CultureInfo.InvariantCulture);
            if (s0.Length - (value.Sign < 0 ? 1 : 0) > MaxStrDigits)
                throw PyError.Value($"Exceeds the limit ({MaxStrDigits} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
            return s0;
        }
        return value.ToString(CultureInfo.InvariantCulture);
    }

    // ---- parsing ----

    /// <summary>
    /// int(s, base): surrounding whitespace, sign, PEP 515 underscores, 0x/0o/0b prefixes (base 16/8/2
    /// or 0), base 0 rules, Unicode decimal digits. ValueError "invalid literal for int() with base
    /// 10: 'abc'" (repr of the input, at most 200 chars) or "int() base must be >= 2 and &lt;= 36, or 0".
    /// </summary>
    public static BigInteger ParseInt(string s, int @base)
    {
        if (TryParseInt(s, @base, out BigInteger result, out string? error)) return result;
        throw PyError.Value(error!);
    }

    /// <summary>Non-throwing <see cref="ParseInt"/>; error receives the message on failure.</summary>
    public static bool TryParseInt(string s, int @base, out BigInteger result, out string? error)
    {
        result = BigInteger.Zero;
        error = null;
        if (@base != 0 && (@base < 2 || @base > 36)) { error = "int() base must be >= 2 and <= 36, or 0"; return false; }
        int start = 0, end = s.Length;
        while (start < end && PyStr.IsSpaceChar(s[start])) start++;
        while (end > start && PyStr.IsSpaceChar(s[end - 1])) end--;
        int i = start;
        bool neg = false;
        if (i < end && (s[i] == '+' || s[i] == '-')) { neg = s[i] == '-'; i++; }
        int b = @base;
        bool prefixed = false;
        if (i + 1 < end && s[i] == '0')
        {
            char p = (char)(s[i + 1] | 0x20);
            if ((p == 'x' && (b == 16 || b == 0)) || (p == 'o' && (b == 8 || b == 0)) || (p == 'b' && (b == 2 || b == 0)))
            {
                b = p == 'x' ? 16 : p == 'o' ? 8 : 2;
                i += 2;
                prefixed = true;
            }
        }
        bool leadingZeroCheck = false;
        if (b == 0) { b = 10; leadingZeroCheck = true; }

        // Collect digit values, validating underscores: allowed only between digits, or right after a prefix.
        int nd = 0;
        Span<int> vals = end - i <= 128 ? stackalloc int[end - i] : new int[end - i];
        bool prevUnderscore = prefixed; // "0x_1" is fine: the prefix counts as a digit boundary
        bool ok = i < end;
        bool allZero = true;
        for (int k = i; k < end && ok; k++)
        {
            char c = s[k];
            if (c == '_')
            {
                if (nd == 0 && !prefixed) { ok = false; break; }
                if (prevUnderscore && nd > 0) { ok = false; break; }
                if (nd == 0 && prefixed && k != i) { ok = false; break; }
                prevUnderscore = true;
                continue;
            }
            int v = DigitValue(c, s, ref k);
            if (v < 0 || v >= b) { ok = false; break; }
            if (v != 0) allZero = false;
            vals[nd++] = v;
            prevUnderscore = false;
        }
        if (ok && (nd == 0 || (prevUnderscore && nd > 0))) ok = false;
        if (ok && leadingZeroCheck && !prefixed && vals[0] == 0 && !allZero) ok = false;
        if (!ok)
        {
            error = $"invalid literal for int() with base {@base}: {TruncRepr(s)}";
            return false;
        }
        if ((b & (b - 1)) != 0 && nd > MaxStrDigits)
        {
            error = $"Exceeds the limit ({MaxStrDigits} digits) for integer string conversion: value has {nd} digits; use sys.set_int_max_str_digits() to increase the limit";
            return false;
        }
        result = DigitsToBigInteger(vals[..nd], b);
        if (neg) result = -result;
        return true;
    }

    private static string TruncRepr(string s)
    {
        string r = PyStr.Repr(s);
        return PyStr.Length(r) > 200 ? PyStr.Slice(r, 0, 200) : r;
    }

    /// <summary>Value of an ASCII letter/digit or a Unicode decimal digit; -1 otherwise.</summary>
    private static int DigitValue(char c, string s, ref int k)
    {
        if (c >= '0' && c <= '9') return c - '0';
        int lc = c | 0x20;
        if (lc >= 'a' && lc <= 'z') return lc - 'a' + 10;
        if (c < 128) return -1;
        int cp = c;
        if (char.IsHighSurrogate(c) && k + 1 < s.Length && char.IsLowSurrogate(s[k + 1]))
        {
            cp = char.ConvertToUtf32(c, s[k + 1]);
            k++;
        }
        return UnicodeData.DecimalValue(cp);
    }

    private static BigInteger DigitsToBigInteger(ReadOnlySpan<int> vals, int b)
    {
        // Divide and conquer: 12 digits of base <= 36 fit a ulong; halves combine by one multiply.
        return Combine(vals, b);

        static BigInteger Combine(ReadOnlySpan<int> v, int b)
        {
            if (v.Length <= 12)
            {
                ulong acc = 0;
                foreach (int d in v) acc = acc * (ulong)b + (ulong)d;
                return acc;
            }
            int half = v.Length / 2;
            int lowLen = v.Length - half;
            return Combine(v[..half], b) * BigInteger.Pow(b, lowLen) + Combine(v[half..], b);
        }
    }

    // ---- conversion to and from double ----

    /// <summary>float(n): correctly rounded (half-even); OverflowError "int too large to convert to float".</summary>
    public static double ToDouble(BigInteger value)
    {
        if (value >= long.MinValue && value <= long.MaxValue) return (long)value;
        double d = RoundToDouble(BigInteger.Abs(value), false, 0);
        if (double.IsInfinity(d)) throw PyError.Overflow("int too large to convert to float");
        return value.Sign < 0 ? -d : d;
    }

    /// <summary>
    /// (q + (sticky ? tiny : 0)) * 2**exp2 rounded half-even to a double (may be +inf); q &gt;= 0.
    /// </summary>
    internal static double RoundToDouble(BigInteger q, bool sticky, long exp2)
    {
        if (q.IsZero) return 0.0;
        long nbits = (long)q.GetBitLength();
        long drop = Math.Max(nbits - 53, -1074 - exp2);
        ulong kept;
        if (drop <= 0)
        {
            kept = (ulong)q; // exact (and sticky cannot matter: it is below the last kept bit only if drop > 0)
            if (sticky && drop == 0) { /* remainder strictly below half ulp: round down */ }
            return ScaleExact(kept, exp2);
        }
        if (drop > nbits + 1) return 0.0; // far below the smallest subnormal
        // The kept bits and the first dropped one in one small shift; whether any dropped bit below
        // that one is set from q's trailing zeros: no big temporaries (the remainder and the half
        // were two more numbers of q's size per conversion).
        ulong keptAndHalf = (ulong)(q >> (int)(drop - 1));
        kept = keptAndHalf >> 1;
        bool halfBit = (keptAndHalf & 1) != 0;
        bool belowHalf = (long)BigInteger.TrailingZeroCount(q) < drop - 1;
        bool up = halfBit && (belowHalf || sticky || (kept & 1) == 1);
        if (up) kept++;
        return ScaleExact(kept, exp2 + drop);
    }

    /// <summary>
    /// CPython's _PyLong_Frexp for value &gt; 0: m in [0.5, 1), rounded half-even to 53 bits, with
    /// value ~= m * 2**e. For the logarithm of an int too large for a float.
    /// </summary>
    public static double Frexp(BigInteger value, out long e)
    {
        e = (long)value.GetBitLength();
        double m = RoundToDouble(value, false, -e);
        if (m == 1.0) { m = 0.5; e++; }
        return m;
    }

    /// <summary>float(n) when it does not overflow (correctly rounded, as <see cref="ToDouble"/>).</summary>
    public static bool TryToDouble(BigInteger value, out double result)
    {
        result = RoundToDouble(BigInteger.Abs(value), false, 0);
        if (value.Sign < 0) result = -result;
        return !double.IsInfinity(result);
    }

    private static double ScaleExact(ulong kept, long exp)
    {
        if (exp > 2000) return double.PositiveInfinity;
        if (exp < -2200) return 0.0;
        // kept <= 2**53, so the conversion is exact; the scaling is exact unless it overflows.
        return Math.ScaleB((double)kept, (int)exp);
    }

    /// <summary>int(x) for a float: exact truncation; ValueError for NaN, OverflowError for inf.</summary>
    public static BigInteger FromDouble(double x)
    {
        if (double.IsNaN(x)) throw PyError.Value("cannot convert float NaN to integer");
        if (double.IsInfinity(x)) throw PyError.Overflow("cannot convert float infinity to integer");
        if (Math.Abs(x) < 9.2e18) return (long)x;
        return new BigInteger(x); // exact for integral doubles of this magnitude
    }

    /// <summary>int(x) when the result fits a long (fast path); false otherwise or for NaN/inf.</summary>
    public static bool TryFromDouble(double x, out long result)
    {
        if (x > -9.2e18 && x < 9.2e18) { result = (long)x; return true; }
        result = 0;
        return false;
    }
}
