namespace Lbbv.Cli;

/// <summary>Every engine configuration a program must give the interpreter's output under: the
/// engines and their stress settings (compile at first execution; one version per block; two), as
/// `lbbv run` arguments. The program tests (tests/Lbbv.Tests) and the differential fuzzer
/// (tools/Lbbv.Fuzz) both run this list, so a new engine or stress setting added here is covered by
/// both.</summary>
public static class EngineConfigurations
{
    /// <summary>The interpreter: the configuration every other one is compared with.</summary>
    public const string Interpreter = "off";

    public static readonly IReadOnlyDictionary<string, string[]> All = new Dictionary<string, string[]>
    {
        [Interpreter] = ["--jit", "off"],
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
