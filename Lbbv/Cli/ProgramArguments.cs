namespace Lbbv.Cli;

/// <summary>`lbbv run [options] FILE ARGS...` passes ARGS to the program even when they look like
/// options: everything after FILE is moved behind a `--` token so the parser leaves it alone.</summary>
public static class ProgramArguments
{
    /// <summary>Options of `run` that take a value (their value is not the FILE).</summary>
    private static readonly HashSet<string> OptionsWithValue =
    [
        "--jit", "--stats-json", "--max-versions", "--call-threshold", "--loop-threshold", "--repeat", "--link",
        "--reemit-after", "--reemit-wait", "--reclaim-after", "--trace-threshold", "--trace-limit", "--max-inline-depth", "--bridge-threshold", "--runs",
    ];

    public static string[] SeparateProgramArguments(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("run" or "compare") || Array.IndexOf(args, "--") >= 0)
            return args;
        for (int i = 1; i < args.Length; i++)
        {
            string token = args[i];
            if (OptionsWithValue.Contains(token)) { i++; continue; }
            if (token.StartsWith('-')) continue;
            // token is FILE: keep it, then `--`, then the program's own arguments.
            var result = new List<string>(args.Length + 1);
            result.AddRange(args.AsSpan(0, i + 1));
            result.Add("--");
            result.AddRange(args.AsSpan(i + 1));
            return [.. result];
        }
        return args;
    }
}
