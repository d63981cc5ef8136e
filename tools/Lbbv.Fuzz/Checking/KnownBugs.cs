using System.Globalization;
using System.Text.RegularExpressions;

namespace Lbbv.Fuzz.Checking;

/// <summary>Known runtime bugs the generator cannot avoid by construction (docs/FUZZING.md, "Known
/// bugs avoided"). A finding whose shrunk repro shows only such a difference is reported as known,
/// not as a new bug, and does not fail a run.</summary>
public static partial class KnownBugs
{
    public const string FloatReprNearPowerOfTwo = "float repr near a power of two (being fixed in the runtime)";

    /// <summary>The known bug a repro's divergence shows, or null.</summary>
    public static string? Match(Verdict repro) =>
        repro.Primary is { Kind: DivergenceKind.Output, Expected: { } want, Actual: { } got }
        && IsFloatReprNearPowerOfTwo(want, got)
            ? FloatReprNearPowerOfTwo
            : null;

    /// <summary>The lines differ in one float only, CPython's is a power of two, and Lbbv's text
    /// names the same number or its neighbour (the shortest-digits search misses below a power of
    /// two: 2**-25 printed 2.980232238769531e-08).</summary>
    static bool IsFloatReprNearPowerOfTwo(string want, string got)
    {
        var a = FloatToken().Split(want);
        var b = FloatToken().Split(got);
        var fa = FloatToken().Matches(want);
        var fb = FloatToken().Matches(got);
        if (!a.SequenceEqual(b) || fa.Count != fb.Count) return false;
        int differing = 0;
        for (int i = 0; i < fa.Count; i++)
        {
            if (fa[i].Value == fb[i].Value) continue;
            differing++;
            double x = double.Parse(fa[i].Value, CultureInfo.InvariantCulture);
            double y = double.Parse(fb[i].Value, CultureInfo.InvariantCulture);
            bool powerOfTwo = x != 0 && double.IsFinite(x)
                && (BitConverter.DoubleToInt64Bits(Math.Abs(x)) & 0xF_FFFF_FFFF_FFFF) == 0;
            bool neighbour = x == y || Math.BitDecrement(x) == y || Math.BitIncrement(x) == y;
            if (!powerOfTwo || !neighbour) return false;
        }
        return differing == 1;
    }

    [GeneratedRegex(@"-?\d+\.\d+(e[-+]\d+)?|-?\d+e[-+]\d+")]
    private static partial Regex FloatToken();
}
