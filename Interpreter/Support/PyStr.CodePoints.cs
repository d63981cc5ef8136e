using System.Text;

namespace Lbbv.Support;

/// <summary>
/// Python str algorithms over .NET strings. Python indexes code points while .NET strings are
/// UTF-16; a surrogate pair counts as one code point and a lone surrogate as one code point.
/// Index-taking methods accept and return code-point indices.
/// </summary>
public static partial class PyStr
{
    /// <summary>True when s contains any surrogate (so UTF-16 and code-point indices differ).</summary>
    public static bool HasSurrogates(string s) => s.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;

    /// <summary>len(s) in code points.</summary>
    public static int Length(string s)
    {
        int first = s.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0) return s.Length;
        int n = first;
        for (int i = first; i < s.Length; i++, n++)
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
        return n;
    }

    /// <summary>Reads the code point at UTF-16 offset i and advances i past it.</summary>
    internal static int Next(string s, ref int i)
    {
        char c = s[i++];
        if (char.IsHighSurrogate(c) && i < s.Length && char.IsLowSurrogate(s[i]))
            return char.ConvertToUtf32(c, s[i++]);
        return c;
    }

    /// <summary>Reads the code point ending before UTF-16 offset i and moves i to its start.</summary>
    internal static int Prev(string s, ref int i)
    {
        char c = s[--i];
        if (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(s[i - 1]))
            return char.ConvertToUtf32(s[--i], c);
        return c;
    }

    /// <summary>UTF-16 offset of code-point index cp (0 &lt;= cp &lt;= Length(s)).</summary>
    public static int CodePointToIndex(string s, int cp)
    {
        int first = s.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0 || cp <= first) return cp;
        int i = first, n = first;
        while (n < cp && i < s.Length) { Next(s, ref i); n++; }
        return i;
    }

    /// <summary>Code-point index of UTF-16 offset i (i at a code-point boundary).</summary>
    public static int IndexToCodePoint(string s, int i)
    {
        int first = s.AsSpan(0, i).IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0) return i;
        int j = first, n = first;
        while (j < i) { Next(s, ref j); n++; }
        return n;
    }

    /// <summary>s[cp] as a code point (0 &lt;= cp &lt; Length(s)).</summary>
    public static int CodePointAt(string s, int cp)
    {
        int i = CodePointToIndex(s, cp);
        return Next(s, ref i);
    }

    /// <summary>s[start:end] in code points (already clamped, start &lt;= end).</summary>
    public static string Slice(string s, int start, int end)
    {
        int a = CodePointToIndex(s, start);
        int b = CodePointToIndex(s, end);
        return s.Substring(a, Math.Max(0, b - a));
    }

    /// <summary>chr(cp): a one-code-point string (surrogate code points become a lone char).</summary>
    public static string FromCodePoint(int cp)
    {
        if (cp < 0x10000) return ((char)cp).ToString();
        return char.ConvertFromUtf32(cp);
    }

    internal static void AppendCodePoint(StringBuilder sb, int cp)
    {
        if (cp < 0x10000) sb.Append((char)cp);
        else sb.Append(char.ConvertFromUtf32(cp));
    }

    /// <summary>The code points of s (for slow paths such as reversed/step slicing).</summary>
    public static int[] ToCodePoints(string s)
    {
        var r = new int[Length(s)];
        int i = 0, n = 0;
        while (i < s.Length) r[n++] = Next(s, ref i);
        return r;
    }

    /// <summary>Python's isspace for one UTF-16 unit (all Python whitespace is in the BMP).</summary>
    public static bool IsSpaceChar(char c) => UnicodeData.IsSpace(c);
}
