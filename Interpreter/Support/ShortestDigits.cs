using System.Numerics;

namespace Lbbv.Support;

/// <summary>
/// The shortest decimal that rounds to a double, closest to it among the shortest, ties to an even
/// last digit: the digits of CPython's repr (David Gay's dtoa mode 0). Giulietti's Schubfach
/// algorithm: scale the rounding interval of x by 10**-k (k chosen so that the scaled interval is
/// between 1 and 10 wide) with a 126-bit approximation of 10**-k, rounded to odd so that every
/// comparison below is exact; then the interval holds at most one multiple of 10 and at least one
/// integer. Unlike Java's Double.toString (the algorithm's first user), no second digit is forced.
/// Just below a power of two the interval is narrower on the low side (half the gap below), which
/// the k and the lower bound account for; .NET's "R" formatting treats it as symmetric and prints
/// e.g. 2.980232238769531e-08 for 2**-25, which does not round-trip.
/// </summary>
internal static class ShortestDigits
{
    private const int KMin = -324, KMax = 292; // the k that doubles need
    private const int QMin = -1074;            // exponent of the subnormals' unit
    private const ulong CMin = 1UL << 52;      // the smallest normal significand
    private const ulong Mask63 = (1UL << 63) - 1;

    /// <summary>g(k) = floor(10**-k * 2**r) + 1, 2**125 &lt;= 10**-k * 2**r &lt; 2**126, split as
    /// g1 * 2**63 + g0; index k - KMin.</summary>
    private static class Table
    {
        public static readonly ulong[] G1 = new ulong[KMax - KMin + 1];
        public static readonly ulong[] G0 = new ulong[KMax - KMin + 1];

        static Table()
        {
            for (int k = KMin; k <= KMax; k++)
            {
                BigInteger beta;
                if (k <= 0)
                {
                    BigInteger n = BigInteger.Pow(10, -k);
                    int shift = 126 - (int)n.GetBitLength();
                    beta = shift >= 0 ? n << shift : n >> -shift;
                }
                else
                {
                    BigInteger d = BigInteger.Pow(10, k);
                    beta = (BigInteger.One << ((int)d.GetBitLength() + 125)) / d;
                }
                BigInteger g = beta + 1;
                G1[k - KMin] = (ulong)(g >> 63);
                G0[k - KMin] = (ulong)(g & Mask63);
            }
        }
    }

    /// <summary>Digits D (no trailing zeros) and decpt with |x| = 0.D * 10**decpt. x finite, non-zero.</summary>
    public static string Of(double x, out int decpt)
    {
        long bits = BitConverter.DoubleToInt64Bits(x) & long.MaxValue;
        int biased = (int)(bits >> 52);
        ulong t = (ulong)bits & (CMin - 1);
        if (biased == 0) return Digits(ToDecimal(QMin, t, out int ks), ks, out decpt);
        ulong c = CMin | t;
        int mq = 1075 - biased; // x = c * 2**-mq
        if (mq > 0 && mq < 53 && (c >> mq) << mq == c)
            return Digits(c >> mq, 0, out decpt); // an integer below 2**53: its own digits
        return Digits(ToDecimal(-mq, c, out int k), k, out decpt);
    }

    /// <summary>The chosen decimal f * 10**k for x = c * 2**q.</summary>
    private static ulong ToDecimal(int q, ulong c, out int k)
    {
        long outside = (long)(c & 1); // an odd significand excludes the interval's ends (round-half-even)
        long cb = (long)c << 2;
        long cbr = cb + 2;
        long cbl;
        if (c != CMin || q == QMin)
        {
            cbl = cb - 2;
            k = FloorLog10Pow2(q);
        }
        else
        {
            cbl = cb - 1; // the gap below a power of two is half the gap above
            k = FloorLog10ThreeQuartersPow2(q);
        }
        int h = q + FloorLog2Pow10(-k) + 2;
        ulong g1 = Table.G1[k - KMin], g0 = Table.G0[k - KMin];
        long vb = RoundToOdd(g1, g0, cb << h);
        long vbl = RoundToOdd(g1, g0, cbl << h);
        long vbr = RoundToOdd(g1, g0, cbr << h);
        long s = vb >> 2;
        // One digit fewer: the single multiple of 10 the interval may hold.
        long sp10 = s / 10 * 10;
        long tp10 = sp10 + 10;
        bool upIn = vbl + outside <= sp10 << 2;
        bool wpIn = (tp10 << 2) + outside <= vbr;
        if (upIn != wpIn) return (ulong)(upIn ? sp10 : tp10);
        long tt = s + 1;
        bool uIn = vbl + outside <= s << 2;
        bool wIn = (tt << 2) + outside <= vbr;
        if (uIn != wIn) return (ulong)(uIn ? s : tt);
        long cmp = vb - ((s + tt) << 1); // both in: the closer one, ties to even
        return (ulong)(cmp < 0 || (cmp == 0 && (s & 1) == 0) ? s : tt);
    }

    /// <summary>g * cp / 2**127 rounded to odd (the low bit records a non-zero remainder).</summary>
    private static long RoundToOdd(ulong g1, ulong g0, long cp)
    {
        ulong x1 = Math.BigMul(g0, (ulong)cp, out _);
        ulong y1 = Math.BigMul(g1, (ulong)cp, out ulong y0);
        ulong z = (y0 >> 1) + x1;
        ulong vbp = y1 + (z >> 63);
        return (long)(vbp | (((z & Mask63) + Mask63) >> 63));
    }

    private static int FloorLog10Pow2(int e) => (int)((e * 661_971_961_083L) >> 41);

    private static int FloorLog10ThreeQuartersPow2(int e) => (int)((e * 661_971_961_083L - 274_743_187_321L) >> 41);

    private static int FloorLog2Pow10(int e) => (int)((e * 913_124_641_741L) >> 38);

    private static string Digits(ulong f, int k, out int decpt)
    {
        while (f % 10 == 0) { f /= 10; k++; }
        string d = f.ToString(System.Globalization.CultureInfo.InvariantCulture);
        decpt = d.Length + k;
        return d;
    }
}
