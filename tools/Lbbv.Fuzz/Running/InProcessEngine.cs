using Lbbv.Cli;

namespace Lbbv.Fuzz.Running;

/// <summary>Runs a program under one engine configuration in this process, through the command
/// line's own `run` path with captured writers: what `lbbv run ARGS FILE` would print, without a
/// process start. The runtime resets its static state at the start of every run
/// (RuntimeState.Reset), and the JIT tier is installed and disposed per run, so runs are
/// independent (checked by the fuzzer's isolation tests).</summary>
public static class InProcessEngine
{
    public static Outcome Run(IReadOnlyList<string> configArguments, string file)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int status = LbbvCommandLine.Run(["run", .. configArguments, file], stdout, stderr);
        return new Outcome(stdout.ToString(), stderr.ToString(), status);
    }
}
