using System.Diagnostics;

namespace Lbbv.Fuzz.Running;

/// <summary>Runs a program under `python3` (CPython 3.11, the reference) as the program tests do:
/// PYTHONHASHSEED=0, UTF-8 output, the program's folder as working directory. The fuzz workers use
/// <see cref="CPythonServer"/> instead, which runs programs without a process start each.</summary>
public static class CPython
{
    public const string Name = "cpython";

    public static bool Available { get; } = Probe();

    static bool Probe()
    {
        try
        {
            var outcome = Run(null, TimeSpan.FromSeconds(30), "--version");
            return outcome.Ending == Ending.Finished && outcome.ExitCode == 0;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The environment of tests/regen_expected.py: string hashing fixed, UTF-8 output.</summary>
    public static void SetEnvironment(ProcessStartInfo info)
    {
        info.Environment["PYTHONHASHSEED"] = "0";
        info.Environment["PYTHONIOENCODING"] = "utf-8";
        info.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        string[] unset = ["PYTHONSTARTUP", "PYTHONPATH", "PYTHONWARNINGS", "PYTHONINSPECT", "PYTHONOPTIMIZE"];
        foreach (var name in unset)
            info.Environment.Remove(name);
    }

    /// <summary>`python3 FILE` in a process of its own.</summary>
    public static Outcome Run(string file, TimeSpan timeout) =>
        Run(Path.GetDirectoryName(Path.GetFullPath(file)), timeout, file);

    static Outcome Run(string? directory, TimeSpan timeout, string argument)
    {
        var info = LineProcess.Redirected("python3", [argument]);
        info.WorkingDirectory = directory ?? Environment.CurrentDirectory;
        SetEnvironment(info);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start python3");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return Outcome.Stopped(Ending.Hang, $"python3 did not finish in {timeout.TotalSeconds:F0} s");
        }
        process.WaitForExit();
        return new Outcome(stdout.Result, stderr.Result, process.ExitCode);
    }
}
