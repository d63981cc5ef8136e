using System.Diagnostics;
using System.Text;

namespace Lbbv.Tests;

public sealed record ProcessResult(string Stdout, string Stderr, int ExitCode, int ProcessId = 0)
{
    /// <summary>The last non-empty line of stderr, as the expected files record it.</summary>
    public string StderrLastLine =>
        Stderr.Split('\n').Select(l => l.TrimEnd('\r')).LastOrDefault(l => l.Trim().Length > 0) ?? "";
}

/// <summary>Runs a child process with a time limit and captures its output as UTF-8.</summary>
public static class ProcessRunner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    public static ProcessResult Run(string fileName, IEnumerable<string> arguments, string workingDirectory,
        TimeSpan? timeout = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        info.Environment["PYTHONHASHSEED"] = "0";
        info.Environment["PYTHONIOENCODING"] = "utf-8";
        info.Environment["DOTNET_TieredPGO"] = "1";
        if (environment != null) foreach (var (k, v) in environment) info.Environment[k] = v;

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + fileName);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? DefaultTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in time");
        }
        process.WaitForExit();
        return new ProcessResult(stdout.Result, stderr.Result, process.ExitCode, process.Id);
    }

    /// <summary>Runs `lbbv ARGS` (the build next to the tests) in the given folder.</summary>
    public static ProcessResult Lbbv(IEnumerable<string> arguments, string workingDirectory, TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null)
        => Run("dotnet", new[] { RepoPaths.LbbvDll }.Concat(arguments), workingDirectory, timeout, environment);

    public static bool HasPython3 { get; } = CheckPython3();

    private static bool CheckPython3()
    {
        try { return Run("python3", ["--version"], ".", TimeSpan.FromSeconds(20)).ExitCode == 0; }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException) { return false; }
    }
}
