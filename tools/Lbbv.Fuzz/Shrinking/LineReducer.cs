namespace Lbbv.Fuzz.Shrinking;

/// <summary>Delta debugging over source lines, the fallback after the structural pass: removes
/// runs of lines (halves down to single lines) while the program still fails. Removals that break
/// the indentation make a SyntaxError under CPython, which the failure test rejects.</summary>
public static class LineReducer
{
    public static string Reduce(string text, Func<string, bool> stillFails, Func<bool> outOfBudget)
    {
        var lines = text.Split('\n').Where(l => l.Length > 0).ToList();
        for (int size = Math.Max(1, lines.Count / 2); size >= 1; size = size == 1 ? 0 : size / 2)
        {
            for (int start = 0; start + size <= lines.Count;)
            {
                if (outOfBudget()) return Join(lines);
                var candidate = new List<string>(lines);
                candidate.RemoveRange(start, size);
                if (candidate.Count > 0 && stillFails(Join(candidate))) lines = candidate;
                else start += size;
            }
        }
        return Join(lines);
    }

    static string Join(List<string> lines) => string.Join('\n', lines) + "\n";
}
