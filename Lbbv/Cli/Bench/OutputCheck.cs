namespace Lbbv.Cli.Bench;

/// <summary>Every engine must print what the reference engine printed, byte for byte.</summary>
public static class OutputCheck
{
    /// <summary>Null when equal, else where they first differ.</summary>
    public static string? Difference(string expectedFrom, string expected, string actual)
    {
        if (expected == actual) return null;
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string x = i < e.Length ? e[i] : "<missing>";
            string y = i < a.Length ? a[i] : "<missing>";
            if (x != y)
                return $"output differs from {expectedFrom}'s at line {i + 1}: expected '{Clip(x)}', got '{Clip(y)}'";
        }
        return $"output differs from {expectedFrom}'s";
    }

    private static string Clip(string line) => line.Length <= 80 ? line : line[..80] + "...";
}
