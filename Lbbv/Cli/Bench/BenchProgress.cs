using Spectre.Console;

namespace Lbbv.Cli.Bench;

/// <summary>Where the harness says what it runs: each step begins with what runs and ends with its outcome.</summary>
public interface IBenchProgress
{
    void Begin(string step);
    void End(string outcome);
    /// <summary>A step of the plan that will not run (its benchmark failed, or the engine cannot run it).</summary>
    void Skip();
}

/// <summary>A live Spectre.Console progress display on a terminal (what runs, how many left, elapsed and
/// remaining time), plain lines otherwise or with --quiet.</summary>
public static class BenchProgress
{
    public static T Run<T>(int total, bool live, TextWriter stderr, Func<IBenchProgress, T> work)
    {
        if (!live) return work(new PlainProgress(total, stderr));
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(),
                new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context => work(new LiveProgress(context.AddTask("starting", maxValue: total), total, console)));
    }

    /// <summary>True when stderr is the terminal itself (not redirected, not a test's writer).</summary>
    public static bool IsTerminal(TextWriter stderr) =>
        ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;

    private sealed class PlainProgress(int total, TextWriter stderr) : IBenchProgress
    {
        private int done;

        public void Begin(string step) => stderr.Write($"[{++done}/{total}] {step} ... ");
        public void End(string outcome) { stderr.WriteLine(outcome); stderr.Flush(); }
        public void Skip() => done++;
    }

    /// <summary>One bar that names the running step; a failed step also gets a line above the bar.</summary>
    private sealed class LiveProgress(ProgressTask task, int total, IAnsiConsole console) : IBenchProgress
    {
        private int done;
        private string step = "";

        public void Begin(string step)
        {
            this.step = step;
            task.Description = Markup.Escape($"[{done + 1}/{total}] {step}");
        }

        public void End(string outcome)
        {
            if (outcome.StartsWith(BenchRunner.FailedOutcome, StringComparison.Ordinal))
                console.MarkupLine("[red]" + Markup.Escape($"{step}: {outcome}") + "[/]");
            done++;
            task.Increment(1);
        }

        public void Skip() => End("skipped");
    }
}
