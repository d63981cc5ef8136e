namespace Lbbv.Tests;

/// <summary>Every engine configuration a program must give the interpreter's output under: the
/// engines and their stress settings (compile at first execution; one version per block; two), and
/// the link modes (docs/LINKING.md), eagerly too: there re-emission follows every link's first
/// reuse (`--reemit-after 1`), so that every unit that can be emitted again is.</summary>
public static class EngineConfigurations
{
    public static readonly IReadOnlyDictionary<string, string[]> All = new Dictionary<string, string[]>
    {
        ["off"] = ["--jit", "off"],
        ["lbbv"] = ["--jit", "lbbv"],
        ["lbbv-eager"] = ["--jit", "lbbv", "--call-threshold", "0", "--loop-threshold", "0"],
        ["lbbv-eager-maxv1"] = ["--jit", "lbbv", "--call-threshold", "0", "--loop-threshold", "0", "--max-versions", "1"],
        ["lbbv-eager-maxv2"] = ["--jit", "lbbv", "--call-threshold", "0", "--loop-threshold", "0", "--max-versions", "2"],
        ["lbbv-patch"] = ["--jit", "lbbv", "--link", "patch"],
        ["lbbv-reemit"] = ["--jit", "lbbv", "--link", "reemit"],
        ["lbbv-eager-patch"] = ["--jit", "lbbv", "--call-threshold", "0", "--loop-threshold", "0", "--link", "patch"],
        ["lbbv-eager-reemit"] =
        [
            "--jit", "lbbv", "--call-threshold", "0", "--loop-threshold", "0",
            "--link", "reemit", "--reemit-after", "1",
        ],
    };
}
