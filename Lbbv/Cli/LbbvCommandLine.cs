using System.CommandLine;

namespace Lbbv.Cli;

/// <summary>The `lbbv` command line: `run`, `dis` and `compare`. Exit status 0 on success, 1 for an uncaught
/// Python exception, 2 for usage and input errors.</summary>
public static class LbbvCommandLine
{
    public const int UsageError = 2;

    public static int Run(string[] args) => Run(args, Console.Out, Console.Error);

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("Lbbv: a Python-subset VM with an interpreter, a lazy basic block versioning JIT and a tracing JIT.");
        root.Subcommands.Add(RunCommand.Create(stdout, stderr));
        root.Subcommands.Add(DisCommand.Create(stdout, stderr));
        root.Subcommands.Add(CompareCommand.Create(stdout, stderr));
        root.Subcommands.Add(Bench.BenchCommand.Create(stdout, stderr));

        ParseResult parsed = root.Parse(ProgramArguments.SeparateProgramArguments(args));
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
                stderr.WriteLine($"lbbv: {error.Message}");
            stderr.WriteLine("Try 'lbbv --help'.");
            return UsageError;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
    }
}
