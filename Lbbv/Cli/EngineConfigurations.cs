namespace Lbbv.Cli;

/// <summary>Every engine configuration a program must give the interpreter's output under: the
/// engines and their stress settings (LBBV: compile at first execution; one version per block; two.
/// Trace: record at the first back-edge; bridges at the first failure; a trace limit so small that
/// recordings abort everywhere; no inlining), as `lbbv run` arguments. The program tests
/// (tests/Lbbv.Tests) and the differential fuzzer (tools/Lbbv.Fuzz) both run this list, so a new
/// engine or stress setting added here is covered by both.</summary>
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
        ["trace"] = ["--jit", "trace"],
        ["trace-eager"] = ["--jit", "trace", "--trace-threshold", "0"],
        ["trace-eager-bridges"] = ["--jit", "trace", "--trace-threshold", "0", "--bridge-threshold", "1"],
        ["trace-tiny-limit"] = ["--jit", "trace", "--trace-threshold", "0", "--trace-limit", "8", "--bridge-threshold", "1"],
        ["trace-no-inlining"] = ["--jit", "trace", "--trace-threshold", "0", "--max-inline-depth", "0"],
    };
}
