using System.Text;
using static Lbbv.Support.UnicodeData;

namespace Lbbv.Support;

public static partial class PyStr
{
    private static bool AllAscii(string s) => System.Text.Ascii.IsValid(s);

    /// <summary>str.upper() with full case mapping ('ß'.upper() == 'SS').</summary>
    public static string Upper(string s)
    {
        if (AllAscii(s)) return s.ToUpperInvariant();
        return MapAll(s, CaseMap.Upper);
    }

    /// <summary>str.lower() with full case mapping and final-sigma handling.</summary>
    public static string Lower(string s)
    {
        if (AllAscii(s)) return s.ToLowerInvariant();
        var sb = new StringBuilder(s.Length);
        int i = 0;
        while (i < s.Length)
        {
            int at = i;
            int c = Next(s, ref i);
            AppendLower(sb, s, at, i, c);
        }
        return sb.ToString();
    }

    /// <summary>str.casefold().</summary>
    public static string CaseFold(string s)
    {
        if (AllAscii(s)) return s.ToLowerInvariant();
        return MapAll(s, CaseMap.Fold);
    }

    private static string MapAll(string s, CaseMap kind)
    {
        var sb = new StringBuilder(s.Length);
        int i = 0;
        while (i < s.Length) AppendMapped(sb, kind, Next(s, ref i));
        return sb.ToString();
    }

    private static void AppendMapped(StringBuilder sb, CaseMap kind, int c)
    {
        if (c < 128 && kind != CaseMap.Title)
        {
            char ch = (char)c;
            sb.Append(kind == CaseMap.Upper ? char.ToUpperInvariant(ch) : char.ToLowerInvariant(ch));
            return;
        }
        TryMap(kind, c, out int single, out string? multi);
        if (multi is not null) sb.Append(multi); else AppendCodePoint(sb, single);
    }

    /// <summary>lower_ucs4: the lowercase of the code point at [at, after), with Greek final sigma.</summary>
    private static void AppendLower(StringBuilder sb, string s, int at, int after, int c)
    {
        if (c == 0x3A3) { sb.Append(FinalSigma(s, at, after) ? '\u03C2' : '\u03C3'); return; }
        AppendMapped(sb, CaseMap.Lower, c);
    }

    private static bool FinalSigma(string s, int at, int after)
    {
        int j = at;
        int c = 0;
        bool found = false;
        while (j > 0)
        {
            c = Prev(s, ref j);
            if (!IsCaseIgnorable(c)) { found = true; break; }
        }
        bool final = found && IsCased(c);
        if (final && after < s.Length)
        {
            int k = after;
            bool stopped = false;
            while (k < s.Length)
            {
                c = Next(s, ref k);
                if (!IsCaseIgnorable(c)) { stopped = true; break; }
            }
            final = !stopped || !IsCased(c);
        }
        return final;
    }

    /// <summary>str.title() (CPython: titlecase after an uncased char, lowercase after a cased one).</summary>
    public static string Title(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool prevCased = false;
        int i = 0;
        while (i < s.Length)
        {
            int at = i;
            int c = Next(s, ref i);
            if (prevCased) AppendLower(sb, s, at, i, c);
            else AppendMapped(sb, CaseMap.Title, c);
            prevCased = IsCased(c);
        }
        return sb.ToString();
    }

    /// <summary>str.capitalize() (3.8+: titlecase first char, lowercase the rest).</summary>
    public static string Capitalize(string s)
    {
        if (s.Length == 0) return s;
        var sb = new StringBuilder(s.Length);
        int i = 0;
        AppendMapped(sb, CaseMap.Title, Next(s, ref i));
        while (i < s.Length)
        {
            int at = i;
            int c = Next(s, ref i);
            AppendLower(sb, s, at, i, c);
        }
        return sb.ToString();
    }

    /// <summary>str.swapcase().</summary>
    public static string SwapCase(string s)
    {
        var sb = new StringBuilder(s.Length);
        int i = 0;
        while (i < s.Length)
        {
            int at = i;
            int c = Next(s, ref i);
            if (UnicodeData.IsUpper(c)) AppendLower(sb, s, at, i, c);
            else if (UnicodeData.IsLower(c)) AppendMapped(sb, CaseMap.Upper, c);
            else AppendCodePoint(sb, c);
        }
        return sb.ToString();
    }

    private static bool All(string s, Func<int, bool> pred)
    {
        if (s.Length == 0) return false;
        int i = 0;
        while (i < s.Length) if (!pred(Next(s, ref i))) return false;
        return true;
    }

    /// <summary>str.isdigit().</summary>
    public static bool IsDigit(string s) => All(s, UnicodeData.IsDigit);
    /// <summary>str.isdecimal().</summary>
    public static bool IsDecimal(string s) => All(s, UnicodeData.IsDecimal);
    /// <summary>str.isnumeric().</summary>
    public static bool IsNumeric(string s) => All(s, UnicodeData.IsNumeric);
    /// <summary>str.isalpha().</summary>
    public static bool IsAlpha(string s) => All(s, UnicodeData.IsAlpha);
    /// <summary>str.isalnum().</summary>
    public static bool IsAlnum(string s) => All(s, UnicodeData.IsAlnum);
    /// <summary>str.isspace().</summary>
    public static bool IsSpace(string s) => All(s, UnicodeData.IsSpace);
    /// <summary>str.isprintable() (true for the empty string, as CPython).</summary>
    public static bool IsPrintable(string s) => s.Length == 0 || All(s, UnicodeData.IsPrintable);
    /// <summary>str.isascii().</summary>
    public static bool IsAsciiStr(string s) => AllAscii(s);

    /// <summary>str.isidentifier().</summary>
    public static bool IsIdentifier(string s)
    {
        if (s.Length == 0) return false;
        int i = 0;
        if (!IsIdentifierStart(Next(s, ref i))) return false;
        while (i < s.Length) if (!IsIdentifierContinue(Next(s, ref i))) return false;
        return true;
    }

    /// <summary>str.isupper(): no lower/title chars and at least one upper.</summary>
    public static bool IsUpper(string s)
    {
        bool cased = false;
        int i = 0;
        while (i < s.Length)
        {
            int c = Next(s, ref i);
            if (UnicodeData.IsLower(c) || UnicodeData.IsTitle(c)) return false;
            if (UnicodeData.IsUpper(c)) cased = true;
        }
        return cased;
    }

    /// <summary>str.islower().</summary>
    public static bool IsLower(string s)
    {
        bool cased = false;
        int i = 0;
        while (i < s.Length)
        {
            int c = Next(s, ref i);
            if (UnicodeData.IsUpper(c) || UnicodeData.IsTitle(c)) return false;
            if (UnicodeData.IsLower(c)) cased = true;
        }
        return cased;
    }

    /// <summary>str.istitle().</summary>
    public static bool IsTitleStr(string s)
    {
        bool cased = false, prevCased = false;
        int i = 0;
        while (i < s.Length)
        {
            int c = Next(s, ref i);
            if (UnicodeData.IsUpper(c) || UnicodeData.IsTitle(c))
            {
                if (prevCased) return false;
                prevCased = cased = true;
            }
            else if (UnicodeData.IsLower(c))
            {
                if (!prevCased) return false;
                prevCased = cased = true;
            }
            else prevCased = false;
        }
        return cased;
    }
}
