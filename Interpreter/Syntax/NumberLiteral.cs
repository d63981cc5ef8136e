using System.Globalization;
using System.Numerics;

namespace Lbbv.Syntax;

/// <summary>Scans and evaluates a numeric literal as CPython 3.11's tokenizer: underscores between
/// digits, 0x/0o/0b, leading-zero rule, floats, imaginary suffix, and "invalid ... literal" errors.</summary>
internal static class NumberLiteral
{
    /// <summary>Value is BigInteger, double or ImaginaryLiteral; on error, Error is CPython's message
    /// and ErrorAt the source offset of the column CPython reports.</summary>
    public readonly record struct Result(int End, object? Value, string? Error, int ErrorAt);

    private static Result Fail(string msg, int at) => new(at, null, msg, at);

    public static Result Scan(string s, int start, int end)
    {
        int i = start;
        char At(int k) => k < end ? s[k] : '\0';
        if (At(i) == '0' && (At(i + 1) | 0x20) is 'x' or 'o' or 'b')
        {
            char kindCh = (char)(At(i + 1) | 0x20);
            int radix = kindCh == 'x' ? 16 : kindCh == 'o' ? 8 : 2;
            string kind = kindCh == 'x' ? "hexadecimal" : kindCh == 'o' ? "octal" : "binary";
            i += 2;
            int digitsStart = i;
            var value = BigInteger.Zero;
            int count = 0;
            while (true)
            {
                if (At(i) == '_') i++;
                int d = DigitValue(At(i));
                if (d < 0 || d >= radix)
                {
                    if (d >= radix && d < 10) return Fail($"invalid digit '{At(i)}' in {kind} literal", i);
                    if (count == 0 || At(i - 1) == '_') return Fail($"invalid {kind} literal", i - 1);
                    break;
                }
                value = value * radix + d;
                count++;
                i++;
            }
            _ = digitsStart;
            return VerifyEnd(s, i, end, kind) ?? new Result(i, value, null, 0);
        }

        // Decimal integer part (possibly empty for ".5").
        int intStart = i;
        if (DecimalTail(s, ref i, end) is { } e1) return e1;
        bool isFloat = false;
        if (At(i) == '.')
        {
            isFloat = true;
            i++;
            if (char.IsAsciiDigit(At(i)) && DecimalTail(s, ref i, end) is { } e2) return e2;
        }
        if ((At(i) | 0x20) == 'e')
        {
            int ePos = i;
            int j = i + 1;
            if (At(j) is '+' or '-') j++;
            if (!char.IsAsciiDigit(At(j)))
            {
                // "1e" is "1" followed by an identifier: CPython reports an invalid decimal literal.
                if (VerifyEnd(s, ePos, end, "decimal") is { } ve) return ve;
                i = ePos;
                goto done;
            }
            i = j;
            if (DecimalTail(s, ref i, end) is { } e3) return e3;
            isFloat = true;
        }
        if ((At(i) | 0x20) == 'j')
        {
            i++;
            return VerifyEnd(s, i, end, "imaginary") ?? new Result(i, ImaginaryLiteral.Instance, null, 0);
        }
    done:
        string text = s[intStart..i].Replace("_", "");
        if (!isFloat)
        {
            // "0777" is an error, "000" is fine.
            if (text.Length > 1 && text[0] == '0' && text.AsSpan().TrimStart('0').Length > 0)
                return Fail("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", start);
            return VerifyEnd(s, i, end, "decimal") ?? new Result(i, BigInteger.Parse(text, CultureInfo.InvariantCulture), null, 0);
        }
        return VerifyEnd(s, i, end, "decimal") ?? new Result(i, double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), null, 0);
    }

    /// <summary>Digits with single underscores between them.</summary>
    private static Result? DecimalTail(string s, ref int i, int end)
    {
        while (true)
        {
            while (i < end && char.IsAsciiDigit(s[i])) i++;
            if (i < end && s[i] == '_')
            {
                i++;
                if (i >= end || !char.IsAsciiDigit(s[i])) return Fail("invalid decimal literal", i - 1);
                continue;
            }
            return null;
        }
    }

    private static int DigitValue(char c) =>
        c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;

    /// <summary>A number directly followed by an identifier character is an error, except before the
    /// keywords that may follow a number in valid code (CPython only warns there).</summary>
    private static Result? VerifyEnd(string s, int i, int end, string kind)
    {
        if (i >= end) return null;
        char c = s[i];
        bool identStart = c == '_' || c >= 128 || char.IsAsciiLetter(c) || char.IsAsciiDigit(c);
        if (!identStart) return null;
        var rest = s.AsSpan(i, Math.Min(end - i, 4));
        if (rest.StartsWith("and") || rest.StartsWith("else") || rest.StartsWith("for") || rest.StartsWith("if")
            || rest.StartsWith("in") || rest.StartsWith("is") || rest.StartsWith("or") || rest.StartsWith("not"))
            return null;
        return Fail($"invalid {kind} literal", i - 1);
    }
}
