using Lbbv.Reports.Analysis;
using Lbbv.Reports.Model;
using Lbbv.Reports.Output;

namespace Lbbv.Cli.Bench;

/// <summary>What `lbbv bench` was asked to do.</summary>
public sealed record BenchRequest(
    IReadOnlyList<string> Paths, string Engines, IReadOnlyList<EngineSpec> Externals, int Runs, int Warmup,
    int Iterations, int Loops, double MinTimeSeconds, string Output, bool Quiet, double TimeoutSeconds,
    IReadOnlyList<string> Arguments);

/// <summary>One `lbbv bench` invocation: checks the request, probes the engines, runs the plan with a progress
/// display and writes the report. Status 0, 1 when some benchmark FAILED (the report is written all the same),
/// 2 for usage errors.</summary>
public static class BenchSession
{
    public static int Execute(BenchRequest request, TextWriter stdout, TextWriter stderr)
    {
        string scratch = Directory.CreateTempSubdirectory("lbbv-bench-").FullName;
        try { return Measure(request, scratch, stdout, stderr); }
        catch (BenchUsageException e)
        {
            stderr.WriteLine($"lbbv bench: {e.Message}");
            return LbbvCommandLine.UsageError;
        }
        finally { Directory.Delete(scratch, recursive: true); }
    }

    private static int Measure(BenchRequest request, string scratch, TextWriter stdout, TextWriter stderr)
    {
        Validate(request);
        var benchmarks = SuiteDiscovery.Discover(request.Paths);
        var specs = EngineSpec.ParseLbbvList([request.Engines]).Concat(request.Externals).ToList();
        var settings = new BenchSettings(request.Runs, request.Warmup, request.Iterations, request.TimeoutSeconds,
            request.Paths.Select(Path.GetFullPath).ToList(), request.Loops, request.MinTimeSeconds);
        var lbbv = MachineProbe.LbbvExecutable();
        var engines = new EngineProbe(lbbv, scratch, TimeSpan.FromSeconds(request.TimeoutSeconds))
            .Probe(specs);
        foreach (var e in engines.Where(e => !e.Available))
            stderr.WriteLine($"lbbv bench: engine '{e.Spec.Name}' is left out: {e.Info.UnavailableReason}");
        var available = engines.Where(e => e.Available).ToList();
        if (available.Count == 0) throw new BenchUsageException("no engine can run here");
        string baseline = available.Any(e => e.Spec.Name == "off") ? "off" : available[0].Spec.Name;

        bool live = !request.Quiet && BenchProgress.IsTerminal(stderr);
        var results = BenchProgress.Run(BenchRunner.StepCount(benchmarks, engines, settings), live, stderr,
            progress => new BenchRunner(lbbv, settings, scratch, new PyperfHarness(scratch), progress)
                .Run(benchmarks, engines, baseline));

        var report = new BenchReport
        {
            CreatedUtc = DateTimeOffset.UtcNow,
            Command = request.Arguments,
            Machine = MachineProbe.Machine(),
            Lbbv = MachineProbe.Build(lbbv),
            Settings = settings,
            Baseline = baseline,
            Engines = engines.Select(e => e.Info).ToList(),
            Benchmarks = results,
        };
        foreach (var path in ReportWriter.Write(report, request.Output)) stdout.WriteLine($"wrote {path}");
        WriteSummary(report, stdout);
        var failed = results.Where(b => b.Failed).ToList();
        foreach (var b in failed) stderr.WriteLine($"lbbv bench: {b.Name} FAILED: {b.Failure}");
        return failed.Count == 0 ? 0 : 1;
    }

    private static void Validate(BenchRequest request)
    {
        if (request.Runs < 1) throw new BenchUsageException("--runs must be at least 1");
        if (request.Iterations < 1) throw new BenchUsageException("--iterations must be at least 1");
        if (request.Warmup < 0 || request.Warmup >= request.Iterations)
            throw new BenchUsageException("--warmup must be at least 0 and less than --iterations");
        if (request.TimeoutSeconds <= 0) throw new BenchUsageException("--timeout must be positive");
        if (request.Loops < 0) throw new BenchUsageException("--loops must be at least 0 (0: calibrate)");
        if (request.MinTimeSeconds <= 0) throw new BenchUsageException("--min-time must be positive");
    }

    /// <summary>The geometric means, one line per engine, so a terminal shows the outcome without the files.</summary>
    private static void WriteSummary(BenchReport report, TextWriter stdout)
    {
        var analysis = ReportAnalyzer.Analyze(report);
        foreach (var s in analysis.Engines.Where(s => s.Engine != report.Baseline))
            stdout.WriteLine($"{s.Engine}: whole process {Format.Speedup(s.GeomeanSpeedup, s.SpeedupVerdict)}, "
                + $"CPU {Format.Speedup(s.GeomeanCpuSpeedup, s.CpuSpeedupVerdict)}, "
                + $"steady state {Format.Speedup(s.GeomeanSteadySpeedup, s.SteadyVerdict)} over {report.Baseline} "
                + $"(geometric mean of {s.Benchmarks} benchmark(s))");
    }
}
