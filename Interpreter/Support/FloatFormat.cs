using System.Globalization;
using System.Text;

namespace Lbbv.Support;

/// <summary>CPython's float to string conversions: repr/str, format(), and %-formatting.</summary>
public static class FloatFormat
{
    /// <summary>repr(x) == str(x) exactly as CPython ('1e+16', '1.5e-07', '-0.0', 'inf', 'nan').</summary>
    public static string Repr(double x)
    {
        // Fast path: small integral values are common.
        if (x == Math.Floor(x) && Math.Abs(x) < 1e15 && !(x == 0 && double.IsNegative(x)))
            return ((long)x).ToString(CultureInfo.InvariantCulture) + ".0";
        return DoubleToString(x, 'r', 0, upper: false, addDot0: true, alt: false, noNegZero: false, out bool neg) is var body && neg
            ? "-" + body : body;
    }

    /// <summary>
    /// PyOS_double_to_string without the sign: <paramref name="code"/> is 'e', 'f', 'g' or 'r'
    /// (repr, precision 0). Returns the unsigned text; <paramref name="negative"/> tells whether a
    /// '-' belongs in front.
    /// </summary>
    internal static string DoubleToString(double x, char code, int precision, bool upper, bool addDot0, bool alt,
        bool noNegZero, out bool negative)
    {
        negative = double.IsNegative(x) && !double.IsNaN(x);
        if (double.IsNaN(x)) { negative = false; return upper ? "NAN" : "nan"; }
        if (double.IsInfinity(x)) return upper ? "INF" : "inf";

        string digits;
        int decpt;
        int mode;
        switch (code)
        {
            case 'e': mode = 2; precision++; break;
            case 'f': mode = 3; break;
            case 'g': mode = 2; if (precision == 0) precision = 1; break;
            default: mode = 0; break;
        }
        if (mode == 0)
        {
            if (x == 0) { digits = "0"; decpt = 1; }
            else digits = DoubleDigits.Shortest(x, out decpt);
        }
        else digits = DoubleDigits.Rounded(x, mode, precision, out decpt);

        if (noNegZero && negative && (digits.Length == 0 || digits == "0")) negative = false;

        int dlen = digits.Length;
        int vEnd = dlen;
        bool useExp = false;
        switch (code)
        {
            case 'e': useExp = true; vEnd = precision; break;
            case 'f': vEnd = decpt + precision; break;
            case 'g':
                if (decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision)) useExp = true;
                if (alt) vEnd = precision;
                break;
            default:
                if (decpt <= -4 || decpt > 16) useExp = true;
                break;
        }
        int exp = 0;
        if (useExp) { exp = decpt - 1; decpt = 1; }
        int vStart = decpt <= 0 ? decpt - 1 : 0;
        if (!useExp && addDot0) vEnd = vEnd > decpt ? vEnd : decpt + 1;
        else vEnd = vEnd > decpt ? vEnd : decpt;

        var sb = new StringBuilder(Math.Max(24, vEnd - vStart + 8));
        if (decpt <= 0)
        {
            sb.Append('0', decpt - vStart);
            sb.Append('.');
            sb.Append('0', -decpt);
        }
        else sb.Append('0', -vStart);

        if (0 < decpt && decpt <= dlen)
        {
            sb.Append(digits, 0, decpt);
            sb.Append('.');
            sb.Append(digits, decpt, dlen - decpt);
        }
        else sb.Append(digits);

        if (dlen < decpt)
        {
            sb.Append('0', decpt - dlen);
            sb.Append('.');
            sb.Append('0', vEnd - decpt);
        }
        else sb.Append('0', vEnd - dlen);

        if (sb[^1] == '.' && !alt) sb.Length--;
        if (useExp)
        {
            sb.Append(upper ? 'E' : 'e');
            sb.Append(exp < 0 ? '-' : '+');
            int ae = Math.Abs(exp);
            if (ae < 10) sb.Append('0');
            sb.Append(ae);
        }
        return sb.ToString();
    }

    /// <summary>format(x, spec) for a float (CPython format_float_internal).</summary>
    public static string Format(double x, in FormatSpec spec)
    {
        char type = spec.Type;
        int precision = spec.Precision;
        bool addDot0 = false;
        int defaultPrecision = 6;
        switch (type)
        {
            case '\0': addDot0 = true; type = 'r'; defaultPrecision = 0; break;
            case 'n': type = 'g'; break;
            case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': break;
            default: throw FormatSpec.UnknownCode(type, "float");
        }
        if (spec.Width <= 0 && spec.Sign == '\0' && type == 'r' && precision < 0 && spec.Grouping == '\0' && !spec.NoNegZero && !spec.Alternate)
            return Repr(x);
        if (spec.Type == 'n' && spec.Grouping != '\0') throw PyError.Value($"Cannot specify '{spec.Grouping}' with 'n'.");
        bool pct = false;
        if (type == '%') { type = 'f'; x *= 100; pct = true; }
        if (precision < 0) precision = defaultPrecision;
        else if (type == 'r') type = 'g';
        bool upper = type is 'E' or 'F' or 'G';
        char code = char.ToLowerInvariant(type);
        string body = DoubleToString(x, code, precision, upper, addDot0, spec.Alternate, spec.NoNegZero, out bool neg);
        return LayoutFloat(body, neg, pct, spec);
    }

    /// <summary>format(x, spec) for an int formatted with a float presentation type.</summary>
    internal static string LayoutFloat(string body, bool neg, bool pct, in FormatSpec spec)
    {
        int nd = 0;
        while (nd < body.Length && (uint)(body[nd] - '0') <= 9) nd++;
        string rem = pct ? string.Concat(body.AsSpan(nd), "%") : body[nd..];
        return NumberLayout.Compose(neg, "", body.AsSpan(0, nd), rem, spec, 3);
    }

    /// <summary>
    /// The body of a %-format float conversion (%e %E %f %F %g %G), sign included as '-' or per
    /// the '+'/' ' flags; width/padding is applied by the caller.
    /// </summary>
    public static string PercentBody(double x, char conversion, int precision, bool alt, bool plus, bool space)
    {
        if (precision < 0) precision = 6;
        bool upper = conversion is 'E' or 'F' or 'G';
        string body = DoubleToString(x, char.ToLowerInvariant(conversion), precision, upper, false, alt, false, out bool neg);
        if (neg) return "-" + body;
        if (plus) return "+" + body;
        if (space) return " " + body;
        return body;
    }
}
