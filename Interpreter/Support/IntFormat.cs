using System.Globalization;
using System.Numerics;
using System.Text;

namespace Lbbv.Support;

/// <summary>format(n, spec) for int (and bool, which the runtime passes as 0/1).</summary>
public static class IntFormat
{
    /// <summary>CPython long__format__: types b c d o x X n, and e E f F g G % through float.</summary>
    public static string Format(BigInteger value, in FormatSpec spec)
    {
        char type = spec.Type == '\0' ? 'd' : spec.Type;
        switch (type)
        {
            case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n': break;
            case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
                return FloatFormat.Format(PyInt.ToDouble(value), spec);
            default: throw FormatSpec.UnknownCode(type, "int");
        }
        if (spec.Precision != -1) throw PyError.Value("Precision not allowed in integer format specifier");
        if (spec.NoNegZero) throw PyError.Value("Negative zero coercion (z) not allowed in integer format specifier");
        if (type == 'c')
        {
            if (spec.Sign != '\0') throw PyError.Value("Sign not allowed with integer format specifier 'c'");
            if (spec.Alternate) throw PyError.Value("Alternate form (#) not allowed with integer format specifier 'c'");
            if (value < long.MinValue || value > long.MaxValue) throw PyError.Overflow("Python int too large to convert to C long");
            if (value < 0 || value > 0x10FFFF) throw PyError.Overflow("%c arg not in range(0x110000)");
            string ch = PyStr.FromCodePoint((int)value);
            return NumberLayout.Compose(false, "", ReadOnlySpan<char>.Empty, ch, spec, 3);
        }
        bool neg = value.Sign < 0;
        BigInteger abs = BigInteger.Abs(value);
        string digits;
        string prefix = "";
        int group = 3;
        switch (type)
        {
            case 'b': digits = PyInt.ToRadixDigits(abs, 2); prefix = "0b"; group = 4; break;
            case 'o': digits = PyInt.ToRadixDigits(abs, 8); prefix = "0o"; group = 4; break;
            case 'x': digits = PyInt.ToRadixDigits(abs, 16); prefix = "0x"; group = 4; break;
            case 'X': digits = PyInt.ToRadixDigits(abs, 16).ToUpperInvariant(); prefix = "0X"; group = 4; break;
            default: digits = abs.ToString(CultureInfo.InvariantCulture); break;
        }
        if (!spec.Alternate) prefix = "";
        return NumberLayout.Compose(neg, prefix, digits, ReadOnlySpan<char>.Empty, spec, group);
    }

    /// <summary>Fast path for machine ints.</summary>
    public static string Format(long value, in FormatSpec spec)
    {
        if (spec.Type is 'd' && spec.Width < 0 && spec.Sign == '\0' && spec.Grouping == '\0' && spec.Precision < 0 && !spec.NoNegZero)
            return value.ToString(CultureInfo.InvariantCulture);
        return Format(new BigInteger(value), spec);
    }
}


/// <summary>format(s, spec) for str.</summary>
public static class StrFormat
{
    /// <summary>CPython format_string_internal: precision truncates, default alignment left.</summary>
    public static string Format(string s, in FormatSpec spec)
    {
        if (spec.Type != 's' && spec.Type != '\0') throw FormatSpec.UnknownCode(spec.Type, "str");
        if (spec.Sign == ' ') throw PyError.Value("Space not allowed in string format specifier");
        if (spec.Sign != '\0') throw PyError.Value("Sign not allowed in string format specifier");
        if (spec.NoNegZero) throw PyError.Value("Negative zero coercion (z) not allowed in string format specifier");
        if (spec.Alternate) throw PyError.Value("Alternate form (#) not allowed in string format specifier");
        if (spec.Align == '=') throw PyError.Value("'=' alignment not allowed in string format specifier");
        if (spec.Precision >= 0 && PyStr.Length(s) > spec.Precision) s = PyStr.Slice(s, 0, spec.Precision);
        int len = PyStr.Length(s);
        if (spec.Width <= len) return s;
        char align = spec.Align == '\0' ? '<' : spec.Align;
        int padding = spec.Width - len;
        int left = align == '>' ? padding : align == '^' ? padding / 2 : 0;
        var sb = new StringBuilder(s.Length + padding);
        sb.Append(spec.Fill, left).Append(s).Append(spec.Fill, padding - left);
        return sb.ToString();
    }
}
