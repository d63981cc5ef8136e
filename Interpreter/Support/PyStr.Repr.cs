using System.Text;

namespace Lbbv.Support;

public static partial class PyStr
{
    /// <summary>repr(s) exactly as CPython: quotes, escapes, non-printables as \x/\u/\U.</summary>
    public static string Repr(string s) => ReprCore(s, asciiOnly: false);

    /// <summary>ascii(s): as repr, with every non-ASCII code point escaped.</summary>
    public static string Ascii(string s) => ReprCore(s, asciiOnly: true);

    private static string ReprCore(string s, bool asciiOnly)
    {
        char quote = '\'';
        if (s.Contains('\'') && !s.Contains('"')) quote = '"';
        var sb = new StringBuilder(s.Length + 2);
        sb.Append(quote);
        int i = 0;
        while (i < s.Length)
        {
            int c = Next(s, ref i);
            if (c == quote || c == '\\') { sb.Append('\\').Append((char)c); continue; }
            if (c < 128)
            {
                switch (c)
                {
                    case '\t': sb.Append("\\t"); continue;
                    case '\n': sb.Append("\\n"); continue;
                    case '\r': sb.Append("\\r"); continue;
                }
                if (c < ' ' || c == 0x7f) { AppendHex(sb, 'x', c, 2); continue; }
                sb.Append((char)c);
                continue;
            }
            if (!asciiOnly && UnicodeData.IsPrintable(c)) { AppendCodePoint(sb, c); continue; }
            if (c <= 0xff) AppendHex(sb, 'x', c, 2);
            else if (c <= 0xffff) AppendHex(sb, 'u', c, 4);
            else AppendHex(sb, 'U', c, 8);
        }
        sb.Append(quote);
        return sb.ToString();
    }

    private static void AppendHex(StringBuilder sb, char kind, int c, int digits)
    {
        sb.Append('\\').Append(kind);
        for (int k = digits - 1; k >= 0; k--) sb.Append("0123456789abcdef"[(c >> (4 * k)) & 0xf]);
    }
}
