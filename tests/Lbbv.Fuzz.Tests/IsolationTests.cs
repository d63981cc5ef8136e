using Lbbv.Cli;
using Lbbv.Fuzz.Running;

namespace Lbbv.Fuzz.Tests;

/// <summary>The fuzzer runs many programs in one worker process (the engines in process, CPython in
/// one server process). These tests check that a run there prints exactly what a run in a fresh
/// process prints: no state leaks from one run into the next.</summary>
public sealed class IsolationTests
{
    /// <summary>Programs that touch per-run state: globals and classes rebound under compiled code,
    /// the random module's state, sys, recursion limits, caught and uncaught exceptions, a local
    /// import, exit statuses, syntax errors.</summary>
    static readonly string[] CorpusPrograms =
    [
        "jit_global_rebinding.py", "class_attr_shapes.py", "mod_random.py", "mod_sys.py", "err_recursion_caught.py",
        "err_recursion_uncaught.py", "mod_local_import.py", "mod_sys_exit_code.py", "mod_sys_exit_message.py",
        "err_syntax_indent.py", "exc_hot_loop.py", "jit_polymorphic_calls.py",
    ];

    static IEnumerable<string> Programs() =>
        CorpusPrograms.Select(p => Path.Combine(Paths.Programs, p))
            .Concat(new long[] { 3, 11, 29 }.Select(s => Paths.SeedProgram("isolation", s)));

    [Fact]
    public void A_run_after_other_runs_prints_what_a_fresh_process_prints()
    {
        var configs = EngineConfigurations.All.Keys.ToArray();
        var programs = Programs().ToList();
        var shared = new Dictionary<string, IReadOnlyDictionary<string, Outcome>>();
        using (var worker = new WorkerClient())
        {
            // Forward, then backward: every program runs after different predecessors.
            foreach (var p in programs) shared[p] = worker.Evaluate(p, configs, TimeSpan.FromSeconds(120));
            foreach (var p in Enumerable.Reverse(programs))
                AssertSame(p, shared[p], worker.Evaluate(p, configs, TimeSpan.FromSeconds(120)));
        }
        foreach (var p in programs)
        {
            using var fresh = new WorkerClient();
            AssertSame(p, fresh.Evaluate(p, configs, TimeSpan.FromSeconds(120)), shared[p]);
        }
    }

    [Fact]
    public void The_CPython_server_prints_what_python3_prints()
    {
        if (!CPython.Available) return;
        var timeout = TimeSpan.FromSeconds(120);
        using var server = new CPythonServer();
        var programs = Programs().ToList();
        foreach (var p in programs.Concat(programs))
        {
            var alone = CPython.Run(p, timeout);
            var served = server.Run(p, timeout);
            Assert.Equal(alone.Stdout, served.Stdout);
            Assert.Equal(alone.StderrLastLine, served.StderrLastLine);
            Assert.Equal(alone.ExitCode, served.ExitCode);
        }
    }

    /// <summary>A run collects where a fresh process would, whatever the runs before it allocated
    /// (otherwise a divergence that depends on where a collection falls does not reproduce).</summary>
    [Fact]
    public void The_collection_schedule_starts_over_with_each_run()
    {
        string dir = Paths.Scratch("gc-schedule");
        string big = Path.Combine(dir, "big.py");
        File.WriteAllText(big, "x = [None] * 450000\nprint(len(x))\n"); // 7.2 MB, just under a collection
        string small = Path.Combine(dir, "small.py");
        File.WriteAllText(small, "t = 0\nfor i in range(40000):\n    t += len([i, i])\nprint(t)\n");
        string[] stats = ["--jit", "off", "--stats"];
        int alone = Collections(InProcessEngine.Run(stats, small));
        InProcessEngine.Run(stats, big);
        Assert.Equal(alone, Collections(InProcessEngine.Run(stats, small)));
    }

    static int Collections(Outcome outcome)
    {
        var line = outcome.Stderr.Split('\n')
            .Single(l => l.TrimStart().StartsWith("gc_collections", StringComparison.Ordinal));
        return int.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
    }

    static void AssertSame(string program, IReadOnlyDictionary<string, Outcome> expected,
        IReadOnlyDictionary<string, Outcome> actual)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (config, e) in expected)
        {
            var a = actual[config];
            Assert.True(e.Stdout == a.Stdout, $"{Path.GetFileName(program)} under {config}: stdout differs");
            Assert.True(e.Stderr == a.Stderr, $"{Path.GetFileName(program)} under {config}: stderr differs");
            Assert.Equal(e.ExitCode, a.ExitCode);
        }
    }
}
