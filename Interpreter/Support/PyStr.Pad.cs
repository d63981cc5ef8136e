using System.Text;

namespace Lbbv.Support;

public static partial class PyStr
{
    /// <summary>str.strip(chars); chars null strips whitespace.</summary>
    public static string Strip(string s, string? chars = null) => StripCore(s, chars, true, true);
    /// <summary>str.lstrip(chars).</summary>
    public static string LStrip(string s, string? chars = null) => StripCore(s, chars, true, false);
    /// <summary>str.rstrip(chars).</summary>
    public static string RStrip(string s, string? chars = null) => StripCore(s, chars, false, true);

    private static string StripCore(string s, string? chars, bool left, bool right)
    {
        int a = 0, b = s.Length;
        if (chars is null)
        {
            if (left) while (a < b && IsSpaceChar(s[a])) a++;
            if (right) while (b > a && IsSpaceChar(s[b - 1])) b--;
        }
        else if (!HasSurrogates(chars) && !HasSurrogates(s))
        {
            var set = chars.AsSpan();
            if (left) while (a < b && set.Contains(s[a])) a++;
            if (right) while (b > a && set.Contains(s[b - 1])) b--;
        }
        else
        {
            var set = new HashSet<int>(ToCodePoints(chars));
            if (left)
                while (a < b) { int j = a; if (!set.Contains(Next(s, ref j))) break; a = j; }
            if (right)
                while (b > a) { int j = b; if (!set.Contains(Prev(s, ref j))) break; b = j; }
        }
        return a == 0 && b == s.Length ? s : s.Substring(a, b - a);
    }

    /// <summary>str.zfill(width): zeros after a leading sign.</summary>
    public static string ZFill(string s, long width)
    {
        int len = Length(s);
        if (len >= width) return s;
        int fill = (int)(width - len);
        var sb = new StringBuilder(s.Length + fill);
        int start = 0;
        if (s.Length > 0 && (s[0] == '+' || s[0] == '-')) { sb.Append(s[0]); start = 1; }
        sb.Append('0', fill).Append(s, start, s.Length - start);
        return sb.ToString();
    }

    /// <summary>str.ljust(width, fill) (fill is one code point).</summary>
    public static string LJust(string s, long width, string fill = " ") => PadCore(s, width, fill, left: true);
    /// <summary>str.rjust(width, fill).</summary>
    public static string RJust(string s, long width, string fill = " ") => PadCore(s, width, fill, left: false);

    /// <summary>str.center(width, fill): left = pad/2 + (pad &amp; width &amp; 1), as CPython.</summary>
    public static string Center(string s, long width, string fill = " ")
    {
        long len = Length(s);
        if (len >= width) return s;
        long marg = width - len;
        long left = marg / 2 + (marg & width & 1);
        return Repeat(fill, left) + s + Repeat(fill, marg - left);
    }

    private static string PadCore(string s, long width, string fill, bool left)
    {
        long len = Length(s);
        if (len >= width) return s;
        string pad = Repeat(fill, width - len);
        return left ? s + pad : pad + s;
    }

    private static string Repeat(string fill, long n)
    {
        if (n <= 0) return "";
        if (fill.Length == 1) return new string(fill[0], (int)n);
        var sb = new StringBuilder(fill.Length * (int)n);
        for (long i = 0; i < n; i++) sb.Append(fill);
        return sb.ToString();
    }

    /// <summary>str.expandtabs(tabsize): columns reset at \n and \r.</summary>
    public static string ExpandTabs(string s, long tabsize = 8)
    {
        if (s.IndexOf('\t') < 0) return s;
        var sb = new StringBuilder(s.Length + 16);
        long col = 0;
        int i = 0;
        while (i < s.Length)
        {
            int at = i;
            int c = Next(s, ref i);
            if (c == '\t')
            {
                if (tabsize > 0)
                {
                    long n = tabsize - col % tabsize;
                    sb.Append(' ', (int)n);
                    col += n;
                }
            }
            else
            {
                sb.Append(s, at, i - at);
                col++;
                if (c == '\n' || c == '\r') col = 0;
            }
        }
        return sb.ToString();
    }
}
