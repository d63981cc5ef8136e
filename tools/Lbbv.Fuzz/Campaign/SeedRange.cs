namespace Lbbv.Fuzz.Campaign;

/// <summary>Seeds as the command line names them: `0-4999`, `17`, or a comma-separated list of both.</summary>
public static class SeedRange
{
    public static IReadOnlyList<long> Parse(string text)
    {
        var seeds = new List<long>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int dash = part.IndexOf('-', 1);
            if (dash < 0)
            {
                seeds.Add(long.Parse(part));
                continue;
            }
            long first = long.Parse(part[..dash]), last = long.Parse(part[(dash + 1)..]);
            if (last < first) throw new FormatException($"empty seed range {part}");
            for (long s = first; s <= last; s++) seeds.Add(s);
        }
        return seeds;
    }
}
