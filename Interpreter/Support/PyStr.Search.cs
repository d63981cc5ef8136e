using System.Text;

namespace Lbbv.Support;

public static partial class PyStr
{
    /// <summary>CPython's ADJUST_INDICES: slice-style clamping of start/end against len.</summary>
    public static void AdjustIndices(ref long start, ref long end, long len)
    {
        if (end > len) end = len;
        else if (end < 0) { end += len; if (end < 0) end = 0; }
        if (start < 0) { start += len; if (start < 0) start = 0; }
    }

    /// <summary>str.find(sub, start, end); code-point indices; pass long.MaxValue for no end.</summary>
    public static long Find(string s, string sub, long start = 0, long end = long.MaxValue) => FindCore(s, sub, start, end, forward: true);

    /// <summary>str.rfind(sub, start, end).</summary>
    public static long RFind(string s, string sub, long start = 0, long end = long.MaxValue) => FindCore(s, sub, start, end, forward: false);

    /// <summary>str.index: as Find but ValueError "substring not found".</summary>
    public static long Index(string s, string sub, long start = 0, long end = long.MaxValue)
    {
        long r = Find(s, sub, start, end);
        if (r < 0) throw PyError.Value("substring not found");
        return r;
    }

    /// <summary>str.rindex: ValueError "substring not found".</summary>
    public static long RIndex(string s, string sub, long start = 0, long end = long.MaxValue)
    {
        long r = RFind(s, sub, start, end);
        if (r < 0) throw PyError.Value("substring not found");
        return r;
    }

    private static long FindCore(string s, string sub, long start, long end, bool forward)
    {
        bool sur = HasSurrogates(s);
        long len = sur ? Length(s) : s.Length;
        AdjustIndices(ref start, ref end, len);
        long subLen = sur || HasSurrogates(sub) ? Length(sub) : sub.Length;
        if (end - start < subLen) return -1;
        if (subLen == 0) return forward ? start : end;
        int a = sur ? CodePointToIndex(s, (int)start) : (int)start;
        int b = sur ? CodePointToIndex(s, (int)end) : (int)end;
        var span = s.AsSpan(a, b - a);
        int r = forward ? span.IndexOf(sub.AsSpan(), StringComparison.Ordinal) : span.LastIndexOf(sub.AsSpan(), StringComparison.Ordinal);
        if (r < 0) return -1;
        return sur ? IndexToCodePoint(s, a + r) : a + r;
    }

    /// <summary>str.count(sub, start, end): non-overlapping occurrences.</summary>
    public static long Count(string s, string sub, long start = 0, long end = long.MaxValue)
    {
        bool sur = HasSurrogates(s);
        long len = sur ? Length(s) : s.Length;
        AdjustIndices(ref start, ref end, len);
        if (end < start) return 0;
        long subLen = Length(sub);
        if (end - start < subLen) return 0;
        if (subLen == 0) return end - start + 1;
        int a = sur ? CodePointToIndex(s, (int)start) : (int)start;
        int b = sur ? CodePointToIndex(s, (int)end) : (int)end;
        var span = s.AsSpan(a, b - a);
        if (sub.Length == 1) return span.Count(sub[0]);
        long n = 0;
        while (true)
        {
            int r = span.IndexOf(sub.AsSpan(), StringComparison.Ordinal);
            if (r < 0) return n;
            n++;
            span = span[(r + sub.Length)..];
        }
    }

    /// <summary>str.startswith(prefix, start, end) for one prefix (the runtime loops over tuples).</summary>
    public static bool StartsWith(string s, string prefix, long start = 0, long end = long.MaxValue) => TailMatch(s, prefix, start, end, false);

    /// <summary>str.endswith(suffix, start, end).</summary>
    public static bool EndsWith(string s, string suffix, long start = 0, long end = long.MaxValue) => TailMatch(s, suffix, start, end, true);

    private static bool TailMatch(string s, string sub, long start, long end, bool atEnd)
    {
        if (start == 0 && end == long.MaxValue)
            return atEnd ? s.EndsWith(sub, StringComparison.Ordinal) : s.StartsWith(sub, StringComparison.Ordinal);
        bool sur = HasSurrogates(s) || HasSurrogates(sub);
        long len = sur ? Length(s) : s.Length;
        AdjustIndices(ref start, ref end, len);
        long subLen = sur ? Length(sub) : sub.Length;
        end -= subLen;
        if (end < start) return false;
        if (subLen == 0) return true;
        long at = atEnd ? end : start;
        int a = sur ? CodePointToIndex(s, (int)at) : (int)at;
        return s.AsSpan(a).StartsWith(sub.AsSpan(), StringComparison.Ordinal);
    }

