namespace Lbbv.Cli;

/// <summary>Every engine configuration a program must give the interpreter's output under: the
/// engines and their stress settings (LBBV: compile at first execution; one version per block; two.
/// Trace: record at the first back-edge; bridges at the first failure, with the int locals of simple
/// loops kept in registers across the back edge (off by default); a trace limit so small that
/// recordings abort everywhere; no inlining), and both JITs' link modes (docs/LINKING.md), eagerly too:
/// there re-emission follows every link's first reuse at once (`--reemit-after 1 --reemit-wait 0`), so that
/// every unit that can be emitted again is, and every safe point after a re-emission retires the dead copies
/// (`--reclaim-after 1`). As `lbbv run` arguments. The program tests (tests/Lbbv.Tests) and the
/// differential fuzzer (tools/Lbbv.Fuzz) both run this list, so a new engine or stress setting added
/// here is covered by both; a setting with a share (<see cref="ForProgram"/>, <see cref="ForSeed"/>)
/// runs on part of them only.</summary>
public static class EngineConfigurations
{
    /// <summary>The interpreter: the configuration every other one is compared with.</summary>
    public const string Interpreter = "off";

    /// <summary>Re-emission at every link's first reuse, with every dead copy retired at the next safe
    /// point: the link flags both JITs' eager re-emission settings share.</summary>
    private static readonly string[] EagerReemit =
        ["--link", "reemit", "--reemit-after", "1", "--reemit-wait", "0", "--reclaim-after", "1"];

    public static readonly IReadOnlyDictionary<string, string[]> All = new Dictionary<string, string[]>
    {
        [Interpreter] = ["--jit", "off"],
        ["lbbv"] = ["--jit", "lbbv"],
        ["lbbv-eager"] = ["--jit", "lbbv", "--call-threshold", "0", "--loop-threshold", "0"],
        ["lbbv-eager-maxv1"] = ["--jit", "lbbv", "--call-threshold", "0", "--loop-threshold", "0", "--max-versions", "1"],
        ["lbbv-eager-maxv2"] =
        ["--jit", "lbbv", "--call-threshold", "0", "--loop-threshold", "0", "--max-versions", "2",
            "--float-loop-registers"],
        ["lbbv-patch"] = ["--jit", "lbbv", "--link", "patch"],
        ["lbbv-reemit"] = ["--jit", "lbbv", "--link", "reemit", "--no-float-loop-registers"],
        ["lbbv-eager-patch"] = ["--jit", "lbbv", "--call-threshold", "0", "--loop-threshold", "0", "--link", "patch"],
        ["lbbv-eager-reemit"] =
        ["--jit", "lbbv", "--call-threshold", "0", "--loop-threshold", "0", .. EagerReemit],
        ["trace"] = ["--jit", "trace"],
        ["trace-eager"] = ["--jit", "trace", "--trace-threshold", "0"],
        ["trace-eager-bridges"] =
        ["--jit", "trace", "--trace-threshold", "0", "--bridge-threshold", "1", "--trace-loop-registers",
            "--float-loop-registers"],
        ["trace-tiny-limit"] = ["--jit", "trace", "--trace-threshold", "0", "--trace-limit", "8", "--bridge-threshold", "1"],
        ["trace-no-inlining"] = ["--jit", "trace", "--trace-threshold", "0", "--max-inline-depth", "0"],
        ["trace-patch"] = ["--jit", "trace", "--link", "patch", "--no-float-loop-registers"],
        ["trace-reemit"] = ["--jit", "trace", "--link", "reemit"],
        ["trace-eager-patch"] = ["--jit", "trace", "--trace-threshold", "0", "--bridge-threshold", "1", "--link", "patch"],
        ["trace-eager-reemit"] =
        ["--jit", "trace", "--trace-threshold", "0", "--bridge-threshold", "1", .. EagerReemit],
    };

    /// <summary>Settings that run on one program in <c>Of</c> (the programs in name order, number
    /// <c>Index</c> modulo <c>Of</c>): the link modes at the default thresholds, which share the
    /// programs between them. Every program still runs in every link mode, eagerly (the stress
    /// settings, which compile and link the most code); the shares keep CI's time (docs/LINKING.md).</summary>
    private static readonly Dictionary<string, (int Of, int Index)> ProgramShares = new()
    {
        ["lbbv-patch"] = (2, 0),
        ["lbbv-reemit"] = (2, 1),
        ["trace-patch"] = (2, 1),
        ["trace-reemit"] = (2, 0),
    };

    /// <summary>The fuzzer's shares: its programs are random, so the eight link-mode settings (both
    /// JITs) take turns over the seeds (each checks an eighth of them) and a seed costs one run more,
    /// not eight.</summary>
    private static readonly Dictionary<string, (int Of, int Index)> SeedShares = new()
    {
        ["lbbv-patch"] = (8, 0),
        ["lbbv-reemit"] = (8, 1),
        ["lbbv-eager-patch"] = (8, 2),
        ["lbbv-eager-reemit"] = (8, 3),
        ["trace-patch"] = (8, 4),
        ["trace-reemit"] = (8, 5),
        ["trace-eager-patch"] = (8, 6),
        ["trace-eager-reemit"] = (8, 7),
    };

    /// <summary>The configurations the program at <paramref name="index"/> (in name order) runs under.</summary>
    public static IReadOnlyList<string> ForProgram(int index) => Select(ProgramShares, index);

    /// <summary>The configurations the fuzzer runs seed <paramref name="seed"/>'s program under.</summary>
    public static IReadOnlyList<string> ForSeed(long seed) => Select(SeedShares, seed);

    private static string[] Select(Dictionary<string, (int Of, int Index)> shares, long index) =>
        [.. All.Keys.Where(c => !shares.TryGetValue(c, out var s) || Math.Abs(index % s.Of) == s.Index)];
}
