using System.CommandLine;
using System.CommandLine.Help;

namespace Lbbv.Cli;

/// <summary>The `lbbv` command line: `run`, `dis` and `compare`. Exit status 0 on success, 1 for an uncaught
/// Python exception, 2 for usage and input errors.</summary>
public static class LbbvCommandLine
{
    public const int UsageError = 2;

    /// <summary>The names of <see cref="HelpOption"/> and <see cref="VersionOption"/>.</summary>
    private static readonly string[] HelpAndVersionTokens = ["--help", "-h", "/h", "-?", "/?", "--version"];

    public static int Run(string[] args) => Run(args, Console.Out, Console.Error);

    private static readonly (string Name, Func<TextWriter, TextWriter, Command> Create)[] Subcommands =
    [
        ("run", RunCommand.Create),
        ("dis", DisCommand.Create),
        ("compare", CompareCommand.Create),
        ("bench", Bench.BenchCommand.Create),
    ];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        // A plain command rather than RootCommand, which finds its name by reflection over the entry
        // assembly; and the help and version options only when the command line names one: building
        // them reads System.CommandLine's localized resources through reflection. Together about 1M
        // instructions of every start (bench/README.md, "Short scripts").
        var root = new Command("lbbv",
            "Lbbv: a Python-subset VM with an interpreter, a lazy basic block versioning JIT and a tracing JIT.");
        string[] arguments = ProgramArguments.SeparateProgramArguments(args);
        // Only the subcommand the line names is built (all of them for `lbbv`, `lbbv --help` or a
        // misspelt name): each is a tree of options with their descriptions, and a start that builds
        // them all allocates more fresh pages (docs/RUNTIME.md, "Start-up of the native binary").
        var named = Array.Find(Subcommands, s => arguments.Length > 0 && arguments[0] == s.Name);
        foreach (var (_, create) in named.Create != null ? [named] : Subcommands)
            root.Subcommands.Add(create(stdout, stderr));
        if (arguments.TakeWhile(a => a != "--").Any(a => HelpAndVersionTokens.Contains(a)))
        {
            root.Options.Add(new HelpOption());
            root.Options.Add(new VersionOption());
        }
        ParseResult parsed = root.Parse(arguments);
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
