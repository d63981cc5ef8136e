using System.Collections.Concurrent;
using System.Diagnostics;
using Lbbv.Cli;
using Lbbv.Fuzz.Checking;
using Lbbv.Fuzz.Generation;
using Lbbv.Fuzz.Running;
using Lbbv.Fuzz.Shrinking;

namespace Lbbv.Fuzz.Campaign;

/// <summary>Runs the programs of a range of seeds under CPython and every engine configuration, on
/// <see cref="CampaignOptions.Jobs"/> worker processes, and shrinks each divergence to a small
/// repro. Writes each finding's program and repro to the output folder when one is given.</summary>
public sealed class Campaign(CampaignOptions options, TextWriter log)
{
    readonly ConcurrentBag<Finding> findings = [];
    readonly ConcurrentDictionary<string, double> seconds = [];
    readonly object logGate = new();
    int next = -1, done, shrunk, restarts;

    public CampaignReport Run()
    {
        var clock = Stopwatch.StartNew();
        string scratch = Path.Combine(Path.GetTempPath(), $"lbbv-fuzz-{Environment.ProcessId}");
        var lanes = Enumerable.Range(0, Math.Max(1, options.Jobs))
            .Select(lane => Task.Factory.StartNew(() => Lane(Path.Combine(scratch, "lane" + lane), clock),
                TaskCreationOptions.LongRunning))
            .ToArray();
        Task.WaitAll(lanes);
        try { Directory.Delete(scratch, recursive: true); }
        catch (IOException) { }
        var report = new CampaignReport(options.Seeds.Count, clock.Elapsed, [.. findings.OrderBy(f => f.Seed)],
            options.UsePython ? CPython.Name : EngineConfigurations.Interpreter, restarts,
            seconds.ToDictionary(p => p.Key, p => p.Value));
        if (options.OutDirectory != null) WriteSummary(report);
        return report;
    }

    void Lane(string directory, Stopwatch clock)
    {
        var worker = new WorkerClient();
        using var evaluator = new Evaluator(worker, directory, options.Timeout, options.UsePython);
        int index;
        while ((index = Interlocked.Increment(ref next)) < options.Seeds.Count)
        {
            long seed = options.Seeds[index];
            var finding = RunSeed(seed, evaluator);
            if (finding != null)
            {
                findings.Add(finding);
                Save(finding);
                Log(finding.Summary);
            }
            int count = Interlocked.Increment(ref done);
            if (count % 100 == 0 || count == options.Seeds.Count)
                Log($"[{count}/{options.Seeds.Count}] {clock.Elapsed.TotalSeconds:F0} s, {findings.Count} finding(s)");
        }
        Interlocked.Add(ref restarts, worker.Restarts);
        foreach (var (config, s) in evaluator.Seconds) seconds.AddOrUpdate(config, s, (_, sum) => sum + s);
    }

    Finding? RunSeed(long seed, Evaluator evaluator)
    {
        var program = ProgramGenerator.Generate(seed, options.Generator);
        string text = program.Render();
        var verdict = evaluator.Check(text, evaluator.AllConfigs, $"fuzz_{seed}.py");
        if (verdict.Clean) return null;
        bool shrink = options.Shrink && verdict.Class != BugClass.Generator;
        if (!shrink || Interlocked.Increment(ref shrunk) > options.MaxShrunk)
            return new Finding(seed, verdict, text, null, null, 0);
        Log($"seed {seed}: {verdict.Class} divergence in {verdict.Primary!.Config}; shrinking");
        var stillFails = SameFailure(verdict, evaluator, options.ShrinkTimeout);
        var shrinker = new Shrinker(stillFails, options.ShrinkTime, options.ShrinkTests);
        string repro = shrinker.Shrink(program);
        var primary = verdict.Primary!;
        var reproVerdict = evaluator.Check(repro, [EngineConfigurations.Interpreter, primary.Config],
            $"fuzz_{seed}_min.py");
        return new Finding(seed, verdict, text, repro, reproVerdict, shrinker.Tests);
    }

    /// <summary>The shrinking test: the reference still ends as it did (no uncaught error introduced)
    /// and prints no object address, the same configuration still diverges the same way, and a JIT
    /// bug stays a JIT bug (the interpreter still agrees with the reference).</summary>
    static Func<string, bool> SameFailure(Verdict original, Evaluator evaluator, TimeSpan limit)
    {
        var primary = original.Primary!;
        string[] configs = primary.Config == EngineConfigurations.Interpreter
            ? [EngineConfigurations.Interpreter]
            : [EngineConfigurations.Interpreter, primary.Config];
        int referenceExit = original.ReferenceOutcome!.ExitCode;
        bool jit = original.Class == BugClass.Jit;
        return text =>
        {
            // The checksum helper must keep hiding object addresses, which differ from run to run:
            // a reduction that drops that fails for a reason of its own.
            if (text.Contains("def _r(", StringComparison.Ordinal)
                && !Prelude.HidesAddresses.All(line => text.Contains(line, StringComparison.Ordinal)))
                return false;
            var v = evaluator.Check(text, configs, "shrink.py", limit);
            if (v.GeneratorProblem != null || v.ReferenceOutcome!.ExitCode != referenceExit) return false;
            // An object address in the output differs from run to run: a reduction that prints one
            // (say, by dropping what _r hides them with) fails for a reason of its own.
            if (v.ReferenceOutcome.Stdout.Contains(" at 0x", StringComparison.Ordinal)) return false;
            if (!v.Divergences.Any(d => d.Config == primary.Config && d.Kind == primary.Kind)) return false;
            return !jit || v.Divergences.All(d => d.Config != EngineConfigurations.Interpreter);
        };
    }

    void Save(Finding finding)
    {
        if (options.OutDirectory == null) return;
        Directory.CreateDirectory(options.OutDirectory);
        File.WriteAllText(Path.Combine(options.OutDirectory, $"seed-{finding.Seed}.py"), finding.Program);
        if (finding.Shrunk != null)
            File.WriteAllText(Path.Combine(options.OutDirectory, $"seed-{finding.Seed}.min.py"), finding.Shrunk);
    }

    void WriteSummary(CampaignReport report)
    {
        Directory.CreateDirectory(options.OutDirectory!);
        File.WriteAllText(Path.Combine(options.OutDirectory!, "summary.txt"), report.Describe());
    }

    void Log(string line)
    {
        lock (logGate) log.WriteLine(line);
    }
}
