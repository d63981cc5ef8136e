using System.CommandLine;
using Lbbv.Fuzz.Campaign;
using Lbbv.Fuzz.Checking;
using Lbbv.Fuzz.Generation;
using Lbbv.Fuzz.Running;

namespace Lbbv.Fuzz;

/// <summary>`Lbbv.Fuzz [--seeds A-B] [--jobs N] [--out DIR] ...` runs a fuzzing campaign (exit 1 when
/// anything diverged); `print SEED` prints a seed's program; `check FILE` runs one program under
/// the reference and every engine configuration; `worker` is the worker process.</summary>
public static class FuzzCommandLine
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var seeds = new Option<string>("--seeds")
        {
            Description = "Seeds to run: A-B, N, or a comma-separated list of both.",
            DefaultValueFactory = _ => "0-299",
        };
        var jobs = new Option<int>("--jobs")
        {
            Description = "Worker processes running programs in parallel.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var outDir = new Option<string?>("--out")
        {
            Description = "Folder for each finding's program, its repro and summary.txt.",
        };
        var noShrink = new Option<bool>("--no-shrink") { Description = "Report divergences without shrinking them." };
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds one configuration may run one program before it is reported as a hang.",
            DefaultValueFactory = _ => 60,
        };
        var shrinkTime = new Option<int>("--shrink-seconds")
        {
            Description = "Time spent shrinking each finding at most.",
            DefaultValueFactory = _ => 300,
        };
        var classAttributes = new Option<bool>("--class-attrs")
        {
            Description = "Also assign class attributes and methods mid-loop (off by default: a known runtime bug).",
            Recursive = true,
        };
        var root = new RootCommand(
            "Differential fuzzer: random programs in Lbbv's subset, run under CPython and every engine configuration.")
        {
            seeds, jobs, outDir, noShrink, timeout, shrinkTime, classAttributes,
        };
        root.SetAction(parsed =>
        {
            var options = new CampaignOptions
            {
                Seeds = SeedRange.Parse(parsed.GetValue(seeds)!),
                Jobs = Math.Max(1, parsed.GetValue(jobs)),
                OutDirectory = parsed.GetValue(outDir),
                Shrink = !parsed.GetValue(noShrink),
                Timeout = TimeSpan.FromSeconds(Math.Max(1, parsed.GetValue(timeout))),
                ShrinkTime = TimeSpan.FromSeconds(Math.Max(1, parsed.GetValue(shrinkTime))),
                Generator = new GeneratorOptions { ClassAttributes = parsed.GetValue(classAttributes) },
            };
            if (!options.UsePython)
                stderr.WriteLine("Lbbv.Fuzz: python3 not found; comparing the engines with the interpreter only");
            var report = new Campaign.Campaign(options, stdout).Run();
            stdout.Write(report.Describe());
            return report.Clean ? 0 : 1;
        });

        var seed = new Argument<long>("SEED") { Description = "The seed." };
        var print = new Command("print", "Print the program of a seed.") { seed };
        print.SetAction(parsed =>
        {
            var generator = new GeneratorOptions { ClassAttributes = parsed.GetValue(classAttributes) };
            stdout.Write(ProgramGenerator.Generate(parsed.GetValue(seed), generator).Render());
            return 0;
        });
        root.Subcommands.Add(print);

        var file = new Argument<string>("FILE") { Description = "A Python program." };
        var check = new Command("check", "Run a program under the reference and every engine configuration; compare.")
        {
            file,
        };
        check.SetAction(parsed => Check(parsed.GetValue(file)!, stdout));
        root.Subcommands.Add(check);

        var worker = new Command("worker", "The worker process of a campaign (reads requests on stdin).")
        {
            Hidden = true,
        };
        worker.SetAction(_ => Worker.Serve());
        root.Subcommands.Add(worker);

        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors) stderr.WriteLine("Lbbv.Fuzz: " + error.Message);
            return 2;
        }
        return result.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    static int Check(string file, TextWriter stdout)
    {
        string scratch = Path.Combine(Path.GetTempPath(), $"lbbv-fuzz-{Environment.ProcessId}");
        using var evaluator = new Evaluator(new WorkerClient(), scratch,
            TimeSpan.FromSeconds(60), CPython.Available);
        var verdict = evaluator.Check(File.ReadAllText(file), evaluator.AllConfigs, Path.GetFileName(file));
        if (verdict.GeneratorProblem != null) stdout.WriteLine("reference problem: " + verdict.GeneratorProblem);
        foreach (var d in verdict.Divergences) stdout.WriteLine($"{d.Config}: {d.Kind}: {d.Detail}");
        if (verdict.Clean) stdout.WriteLine($"every configuration matches {verdict.Reference}");
        return verdict.Clean ? 0 : 1;
    }
}
