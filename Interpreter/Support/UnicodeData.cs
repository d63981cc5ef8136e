namespace Lbbv.Support;

/// <summary>
/// Python 3.11's Unicode character properties and full case mappings, looked up in tables that
/// gen_unicode.py derives from python3 itself (so they match CPython, not .NET's Unicode version).
/// </summary>
internal static partial class UnicodeData
{
    private static bool InRanges(ReadOnlySpan<int> r, int cp)
    {
        // r = [start0, end0, start1, end1, ...]; find the last start <= cp.
        int lo = 0, hi = r.Length / 2 - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (r[2 * mid] <= cp)
            {
                if (cp < r[2 * mid + 1]) return true;
                lo = mid + 1;
            }
            else hi = mid - 1;
        }
        return false;
    }

    public static bool IsPrintable(int cp) => cp < 128 ? cp >= 32 && cp < 127 : InRanges(PrintableRanges, cp);
    public static bool IsSpace(int cp) => cp < 128 ? (cp == ' ' || (cp >= 9 && cp <= 13) || (cp >= 28 && cp <= 31)) : InRanges(SpaceRanges, cp);
    public static bool IsAlpha(int cp) => cp < 128 ? (uint)((cp | 0x20) - 'a') <= 'z' - 'a' : InRanges(AlphaRanges, cp);
    public static bool IsDecimal(int cp) => cp < 128 ? (uint)(cp - '0') <= 9 : InRanges(DecimalRanges, cp);
    public static bool IsDigit(int cp) => cp < 128 ? (uint)(cp - '0') <= 9 : InRanges(DigitRanges, cp);
    public static bool IsNumeric(int cp) => cp < 128 ? (uint)(cp - '0') <= 9 : InRanges(NumericRanges, cp);
    public static bool IsUpper(int cp) => cp < 128 ? (uint)(cp - 'A') <= 25 : InRanges(UpperRanges, cp);
    public static bool IsLower(int cp) => cp < 128 ? (uint)(cp - 'a') <= 25 : InRanges(LowerRanges, cp);
    /// <summary>Titlecase letters (Lt) only, as CPython's Py_UNICODE_ISTITLE.</summary>
    public static bool IsTitle(int cp) => cp >= 128 && InRanges(TitleRanges, cp);
    public static bool IsCased(int cp) => cp < 128 ? IsAlpha(cp) : InRanges(CasedRanges, cp);
    public static bool IsCaseIgnorable(int cp) => cp < 128 ? cp is '\'' or '.' or ':' or '^' or '`' : InRanges(CaseIgnorableRanges, cp);
    public static bool IsAlnum(int cp) => IsAlpha(cp) || IsDecimal(cp) || IsDigit(cp) || IsNumeric(cp);
    public static bool IsIdentifierStart(int cp) => cp < 128 ? IsAlpha(cp) || cp == '_' : InRanges(IdentifierRanges, cp);
    public static bool IsIdentifierContinue(int cp) => cp < 128 ? IsAlpha(cp) || cp == '_' || (uint)(cp - '0') <= 9 : InRanges(IdentifierContinueRanges, cp);

    /// <summary>The decimal digit value (0-9) of a Unicode decimal digit, else -1.</summary>
    public static int DecimalValue(int cp)
    {
        if (cp < 128) return (uint)(cp - '0') <= 9 ? cp - '0' : -1;
        var z = DecimalZeros;
        int lo = 0, hi = z.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (z[mid] <= cp) { found = mid; lo = mid + 1; } else hi = mid - 1;
        }
        return found >= 0 && cp - z[found] <= 9 ? cp - z[found] : -1;
    }

    public enum CaseMap { Upper, Lower, Title, Fold }

    /// <summary>Appends the full case mapping of cp; returns false (appending nothing) when cp maps to itself.</summary>
    public static bool TryMap(CaseMap kind, int cp, out int single, out string? multi)
    {
        ReadOnlySpan<int> keys, vals;
        string[] specials;
        switch (kind)
        {
            case CaseMap.Upper: keys = UpperMapKeys; vals = UpperMapValues; specials = UpperMapSpecials; break;
            case CaseMap.Lower: keys = LowerMapKeys; vals = LowerMapValues; specials = LowerMapSpecials; break;
            case CaseMap.Title: keys = TitleMapKeys; vals = TitleMapValues; specials = TitleMapSpecials; break;
            default: keys = FoldMapKeys; vals = FoldMapValues; specials = FoldMapSpecials; break;
        }
        int i = keys.BinarySearch(cp);
        single = cp;
        multi = null;
        if (i < 0) return false;
        int v = vals[i];
        if (v >= 0) single = v; else multi = specials[-v - 1];
        return true;
    }
}
