using Lbbv.Fuzz.Campaign;
using Xunit.Abstractions;

namespace Lbbv.Fuzz.Tests;

/// <summary>The CI fuzzing run: a fixed range of seeds, every program under CPython (the interpreter
/// when python3 is absent) and every engine configuration. A divergence fails the test with its
/// seed, the first differing line and a shrunk repro. More seeds: see docs/FUZZING.md.</summary>
public sealed class FuzzSeedRangeTests(ITestOutputHelper output)
{
    /// <summary>The seeds CI runs (docs/FUZZING.md names them).</summary>
    public const string CiSeeds = "0-299";

    [Fact]
    public void CI_seed_range_runs_without_divergence()
    {
        var options = new CampaignOptions
        {
            Seeds = SeedRange.Parse(CiSeeds),
            Jobs = 2,
            Timeout = TimeSpan.FromSeconds(60),
            ShrinkTime = TimeSpan.FromSeconds(90),
            MaxShrunk = 3,
        };
        var log = new StringWriter();
        var report = new Campaign.Campaign(options, log).Run();
        output.WriteLine(report.Describe());
        Assert.True(report.Clean, report.Describe());
    }
}
