using System.Text;

namespace Lbbv.Support;

/// <summary>
/// CPython's calc_number_widths/fill_number: lays out sign, prefix, grouped integer digits and the
/// remainder (decimal point, fraction, exponent, '%') with fill, alignment and zero padding.
/// </summary>
internal static class NumberLayout
{
    /// <param name="negative">whether a '-' is shown</param>
    /// <param name="prefix">"0x" etc. (already cased), or ""</param>
    /// <param name="digits">the integer digits (may be empty, e.g. for "inf")</param>
    /// <param name="remainder">everything after the integer digits</param>
    public static string Compose(bool negative, string prefix, ReadOnlySpan<char> digits, ReadOnlySpan<char> remainder,
        in FormatSpec spec, int groupSize)
    {
        char signChar = negative ? '-' : spec.Sign == '+' ? '+' : spec.Sign == ' ' ? ' ' : '\0';
        int nSign = signChar == '\0' ? 0 : 1;
        char align = spec.Align == '\0' ? '>' : spec.Align;
        char sep = spec.Grouping;
        int nonDigit = nSign + prefix.Length + CodePoints(remainder);
        int minWidth = spec.Fill == '0' && align == '=' ? spec.Width - nonDigit : 0;

        var grouped = new StringBuilder(digits.Length + 8);
        if (digits.Length > 0) InsertGrouping(grouped, digits, minWidth, sep, groupSize);

        int total = nonDigit + grouped.Length;
        int padding = Math.Max(0, spec.Width - total);
        int left = 0, right = 0, mid = 0;
        switch (align)
        {
            case '<': right = padding; break;
            case '^': left = padding / 2; right = padding - left; break;
            case '=': mid = padding; break;
            default: left = padding; break;
        }
        var sb = new StringBuilder(total + padding);
        sb.Append(spec.Fill, left);
        if (nSign != 0) sb.Append(signChar);
        sb.Append(prefix);
        sb.Append(spec.Fill, mid);
        sb.Append(grouped);
        sb.Append(remainder);
        sb.Append(spec.Fill, right);
        return sb.ToString();
    }

    private static int CodePoints(ReadOnlySpan<char> s)
    {
        int n = s.Length;
        for (int i = 1; i < s.Length; i++)
            if (char.IsLowSurrogate(s[i]) && char.IsHighSurrogate(s[i - 1])) n--;
        return n;
    }

    /// <summary>_PyUnicode_InsertThousandsGrouping with a repeating group size (or no separator).</summary>
    private static void InsertGrouping(StringBuilder sb, ReadOnlySpan<char> digits, int minWidth, char sep, int groupSize)
    {
        minWidth = Math.Max(0, minWidth);
        // Built right to left into a char buffer, then appended.
        var parts = new List<(int zeros, int start, int count)>();
        int remaining = digits.Length;
        int pos = digits.Length;
        if (sep != '\0')
        {
            while (true)
            {
                int len = Math.Min(groupSize, Math.Max(Math.Max(remaining, minWidth), 1));
                int zeros = Math.Max(0, len - remaining);
                int chars = Math.Max(0, Math.Min(remaining, len));
                pos -= chars;
                parts.Add((zeros, pos, chars));
                remaining -= chars;
                minWidth -= len;
                if (remaining <= 0 && minWidth <= 0) break;
                minWidth -= 1;
            }
        }
        else
        {
            int len = Math.Max(Math.Max(remaining, minWidth), 1);
            int zeros = Math.Max(0, len - remaining);
            parts.Add((zeros, 0, remaining));
        }
        for (int i = parts.Count - 1; i >= 0; i--)
        {
            var (zeros, start, count) = parts[i];
            sb.Append('0', zeros);
            sb.Append(digits.Slice(start, count));
            if (i > 0) sb.Append(sep);
        }
    }

    /// <summary>Pads a string per spec (used for str and 'c'): '&lt;' default for str.</summary>
    public static string Pad(string s, in FormatSpec spec, char defaultAlign)
    {
        if (spec.Width <= s.Length) return s;
        char align = spec.Align == '\0' ? defaultAlign : spec.Align;
        int padding = spec.Width - s.Length;
        int left = align == '>' ? padding : align == '^' ? padding / 2 : 0;
        int right = padding - left;
        var sb = new StringBuilder(spec.Width);
        sb.Append(spec.Fill, left).Append(s).Append(spec.Fill, right);
        return sb.ToString();
    }
}
