using System.Globalization;
using System.Numerics;

namespace Lbbv.Support.Tests;

/// <summary>Shortest float repr (ShortestDigits): CPython's output at every power of two and its
/// neighbours, an exact rational reference on powers of two, subnormals and random doubles, and
/// round-trip and shortest-ness on millions of random doubles.</summary>
public sealed class FloatShortestTests
{
    [Fact]
    public void PowersOfTwoAndNeighboursMatchCPython()
    {
        var c = new Expected.Checker();
        foreach (var row in Expected.Load("float_repr_pow2").EnumerateArray())
        {
            double x = Expected.Bits(row[0]);
            c.Eq(row[1].GetString()!, FloatFormat.Repr(x), $"repr(bits {row[0]})");
        }
        c.Done();
    }

    [Fact]
    public void MatchesExactReference()
    {
        var cases = new List<double>();
        for (int e = -1074; e <= 1023; e++)
        {
            double p = Math.ScaleB(1.0, e);
            cases.Add(p);
            if (e > -1074) cases.Add(Math.BitDecrement(p));
            if (e < 1023) cases.Add(Math.BitIncrement(p));
        }
        for (long t = 1; t < 3000; t++) cases.Add(BitConverter.Int64BitsToDouble(t));
        cases.Add(double.MaxValue);
        cases.Add(double.Epsilon);
        var rng = new Random(20251204);
        for (int i = 0; i < 40_000; i++) cases.Add(RandomFinite(rng));
        foreach (double x in cases)
        {
            string digits = ShortestDigits.Of(x, out int decpt);
            string want = ExactShortest.Of(x, out int wantDecpt);
            if (digits != want || decpt != wantDecpt)
                Assert.Fail($"bits {Bits(x)}: got 0.{digits}e{decpt}, want 0.{want}e{wantDecpt}");
        }
    }

    /// <summary>Two million random doubles: the digits parse back to x, and neither neighbour with
    /// one digit fewer does (so no shorter decimal rounds to x).</summary>
    [Fact]
    public void RandomDoublesRoundTripAndAreShortest()
    {
        var rng = new Random(7);
        for (int i = 0; i < 2_000_000; i++)
        {
            double x = RandomFinite(rng);
            string d = ShortestDigits.Of(x, out int decpt);
            if (Parse(d, decpt) != x) Assert.Fail($"bits {Bits(x)}: 0.{d}e{decpt} does not round-trip");
            if (d.Length == 1) continue;
            // One digit fewer: the truncation and the truncation plus one in its last place.
            ulong head = ulong.Parse(d.AsSpan(0, d.Length - 1), CultureInfo.InvariantCulture);
            if (Parse(head, d.Length - 1, decpt) == x || Parse(head + 1, d.Length - 1, decpt) == x)
                Assert.Fail($"bits {Bits(x)}: 0.{d}e{decpt} is not the shortest");
        }
    }

    private static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);

    private static double RandomFinite(Random rng)
    {
        while (true)
        {
            double x = BitConverter.Int64BitsToDouble(rng.NextInt64() & long.MaxValue);
            if (double.IsFinite(x) && x != 0) return x;
        }
    }

    private static double Parse(string digits, int decpt) =>
        double.Parse($"0.{digits}e{decpt}", CultureInfo.InvariantCulture);

    /// <summary>The value of 0.H * 10**decpt where H is head written with `length` digits.</summary>
    private static double Parse(ulong head, int length, int decpt)
    {
        string s = head.ToString(CultureInfo.InvariantCulture);
        return double.Parse($"{s}e{decpt - length}", CultureInfo.InvariantCulture);
    }

    /// <summary>The definition, in exact rational arithmetic: for n = 1, 2, ... the n-digit
    /// decimals next to x, kept when inside x's rounding interval (ends included for an even
    /// significand, as round-half-even parsing maps them to x), the closer one (ties to even).</summary>
    private static class ExactShortest
    {
        public static string Of(double x, out int decpt)
        {
            long bits = BitConverter.DoubleToInt64Bits(x);
            int be = (int)(bits >> 52);
            long m = bits & ((1L << 52) - 1);
            if (be == 0) be = 1; else m |= 1L << 52;
            int e = be - 1075; // x = m * 2**e
            bool boundary = m == 1L << 52 && be > 1;
            // Everything times 2**(2 - e) when e < 2, so that the interval ends are integers.
            int shift = 2 - e;
            BigInteger scale = shift > 0 ? BigInteger.One : BigInteger.One << -shift;
            BigInteger den = shift > 0 ? BigInteger.One << shift : BigInteger.One;
            BigInteger v = (BigInteger)m * 4 * scale;               // x * den
            BigInteger lo = ((BigInteger)m * 4 - (boundary ? 1 : 2)) * scale;
            BigInteger hi = ((BigInteger)m * 4 + 2) * scale;
            bool inclusive = (m & 1) == 0;
            int exp10 = (int)Math.Floor(BigInteger.Log10(v) - BigInteger.Log10(den)) + 1;
            while (ComparePow10(v, den, exp10 - 1) < 0) exp10--; // now 10**(exp10-1) <= x < 10**exp10
            while (ComparePow10(v, den, exp10) >= 0) exp10++;
            for (int n = 1; ; n++)
            {
                int p = exp10 - n; // candidates D * 10**p
                BigInteger unit = Pow10Num(p, den, out BigInteger unitDen); // 10**p * den = unit / unitDen
                // D = floor(x / 10**p) = floor(v * unitDen / unit)
                BigInteger d = BigInteger.Divide(v * unitDen, unit);
                BigInteger? best = null;
                BigInteger bestDist = default;
                foreach (BigInteger cand in new[] { d, d + 1 })
                {
                    BigInteger cv = cand * unit; // candidate * den * unitDen
                    BigInteger lov = lo * unitDen, hiv = hi * unitDen;
                    bool inside = inclusive ? cv >= lov && cv <= hiv : cv > lov && cv < hiv;
                    if (!inside) continue;
                    BigInteger dist = BigInteger.Abs(cv - v * unitDen);
                    if (best is null || dist < bestDist || (dist == bestDist && cand.IsEven))
                    {
                        best = cand;
                        bestDist = dist;
                    }
                }
                if (best is { } b)
                {
                    string s = b.ToString(CultureInfo.InvariantCulture);
                    decpt = s.Length + p;
                    return s.TrimEnd('0');
                }
            }
        }

        /// <summary>The sign of v / den - 10**q.</summary>
        private static int ComparePow10(BigInteger v, BigInteger den, int q) => q >= 0
            ? v.CompareTo(BigInteger.Pow(10, q) * den)
            : (v * BigInteger.Pow(10, -q)).CompareTo(den);

        private static BigInteger Pow10Num(int p, BigInteger den, out BigInteger unitDen)
        {
            if (p >= 0) { unitDen = BigInteger.One; return BigInteger.Pow(10, p) * den; }
            unitDen = BigInteger.Pow(10, -p);
            return den;
        }
    }
}
