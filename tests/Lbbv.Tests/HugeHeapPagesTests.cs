using System.Text.Json;

namespace Lbbv.Tests;

/// <summary>The young generation's first region on transparent huge pages (Backend/Memory/ManagedHeapPages.cs):
/// programs print the same with and without it, under every engine, and a process on a kernel that
/// offers huge pages reports the blocks it advised.</summary>
public sealed class HugeHeapPagesTests
{
    [Theory]
    [InlineData("off")]
    [InlineData("lbbv")]
    [InlineData("trace")]
    public void Output_is_the_same_with_and_without_huge_pages(string engine)
    {
        const string program = "algo_dp.py";
        var expected = ExpectedOutcome.Load(program);
        foreach (bool huge in new[] { true, false })
        {
            var (result, blocks) = Run(engine, program, huge);
            Assert.Equal(expected.Stdout, result.Stdout);
            Assert.Equal(expected.ExitCode, result.ExitCode);
            if (!huge) Assert.Equal(0, blocks);
            else if (KernelOffersHugePages()) Assert.InRange(blocks, 1, 2);
        }
    }

    private static (ProcessResult Result, long Blocks) Run(string engine, string program, bool huge)
    {
        string json = Path.Combine(Path.GetTempPath(), $"lbbv-huge-{Guid.NewGuid():N}.json");
        try
        {
            var environment = huge ? null : new Dictionary<string, string> { ["LBBV_NO_HUGE_HEAP"] = "1" };
            var result = ProcessRunner.Lbbv(["run", "--jit", engine, "--stats-json", json, program],
                RepoPaths.Programs, TimeSpan.FromMinutes(2), environment);
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            return (result, doc.RootElement.GetProperty("young_generation_huge_page_blocks").GetInt64());
        }
        finally { File.Delete(json); }
    }

    /// <summary>Transparent huge pages enabled as `always` or `madvise` (not `[never]`, nor absent).</summary>
    private static bool KernelOffersHugePages()
    {
        const string path = "/sys/kernel/mm/transparent_hugepage/enabled";
        return File.Exists(path) && !File.ReadAllText(path).Contains("[never]", StringComparison.Ordinal);
    }
}