    /// <summary>str.replace(old, new, count); count &lt; 0 means all. Empty old inserts new
    /// around every code point ('abc'.replace('', '-') == '-a-b-c-').</summary>
    public static string Replace(string s, string oldValue, string newValue, long count = -1)
    {
        if (count < 0) count = long.MaxValue;
        if (count == 0) return s;
        if (oldValue.Length == 0)
        {
            var sb = new StringBuilder(s.Length + (int)Math.Min(count, s.Length + 1) * newValue.Length);
            int i = 0;
            long done = 0;
            while (done < count)
            {
                sb.Append(newValue);
                done++;
                if (i >= s.Length) break;
                int j = i;
                Next(s, ref j);
                sb.Append(s, i, j - i);
                i = j;
            }
            sb.Append(s, i, s.Length - i);
            return sb.ToString();
        }
        if (count == long.MaxValue) return s.Replace(oldValue, newValue, StringComparison.Ordinal);
        int pos = s.IndexOf(oldValue, StringComparison.Ordinal);
        if (pos < 0) return s;
        var b = new StringBuilder(s.Length);
        int last = 0;
        while (pos >= 0 && count > 0)
        {
            b.Append(s, last, pos - last).Append(newValue);
            last = pos + oldValue.Length;
            count--;
            pos = count > 0 ? s.IndexOf(oldValue, last, StringComparison.Ordinal) : -1;
        }
        b.Append(s, last, s.Length - last);
        return b.ToString();
    }

    /// <summary>str.split(sep, maxsplit): sep null splits on runs of whitespace; maxsplit &lt; 0 is
    /// unlimited; ValueError "empty separator".</summary>
    public static List<string> Split(string s, string? sep, long maxsplit = -1)
    {
        if (maxsplit < 0) maxsplit = long.MaxValue;
        var result = new List<string>();
        if (sep is null)
        {
            int i = 0, n = s.Length;
            while (true)
            {
                while (i < n && IsSpaceChar(s[i])) i++;
                if (i >= n) break;
                if (maxsplit-- == 0)
                {
                    result.Add(s.Substring(i)); // the rest keeps its trailing whitespace
                    break;
                }
                int j = i;
                while (j < n && !IsSpaceChar(s[j])) j++;
                result.Add(s.Substring(i, j - i));
                i = j;
            }
            return result;
        }
        if (sep.Length == 0) throw PyError.Value("empty separator");
        int start = 0;
        while (maxsplit-- > 0)
        {
            int p = sep.Length == 1 ? s.IndexOf(sep[0], start) : s.IndexOf(sep, start, StringComparison.Ordinal);
            if (p < 0) break;
            result.Add(s.Substring(start, p - start));
            start = p + sep.Length;
        }
        result.Add(start == 0 ? s : s.Substring(start));
        return result;
    }

    /// <summary>str.rsplit(sep, maxsplit).</summary>
    public static List<string> RSplit(string s, string? sep, long maxsplit = -1)
    {
        if (maxsplit < 0) maxsplit = long.MaxValue;
        var result = new List<string>();
        if (sep is null)
        {
            int i = s.Length;
            while (true)
            {
                while (i > 0 && IsSpaceChar(s[i - 1])) i--;
                if (i <= 0) break;
                if (maxsplit-- == 0)
                {
                    result.Add(s.Substring(0, i)); // the rest keeps its leading whitespace
                    break;
                }
                int j = i;
                while (j > 0 && !IsSpaceChar(s[j - 1])) j--;
                result.Add(s.Substring(j, i - j));
                i = j;
            }
            result.Reverse();
            return result;
        }
        if (sep.Length == 0) throw PyError.Value("empty separator");
        int end = s.Length;
        while (maxsplit-- > 0 && end >= sep.Length)
        {
            int p = s.LastIndexOf(sep, end - 1, end, StringComparison.Ordinal);
            if (p < 0) break;
            result.Add(s.Substring(p + sep.Length, end - p - sep.Length));
            end = p;
        }
        result.Add(end == s.Length ? s : s.Substring(0, end));
        result.Reverse();
        return result;
    }

    /// <summary>str.partition(sep) as (head, sep, tail); ValueError "empty separator".</summary>
    public static (string Head, string Sep, string Tail) Partition(string s, string sep)
    {
        if (sep.Length == 0) throw PyError.Value("empty separator");
        int p = s.IndexOf(sep, StringComparison.Ordinal);
        if (p < 0) return (s, "", "");
        return (s.Substring(0, p), sep, s.Substring(p + sep.Length));
    }

    /// <summary>str.rpartition(sep).</summary>
    public static (string Head, string Sep, string Tail) RPartition(string s, string sep)
    {
        if (sep.Length == 0) throw PyError.Value("empty separator");
        int p = s.LastIndexOf(sep, StringComparison.Ordinal);
        if (p < 0) return ("", "", s);
        return (s.Substring(0, p), sep, s.Substring(p + sep.Length));
    }

    /// <summary>str.splitlines(keepends): \n \r \r\n \v \f \x1c \x1d \x1e \x85 \u2028 \u2029.</summary>
    public static List<string> SplitLines(string s, bool keepends = false)
    {
        var result = new List<string>();
        int i = 0, n = s.Length;
        while (i < n)
        {
            int j = i;
            while (j < n && !IsLineBreak(s[j])) j++;
            int eol = j;
            if (j < n)
            {
                if (s[j] == '\r' && j + 1 < n && s[j + 1] == '\n') j += 2; else j++;
                if (keepends) eol = j;
            }
            result.Add(s.Substring(i, eol - i));
            i = j;
        }
        return result;
    }

    private static bool IsLineBreak(char c) =>
        c <= '\r' ? c >= '\n' : c is '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029';
}
