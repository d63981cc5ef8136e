using System.Text.Json;

namespace Lbbv.Tests;

/// <summary>`for` over a range or a list runs inline in LBBV machine code: no ForIter helper call
/// (the stats' helper calls by op), while a generator loop still takes the helper.</summary>
public sealed class ForLoopCounterTests
{
    private const string Program = """
        def count_range(n):
            s = 0
            for i in range(n):
                s += i
            return s

        def count_down(n):
            s = 0
            for i in range(n, 0, -2):
                s += i
            return s

        def sum_list(xs):
            s = 0
            for x in xs:
                s += x
            return s

        xs = list(range(50))
        t = 0
        for k in range(100):
            t += count_range(50) + count_down(50) + sum_list(xs)
        print(t)
        """;

    private static JsonElement RunWithStats(string source, out string stdout)
    {
        string dir = Path.Combine(Path.GetTempPath(), $"lbbv-for-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "p.py"), source);
            var result = ProcessRunner.Lbbv(["run", "--jit", "lbbv", "--stats-json", "stats.json", "p.py"], dir);
            Assert.Equal(0, result.ExitCode);
            stdout = result.Stdout;
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "stats.json")));
            return doc.RootElement.Clone();
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    private static long Counter(JsonElement stats, string name) =>
        stats.TryGetProperty(name, out var v) ? v.GetInt64() : 0;

    [Fact]
    public void Range_and_list_loops_make_no_ForIter_helper_calls()
    {
        var stats = RunWithStats(Program, out string stdout);
        Assert.Equal("310000\n", stdout);
        // Most of the 15,000 iterations run in machine code...
        Assert.True(Counter(stats, "lbbv_bytecodes_in_machine_code") > 50_000);
        // ...and not one of them calls the ForIter helper.
        Assert.Equal(0, Counter(stats, "lbbv_helper_ForIter"));
    }

    [Fact]
    public void A_generator_loop_still_calls_the_ForIter_helper()
    {
        // The control: the counter is live, and iterators that are not native take the helper.
        var stats = RunWithStats(Program.Replace("for x in xs:", "for x in (y for y in xs):"), out string stdout);
        Assert.Equal("310000\n", stdout);
        Assert.True(Counter(stats, "lbbv_helper_ForIter") > 1000);
    }
}
