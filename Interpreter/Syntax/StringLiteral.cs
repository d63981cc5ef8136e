using System.Text;

namespace Lbbv.Syntax;

/// <summary>Splits a string token into prefix and body, and decodes backslash escapes as CPython.</summary>
internal static class StringLiteral
{
    /// <summary>Body is the source range between the quotes.</summary>
    public readonly record struct Parts(bool Raw, bool Format, bool Bytes, int BodyStart, int BodyEnd);

    /// <summary>Parts of a token spanning source offsets [start, end).</summary>
    public static Parts Split(string s, int start, int end)
    {
        bool raw = false, format = false, bytes = false;
        int i = start;
        for (; s[i] != '\'' && s[i] != '"'; i++)
        {
            switch (s[i] | 0x20)
            {
                case 'r': raw = true; break;
                case 'f': format = true; break;
                case 'b': bytes = true; break;
            }
        }
        char q = s[i];
        int quoteLen = i + 2 < end && s[i + 1] == q && s[i + 2] == q && end - i >= 6 ? 3 : 1;
        return new Parts(raw, format, bytes, i + quoteLen, end - quoteLen);
    }

    /// <summary>Decodes escapes in s[start, end). `error(message, offset)` builds the exception for a bad
    /// escape; `notSupported(feature, offset)` for \N{...}.</summary>
    public static void Decode(string s, int start, int end, StringBuilder sb,
        Func<string, int, Exception> error, Action<string, int> notSupported)
    {
        int i = start, bs = start;
        while (i < end)
        {
            bs = s.IndexOf('\\', i, end - i);
            if (bs < 0) { sb.Append(s, i, end - i); return; }
            sb.Append(s, i, bs - i);
            i = bs + 1;
            if (i >= end) { sb.Append('\\'); return; }
            char c = s[i++];
            switch (c)
            {
                case '\n': break;
                case '\\': sb.Append('\\'); break;
                case '\'': sb.Append('\''); break;
                case '"': sb.Append('"'); break;
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'v': sb.Append('\v'); break;
                case >= '0' and <= '7':
                {
                    int v = c - '0';
                    for (int k = 0; k < 2 && i < end && s[i] >= '0' && s[i] <= '7'; k++) v = v * 8 + (s[i++] - '0');
                    sb.Append((char)v);
                    break;
                }
                case 'x': AppendHex(2, "\\xXX"); break;
                case 'u': AppendHex(4, "\\uXXXX"); break;
                case 'U': AppendHex(8, "\\UXXXXXXXX"); break;
                case 'N':
                    notSupported("\\N{...} escapes", bs);
                    int close = s.IndexOf('}', i, end - i);
                    i = close < 0 ? end : close + 1;
                    sb.Append('?');
                    break;
                default:
                    // Unknown escapes are kept as written (CPython only warns).
                    sb.Append('\\').Append(c);
                    break;
            }
        }

        void AppendHex(int digits, string form)
        {
            int v = 0, n = 0;
            while (n < digits && i < end && Uri.IsHexDigit(s[i])) { v = v * 16 + Convert.ToInt32(s[i].ToString(), 16); i++; n++; }
            int pos = bs - start;
            if (n < digits)
                throw error($"(unicode error) 'unicodeescape' codec can't decode bytes in position {pos}-{pos + 1 + n}: truncated {form} escape", bs);
            if (v > 0x10FFFF)
                throw error($"(unicode error) 'unicodeescape' codec can't decode bytes in position {pos}-{pos + 1 + n}: illegal Unicode character", bs);
            if (v < 0x10000) sb.Append((char)v); else sb.Append(char.ConvertFromUtf32(v));
        }
    }
}
