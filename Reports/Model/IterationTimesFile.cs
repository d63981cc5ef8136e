using System.Globalization;

namespace Lbbv.Reports.Model;

/// <summary>The in-process iteration protocol between `lbbv bench` and what it runs (bench/README.md): the
/// harness names a file in LBBV_BENCH_TIMES (and the number of values it wants in LBBV_BENCH_ITERATIONS);
/// whoever times iterations (`lbbv run --repeat N`, a pyperf-compatible module) appends one line per measured
/// value: the series name, a tab, and the seconds one iteration took.</summary>
public static class IterationTimesFile
{
    public const string PathVariable = "LBBV_BENCH_TIMES";
    public const string IterationsVariable = "LBBV_BENCH_ITERATIONS";

    public static string Line(string series, double seconds) =>
        series + "\t" + seconds.ToString("R", CultureInfo.InvariantCulture) + "\n";

    public static void Append(string path, string series, double seconds) =>
        File.AppendAllText(path, Line(series, seconds));

    /// <summary>The values of the first series in the file, in order; null when the file has none.
    /// Malformed lines are an error (a module that writes something else is broken, not slow).</summary>
    public static IterationSamples? Read(string path)
    {
        var lines = Lines(path);
        if (lines.Count == 0) return null;
        string series = lines[0].Series;
        return new IterationSamples(series, lines.Where(l => l.Series == series).Select(l => l.Seconds).ToList());
    }

    /// <summary>Every value in the file, whatever its series (empty when there is no file).</summary>
    public static IReadOnlyList<double> ReadAll(string path) => Lines(path).Select(l => l.Seconds).ToList();

    private static List<(string Series, double Seconds)> Lines(string path)
    {
        var lines = new List<(string, double)>();
        if (!File.Exists(path)) return lines;
        foreach (var raw in File.ReadAllLines(path))
        {
            if (raw.Trim().Length == 0) continue;
            int tab = raw.LastIndexOf('\t');
            string name = tab < 0 ? "" : raw[..tab];
            if (!double.TryParse(raw[(tab + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds)
                || seconds < 0 || double.IsNaN(seconds) || double.IsInfinity(seconds))
                throw new InvalidDataException($"{PathVariable}: not a time in seconds: '{raw}'");
            lines.Add((name, seconds));
        }
        return lines;
    }
}
