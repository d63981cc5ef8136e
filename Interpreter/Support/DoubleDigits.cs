using System.Globalization;
using System.Numerics;

namespace Lbbv.Support;

/// <summary>
/// Decimal digit generation for finite doubles, as David Gay's _Py_dg_dtoa: the result is a digit
/// string D without trailing zeros and an exponent decpt with |x| = 0.D * 10**decpt.
/// Mode 0 = shortest round-trip, mode 2 = n significant digits, mode 3 = n digits after the point;
/// rounding is correct (round-half-even on the exact binary value).
/// </summary>
internal static class DoubleDigits
{
    /// <summary>Shortest round-trip digits (mode 0). x must be finite and non-zero.</summary>
    public static string Shortest(double x, out int decpt) => ShortestDigits.Of(x, out decpt);

    private static readonly ulong[] SmallPow5 = MakePowers(5, 28);
    private static readonly UInt128[] Pow10 = MakePowers128(10, 39);

    private static ulong[] MakePowers(ulong b, int n)
    {
        var r = new ulong[n];
        r[0] = 1;
        for (int i = 1; i < n; i++) r[i] = r[i - 1] * b;
        return r;
    }

    private static UInt128[] MakePowers128(ulong b, int n)
    {
        var r = new UInt128[n];
        r[0] = 1;
        for (int i = 1; i < n; i++) r[i] = r[i - 1] * b;
        return r;
    }

    /// <summary>
    /// Fast exact path: |x| * 10**p rounded half-even to an integer, in 128-bit arithmetic.
    /// |x| = m * 2**e, so |x| * 10**p = m * 5**p * 2**(e+p); false when that does not fit.
    /// </summary>
    private static bool TryScaleRound(ulong m, int e, int p, out UInt128 q)
    {
        q = 0;
        if (p < 0 || p > 27) return false;
        UInt128 n = (UInt128)m * SmallPow5[p]; // < 2**53 * 2**63
        int s = e + p;
        if (s >= 0)
        {
            if (s > 10) return false; // keep below 2**127
            q = n << s;
            return true;
        }
        int k = -s;
        if (k >= 127) return false;
        q = n >> k;
        UInt128 rem = n - (q << k);
        UInt128 half = UInt128.One << (k - 1);
        if (rem > half || (rem == half && (q & 1) == 1)) q++;
        return true;
    }

    private static bool TryRoundedFast(double x, int mode, int n, out string? digits, out int decpt)
    {
        digits = null;
        decpt = 0;
        long bits = BitConverter.DoubleToInt64Bits(x) & long.MaxValue;
        int be = (int)(bits >> 52);
        if (be == 0) return false; // subnormal: rare, use the exact path
        ulong m = (ulong)(bits & ((1L << 52) - 1)) | (1UL << 52);
        int e = be - 1075;
        UInt128 q;
        int p;
        if (mode == 3)
        {
            p = n;
            if (!TryScaleRound(m, e, p, out q)) return false;
        }
        else
        {
            if (n > 30) return false;
            // Estimate the decimal exponent, then correct it from the size of the result.
            int k = (int)Math.Floor(Math.Log10(Math.Abs(x))) + 1;
            int tries = 0;
            while (true)
            {
                p = n - k;
                if (!TryScaleRound(m, e, p, out q)) return false;
                if (q < Pow10[n - 1]) k--;
                else if (q > Pow10[n]) k++;
                else break;
                if (++tries > 3) return false;
            }
        }
        if (q == 0) { decpt = -p; digits = ""; return true; }
        string s = q.ToString(System.Globalization.CultureInfo.InvariantCulture);
        decpt = s.Length - p;
        int end = s.Length;
        while (s[end - 1] == '0') end--;
        digits = end == s.Length ? s : s[..end];
        return true;
    }

    private static BigInteger Pow5(int k)
    {
        var v = Pow5Cache.Powers[k];
        if (v.IsZero) { v = BigInteger.Pow(5, k); Pow5Cache.Powers[k] = v; }
        return v;
    }

    /// <summary>A class of its own so that the 17 KB table is made by the first exact expansion, not
    /// by the first float printed (which takes the fast path).</summary>
    private static class Pow5Cache
    {
        public static readonly BigInteger[] Powers = new BigInteger[1100];
    }

    /// <summary>The exact decimal expansion of |x| (finite, non-zero), trailing zeros stripped.</summary>
    public static string Exact(double x, out int decpt)
    {
        long bits = BitConverter.DoubleToInt64Bits(x) & long.MaxValue;
        int be = (int)(bits >> 52);
        long m = bits & ((1L << 52) - 1);
        if (be == 0) be = 1; else m |= 1L << 52;
        int e = be - 1075;
        while ((m & 1) == 0) { m >>= 1; e++; }
        string s;
        if (e >= 0)
        {
            s = e < 11 ? (m << e).ToString(CultureInfo.InvariantCulture)
                       : (new BigInteger(m) << e).ToString(CultureInfo.InvariantCulture);
            decpt = s.Length;
            int end = s.Length;
            while (s[end - 1] == '0') end--;
            return end == s.Length ? s : s[..end];
        }
        int k = -e;
        // m * 5**k fits a long for small k (m < 2**53, 5**4 < 2**10).
        s = k <= 4 ? (m * (long)Math.Pow(5, k)).ToString(CultureInfo.InvariantCulture)
                   : (m * Pow5(k)).ToString(CultureInfo.InvariantCulture);
        decpt = s.Length - k;
        return s; // odd * 5**k ends in 5 (k > 0): no trailing zeros
    }

    /// <summary>
    /// Rounds |x| to mode 2 (<paramref name="n"/> significant digits, n &gt;= 1) or mode 3
    /// (<paramref name="n"/> digits after the point). Returns D (possibly empty in mode 3 when the
    /// result is zero, with decpt = -n) like _Py_dg_dtoa. x must be finite; 0 gives "0", decpt 1.
    /// </summary>
    public static string Rounded(double x, int mode, int n, out int decpt)
    {
        if (x == 0) { decpt = 1; return "0"; }
        if (TryRoundedFast(x, mode, n, out string? fast, out decpt)) return fast!;
        string d = Exact(x, out decpt);
        int keep = mode == 2 ? n : decpt + n;
        if (keep >= d.Length) return d;
        if (keep < 0) { decpt = -n; return ""; }
        bool up;
        char first = d[keep];
        if (first > '5') up = true;
        else if (first < '5') up = false;
        else if (keep + 1 < d.Length) up = true;
        else up = keep > 0 && ((d[keep - 1] - '0') & 1) == 1; // exact tie: half-even
        if (!up)
        {
            int end = keep;
            while (end > 0 && d[end - 1] == '0') end--;
            if (end == 0) { decpt = -n; return ""; }
            return d[..end];
        }
        // Round up: increment the kept digits, dropping trailing 9s.
        int i = keep - 1;
        while (i >= 0 && d[i] == '9') i--;
        if (i < 0) { decpt += 1; return "1"; }
        return string.Concat(d.AsSpan(0, i), ((char)(d[i] + 1)).ToString());
    }
}
