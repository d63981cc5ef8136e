using Lbbv.Cli.Bench;

namespace Lbbv.Tests;

public sealed record ProcessResult(string Stdout, string Stderr, int ExitCode, int ProcessId = 0)
{
    /// <summary>The last non-empty line of stderr, as the expected files record it.</summary>
    public string StderrLastLine =>
        Stderr.Split('\n').Select(l => l.TrimEnd('\r')).LastOrDefault(l => l.Trim().Length > 0) ?? "";
}

/// <summary>Runs a child process with a time limit and captures its output as UTF-8 (with `lbbv bench`'s
/// ChildProcess), with CPython's hash seed fixed and UTF-8 output.</summary>
public static class ProcessRunner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    public static ProcessResult Run(string fileName, IEnumerable<string> arguments, string workingDirectory,
        TimeSpan? timeout = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var variables = new Dictionary<string, string?>
        {
            ["PYTHONHASHSEED"] = "0",
            ["PYTHONIOENCODING"] = "utf-8",
            ["DOTNET_TieredPGO"] = "1",
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) variables[name] = value;
        var result = ChildProcess.Run([fileName, .. arguments], workingDirectory, variables, timeout ?? DefaultTimeout);
        if (result.Failure is { } failure)
        {
            if (failure.StartsWith(ChildProcess.TimedOutPrefix, StringComparison.Ordinal))
                throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in time");
            throw new InvalidOperationException(failure);
        }
        return new ProcessResult(result.Stdout, result.Stderr, result.ExitCode, result.ProcessId);
    }

    /// <summary>Runs `lbbv ARGS` (the build next to the tests: the native binary when there is one) in the given folder.</summary>
    public static ProcessResult Lbbv(IEnumerable<string> arguments, string workingDirectory, TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null)
        => File.Exists(RepoPaths.NativeLbbv) ? Run(RepoPaths.NativeLbbv, arguments, workingDirectory, timeout, environment)
            : LbbvOnDotnet(arguments, workingDirectory, timeout, environment);

    /// <summary>Runs `dotnet lbbv.dll ARGS`: the build `dotnet run` makes, JIT-compiled by .NET.</summary>
    public static ProcessResult LbbvOnDotnet(IEnumerable<string> arguments, string workingDirectory, TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null)
        => Run("dotnet", new[] { RepoPaths.LbbvDll }.Concat(arguments), workingDirectory, timeout, environment);

    public static bool HasPython3 { get; } = CheckPython3();

    private static bool CheckPython3()
    {
        try { return Run("python3", ["--version"], ".", TimeSpan.FromSeconds(20)).ExitCode == 0; }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException) { return false; }
    }
}
