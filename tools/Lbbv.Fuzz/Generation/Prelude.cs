using Lbbv.Fuzz.Model;

namespace Lbbv.Fuzz.Generation;

/// <summary>The fixed start of every program: the running checksum and the two user exceptions.
/// `_r` is repr with object addresses hidden (the only nondeterministic part of a repr), so a
/// program may fold any value into the checksum. `_gc()` allocates past Lbbv's collection threshold
/// (8 MB), so a collection happens at the next safepoint: a collection point the generator places
/// (a value held unrooted across it is freed, and the output shows it).</summary>
public static class Prelude
{
    /// <summary>The lines of `_r` that hide addresses (a repro keeps them while it defines `_r`).</summary>
    public static readonly string[] HidesAddresses = ["if ' at 0x' in s:", "return '<' + type(v).__name__ + '>'"];

    public const string Text = """
        import math
        _ck = 0
        def _r(v):
            s = repr(v)
            if ' at 0x' in s:
                return '<' + type(v).__name__ + '>'
            return s
        def _mix(v):
            global _ck
            h = _ck
            for ch in _r(v):
                h = (h * 31 + ord(ch)) % 1000000007
            _ck = h
        def _show(tag):
            print(tag, _ck)
        def _gc():
            return len([None] * 600000)
        class E0(Exception):
            pass
        class E1(E0):
            pass
        """;

    /// <summary>The prelude as statements (so the shrinker can drop what a repro does not use).</summary>
    public static IEnumerable<Stmt> Statements() => Parse(Text.Split('\n'));

    /// <summary>Reads back indented Python lines as statements: a line ending in ':' opens a clause
    /// whose body is the more indented lines after it.</summary>
    static List<Stmt> Parse(IReadOnlyList<string> lines)
    {
        var result = new List<Stmt>();
        int i = 0;
        while (i < lines.Count)
        {
            string line = lines[i];
            if (line.Trim().Length == 0) { i++; continue; }
            int indent = line.Length - line.TrimStart().Length;
            string text = line.Trim();
            i++;
            if (!text.EndsWith(':'))
            {
                result.Add(new Line(text, []));
                continue;
            }
            var body = new List<string>();
            while (i < lines.Count
                && (lines[i].Trim().Length == 0 || lines[i].Length - lines[i].TrimStart().Length > indent))
                body.Add(lines[i++]);
            result.Add(Compound.Of(new Clause(text, [], [.. Parse(body)])));
        }
        return result;
    }
}
