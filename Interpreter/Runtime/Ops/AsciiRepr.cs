// ascii(): repr() with non-ASCII characters escaped.
using System.Text;

namespace Lbbv.Runtime;

public static class AsciiRepr
{
    public static string Of(Value v)
    {
        if (v.Is(ObjectKind.Str)) return Lbbv.Support.PyStr.Ascii(Strs.Get(v));
        return Escape(Repr.Of(v));
    }

    public static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            int c = s[i];
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) c = char.ConvertToUtf32(s[i], s[++i]);
            if (c < 128) sb.Append((char)c);
            else if (c < 256) sb.Append($"\\x{c:x2}");
            else if (c < 0x10000) sb.Append($"\\u{c:x4}");
            else sb.Append($"\\U{c:x8}");
        }
        return sb.ToString();
    }
}
