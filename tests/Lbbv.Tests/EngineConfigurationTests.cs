using Lbbv.Cli;

namespace Lbbv.Tests;

/// <summary>The shares of EngineConfigurations: what the program tests and the fuzzer leave out.</summary>
public sealed class EngineConfigurationTests
{
    private static readonly string[] LinkModes = ["patch", "reemit"];

    [Fact]
    public void Every_program_runs_in_every_link_mode_eagerly_and_in_one_at_the_default_thresholds()
    {
        var programs = TestPrograms.Regular().ToList();
        for (int i = 0; i < programs.Count; i++)
        {
            var configs = EngineConfigurations.ForProgram(i);
            foreach (var jit in (string[])["lbbv", "trace"])
            {
                foreach (var mode in LinkModes) Assert.Contains($"{jit}-eager-{mode}", configs);
                Assert.Single(configs, c => c == $"{jit}-patch" || c == $"{jit}-reemit");
                Assert.Contains(jit == "lbbv" ? "lbbv-eager" : "trace-eager", configs);
            }
        }
    }

    [Fact]
    public void Every_configuration_runs_on_some_program_and_some_seed()
    {
        int programs = TestPrograms.Regular().Count();
        var byProgram = Enumerable.Range(0, programs).SelectMany(EngineConfigurations.ForProgram).ToHashSet();
        var bySeed = Enumerable.Range(0, 8).SelectMany(s => EngineConfigurations.ForSeed(s)).ToHashSet();
        Assert.Equal(EngineConfigurations.All.Keys.Order(), byProgram.Order());
        Assert.Equal(EngineConfigurations.All.Keys.Order(), bySeed.Order());
    }

    [Fact]
    public void A_seed_runs_one_link_mode_setting()
    {
        for (long seed = 0; seed < 8; seed++)
            Assert.Single(EngineConfigurations.ForSeed(seed), c => c.Contains("patch") || c.Contains("reemit"));
    }
}
