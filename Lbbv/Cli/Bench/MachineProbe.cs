using System.Reflection;
using System.Runtime.InteropServices;
using Lbbv.Reports.Model;

namespace Lbbv.Cli.Bench;

/// <summary>What the report says about where it was measured: the machine, and this Lbbv build.</summary>
public static class MachineProbe
{
    private const string KernelRelease = "/proc/sys/kernel/osrelease";

    public static MachineInfo Machine() => new(
        Environment.MachineName,
        ProcField("/proc/cpuinfo", "model name", ':') ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Environment.ProcessorCount,
        long.TryParse(ProcField("/proc/meminfo", "MemTotal", ':')?.Split(' ')[0], out long kb) ? kb * 1024 : 0,
        ProcField("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription,
        File.Exists(KernelRelease) ? File.ReadAllText(KernelRelease).Trim() : Environment.OSVersion.VersionString,
        RuntimeInformation.OSArchitecture.ToString(),
        RuntimeInformation.FrameworkDescription);

    /// <summary>The commit this build was made from: the SDK appends it to the informational version
    /// (`1.0.0+SHA`) when it builds in a git checkout.</summary>
    public static LbbvBuild Build(IReadOnlyList<string> executable)
    {
        string version = typeof(MachineProbe).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        int plus = version.IndexOf('+');
        return new LbbvBuild(plus >= 0 ? version[(plus + 1)..] : "unknown", version, executable);
    }

    /// <summary>The command that runs this same `lbbv`: the native host, or `dotnet lbbv.dll`.</summary>
    public static IReadOnlyList<string> LbbvExecutable()
    {
        string process = Environment.ProcessPath ?? "dotnet";
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? [process, Path.Combine(AppContext.BaseDirectory, "lbbv.dll")]
            : [process];
    }

    private static string? ProcField(string path, string key, char separator)
    {
        if (!File.Exists(path)) return null;
        foreach (var line in File.ReadLines(path))
        {
            int at = line.IndexOf(separator);
            if (at > 0 && line[..at].Trim() == key) return line[(at + 1)..].Trim();
        }
        return null;
    }
}
