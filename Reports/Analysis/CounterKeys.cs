using System.Text.RegularExpressions;

namespace Lbbv.Reports.Analysis;

/// <summary>Finds the counters a report highlights among whatever keys an engine's `--stats-json` has, by
/// suffix (`lbbv_type_tests_executed`, and a tracing engine's `trace_type_tests_executed` alike), so that
/// a new engine's counters appear without a change here.</summary>
public static partial class CounterKeys
{
    /// <summary>A highlighted column: its title and how it is read from one engine's counters.</summary>
    public sealed record Column(string Title, Func<IReadOnlyDictionary<string, double>, double?> Read, string Format);

    public static readonly IReadOnlyList<Column> Highlighted =
    [
        new("versions", c => SumOfSuffix(c, "_versions_compiled"), "N0"),
        new("traces", c => SumOfSuffix(c, "_traces_compiled"), "N0"),
        new("bridges", c => SumOfSuffix(c, "_bridges_compiled"), "N0"),
        new("trace aborts", c => SumOfSuffix(c, "_trace_aborts"), "N0"),
        new("type tests", TypeTestsExecuted, "N0"),
        new("class checks", c => SumOfSuffix(c, "_class_checks_executed"), "N0"),
        new("indirect jumps", c => SumOfSuffix(c, "_indirect_jumps_executed"), "N0"),
        new("side exits", SideExits, "N0"),
        new("% bytecodes in machine code", PercentInMachineCode, "F1"),
        new("code bytes", c => SumOfSuffix(c, "_code_bytes"), "N0"),
        new("compile ms", c => SumOfSuffix(c, "_compile_time_us") / 1000, "F1"),
    ];

    /// <summary>Dynamic type tests executed (tag and kind tests; class checks apart).</summary>
    public static double? TypeTestsExecuted(IReadOnlyDictionary<string, double> counters) =>
        SumOfSuffix(counters, "type_tests_executed");

    /// <summary>Every counted exit from machine code, whatever its reason (`*_exits_REASON`).</summary>
    public static double? SideExits(IReadOnlyDictionary<string, double> counters)
    {
        var exits = counters.Where(c => c.Key.Contains("_exits_", StringComparison.Ordinal)).ToList();
        return exits.Count == 0 ? null : exits.Sum(c => c.Value);
    }

    private static double? PercentInMachineCode(IReadOnlyDictionary<string, double> counters) =>
        SumOfSuffix(counters, "_percent_bytecodes_in_machine_code_x100") / 100;

    /// <summary>The blocks-per-version-count histogram (`*_blocks_with_N_versions`,
    /// `*_blocks_with_N_or_more_versions`), ordered by N; empty when the engine has none.</summary>
    public static IReadOnlyList<(string Label, int Versions, double Blocks)> VersionHistogram(
        IReadOnlyDictionary<string, double> counters) =>
        counters.Select(c => (Match: HistogramKey().Match(c.Key), c.Value))
            .Where(m => m.Match.Success)
            .Select(m => (Label: m.Match.Groups[1].Value + (m.Match.Groups[2].Success ? "+" : ""),
                          Versions: int.Parse(m.Match.Groups[1].Value), Blocks: m.Value))
            .OrderBy(h => h.Versions).ToList();

    private static double? SumOfSuffix(IReadOnlyDictionary<string, double> counters, string suffix)
    {
        double? sum = null;
        foreach (var (key, value) in counters)
            if (key.EndsWith(suffix, StringComparison.Ordinal)) sum = (sum ?? 0) + value;
        return sum;
    }

    [GeneratedRegex(@"blocks_with_(\d+)(_or_more)?_versions$")]
    private static partial Regex HistogramKey();
}
