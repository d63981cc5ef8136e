using Lbbv.Reports.Analysis;
using Lbbv.Reports.Comparison;
using Lbbv.Reports.Model;
using Lbbv.Reports.Statistics;

namespace Lbbv.Tests.Bench;

/// <summary>The report's statistics: bootstrap intervals, verdicts, geometric means, comparisons and counter
/// keys.</summary>
public sealed class ReportStatisticsTests
{
    private static readonly double[] Slow = [1.00, 1.02, 0.98, 1.01, 0.99];
    private static readonly double[] Fast = [0.50, 0.51, 0.49, 0.52, 0.50];

    [Fact]
    public void Median_interval_holds_the_median_and_is_a_point_for_equal_samples()
    {
        var e = Bootstrap.OfMedian(Slow);
        Assert.Equal(1.00, e.Value);
        Assert.True(e.Low <= 1.00 && e.High >= 1.00 && e.Low >= 0.98 && e.High <= 1.02);
        Assert.Equal(new Estimate(3, 3, 3), Bootstrap.OfMedian([3.0, 3.0, 3.0]));
        Assert.Equal(2.5, Bootstrap.Median([1.0, 2.0, 3.0, 4.0]));
    }

    [Fact]
    public void A_clear_speedup_is_faster_the_same_samples_are_not_significant_and_few_samples_give_no_verdict()
    {
        var speedup = Bootstrap.OfRatio(Slow, Fast);
        Assert.InRange(speedup.Value, 1.9, 2.1);
        Assert.Equal(Verdict.Faster, Verdicts.OfSpeedup(speedup, 5, 5));
        Assert.Equal(Verdict.Slower, Verdicts.OfSpeedup(Bootstrap.OfRatio(Fast, Slow), 5, 5));
        var same = Bootstrap.OfRatio(Slow, Slow);
        Assert.True(same.Contains(1.0));
        Assert.Equal(Verdict.NotSignificant, Verdicts.OfSpeedup(same, 5, 5));
        Assert.Equal(Verdict.NotSignificant, Verdicts.OfSpeedup(Bootstrap.OfRatio([1.0, 1.0], [0.5, 0.5]), 2, 2));
    }

    [Fact]
    public void Geometric_mean_of_speedups_has_an_interval_around_it()
    {
        var mean = Bootstrap.OfGeometricMeanOfRatios([(Slow, Fast), (Slow, Slow)]);
        Assert.Equal(Math.Sqrt(2.0), mean.Value, 3);
        Assert.True(mean.Low < mean.Value && mean.Value < mean.High && mean.Low > 1.2 && mean.High < 1.7);
    }

    [Fact]
    public void Comparison_of_a_report_with_itself_is_not_significant_and_with_a_faster_build_says_faster()
    {
        var old = Report(("off", Slow), ("lbbv", Slow));
        var self = ReportComparison.Compare(old, old);
        Assert.All(self.Rows, r => Assert.EndsWith("not significant", r.Cells[4]));
        Assert.All(self.Rows, r => Assert.EndsWith("not significant", r.Cells[5]));
        Assert.All(self.Rows, r => Assert.EndsWith("not significant", r.Cells[8]));
        var faster = ReportComparison.Compare(old, Report(("off", Slow), ("lbbv", Fast)));
        var lbbv = faster.Rows.Where(r => r.Cells[1] == "lbbv").ToList();
        Assert.All(lbbv, r => Assert.EndsWith("faster", r.Cells[4]));
        Assert.StartsWith("2.00x", lbbv[^1].Cells[4]); // the geometric mean
    }

    [Fact]
    public void Failed_benchmarks_are_left_out_of_the_geometric_mean()
    {
        var report = Report(("off", Slow), ("lbbv", Fast));
        var withFailure = report with
        {
            Benchmarks =
            [
                .. report.Benchmarks, report.Benchmarks[0] with { Name = "broken", Status = Statuses.Failed },
            ],
        };
        var summary = ReportAnalyzer.Analyze(withFailure).Engines.First(e => e.Engine == "lbbv");
        Assert.Equal(1, summary.Benchmarks);
        Assert.False(ReportAnalyzer.Analyze(withFailure).For("broken")!.Included);
    }

    [Fact]
    public void Counter_keys_are_recognized_by_suffix_for_any_engine()
    {
        var trace = new Dictionary<string, double>
        {
            ["trace_type_tests_executed"] = 25, ["trace_traces_compiled"] = 3, ["trace_exits_guard"] = 4,
            ["trace_exits_overflow"] = 1, ["trace_blocks_with_1_versions"] = 7,
            ["trace_blocks_with_2_or_more_versions"] = 2,
        };
        Assert.Equal(25, CounterKeys.TypeTestsExecuted(trace));
        Assert.Equal(5, CounterKeys.SideExits(trace));
        Assert.Equal([("1", 1, 7.0), ("2+", 2, 2.0)], CounterKeys.VersionHistogram(trace));
        Assert.Equal(3, CounterKeys.Highlighted.First(c => c.Title == "traces").Read(trace));
        var reference = new Dictionary<string, double> { ["lbbv_type_tests_executed"] = 100 };
        Assert.Equal(0.75, ReportAnalyzer.TypeTestsEliminated(trace, reference));
    }

    [Fact]
    public void Iteration_times_file_keeps_the_first_series_and_rejects_garbage()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path,
                IterationTimesFile.Line("nbody", 0.25) + "other\t9\n" + IterationTimesFile.Line("nbody", 0.125));
            var samples = IterationTimesFile.Read(path)!;
            Assert.Equal("nbody", samples.Series);
            Assert.Equal([0.25, 0.125], samples.Seconds);
            File.WriteAllText(path, "nbody\tfast\n");
            Assert.Throws<InvalidDataException>(() => IterationTimesFile.Read(path));
        }
        finally { File.Delete(path); }
    }

    /// <summary>A one-benchmark report whose engines have the given whole-process and iteration samples.</summary>
    private static BenchReport Report(params (string Engine, double[] Samples)[] engines) => new()
    {
        CreatedUtc = DateTimeOffset.UnixEpoch,
        Command = ["bench"],
        Machine = new MachineInfo("host", "cpu", 2, 1, "os", "kernel", "X64", ".NET"),
        Lbbv = new LbbvBuild("unknown", "1.0.0", ["lbbv"]),
        Settings = new BenchSettings(5, 0, 5, 600, ["suite"]),
        Baseline = "off",
        Engines = engines.Select(e => new EngineInfo(e.Engine, EngineKinds.Lbbv, [], [], "1", true, null)).ToList(),
        Benchmarks =
        [
            new BenchmarkResult("b", "suite", BenchmarkKinds.Program, "b.py", Statuses.Ok, null,
                engines.Select(e => new EngineResult(e.Engine, Statuses.Ok, null,
                    new ProcessSamples(e.Samples, e.Samples),
                    new IterationSamples("b", e.Samples), null)).ToList(), null),
        ],
    };
}
