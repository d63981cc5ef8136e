using Lbbv.Cli;
using Lbbv.Fuzz.Checking;
using Lbbv.Fuzz.Running;

namespace Lbbv.Fuzz.Tests;

public sealed class WatchdogTests
{
    /// <summary>A program that never ends is reported as a hang of the configuration running it, and
    /// the worker (killed) is replaced for the next program.</summary>
    [Fact]
    public void A_run_that_never_ends_is_a_hang_and_the_worker_restarts()
    {
        string dir = Paths.Scratch("watchdog");
        string forever = Path.Combine(dir, "forever.py");
        File.WriteAllText(forever, "print('start')\nwhile True:\n    pass\n");
        string fine = Path.Combine(dir, "fine.py");
        File.WriteAllText(fine, "print(6 * 7)\n");
        using var worker = new WorkerClient();
        var hung = worker.Evaluate(forever, [EngineConfigurations.Interpreter, "lbbv"], TimeSpan.FromSeconds(5));
        Assert.Equal(Ending.Hang, hung[EngineConfigurations.Interpreter].Ending);
        Assert.False(hung.ContainsKey("lbbv")); // never started
        var after = worker.Evaluate(fine, ["lbbv"], TimeSpan.FromSeconds(60));
        Assert.Equal("42\n", after["lbbv"].Stdout);
        Assert.Equal(1, worker.Restarts);

        var verdict = Comparer.Compare(new Dictionary<string, Outcome>
        {
            ["cpython"] = new("start\n", "", 0),
            [EngineConfigurations.Interpreter] = hung[EngineConfigurations.Interpreter],
        }, "cpython");
        Assert.Equal(DivergenceKind.Hang, verdict.Primary!.Kind);
        Assert.Equal(BugClass.Runtime, verdict.Class);
    }
}
