using System.Text.Json;

namespace Lbbv.Tests;

/// <summary>The collector reclaims memory: a program allocating tens of millions of short-lived
/// objects (including cycles) stays under 300 MB peak RSS and prints CPython's checksum.</summary>
public sealed class MemoryTests
{
    private const long PeakLimitBytes = 300L * 1024 * 1024;

    [Fact]
    public void Churning_program_runs_in_bounded_memory()
    {
        const string program = "gc_churn.py";
        string json = Path.Combine(Path.GetTempPath(), $"lbbv-gc-{Guid.NewGuid():N}.json");
        try
        {
            var expected = ExpectedOutcome.Load(program);
            var result = ProcessRunner.Lbbv(["run", "--stats-json", json, program], RepoPaths.Programs,
                TimeSpan.FromMinutes(5));
            Assert.Equal(expected.Stdout, result.Stdout);
            Assert.Equal(expected.ExitCode, result.ExitCode);
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            long peak = doc.RootElement.GetProperty("peak_rss_bytes").GetInt64();
            Assert.True(doc.RootElement.GetProperty("gc_collections").GetInt64() > 0);
            Assert.InRange(peak, 1, PeakLimitBytes);
        }
        finally { File.Delete(json); }
    }
}
