using Lbbv.Reports.Model;

namespace Lbbv.Cli.Bench;

/// <summary>An engine as probed before measuring: available or not (and why), and its version.</summary>
public sealed record ProbedEngine(EngineSpec Spec, EngineInfo Info)
{
    public bool Available => Info.Available;
}

/// <summary>Finds out which engines can run here. An external interpreter that is missing, or an Lbbv engine
/// that says it is not available yet (`trace`), is left out and reported; an Lbbv engine that rejects its
/// options is a usage error.</summary>
public sealed class EngineProbe(IReadOnlyList<string> lbbv, string scratch, TimeSpan timeout)
{
    private static readonly IReadOnlyDictionary<string, string?> Environment = ChildEnvironment.Plain;

    public IReadOnlyList<ProbedEngine> Probe(IReadOnlyList<EngineSpec> engines)
    {
        string probe = Path.Combine(scratch, "probe.py");
        File.WriteAllText(probe, "print(6 * 7)\n");
        return engines.Select(e => e.IsLbbv ? ProbeLbbv(e, probe) : ProbeExternal(e)).ToList();
    }

    private ProbedEngine ProbeLbbv(EngineSpec engine, string probe)
    {
        var result = ChildProcess.Run([.. lbbv, .. engine.RunArguments([], probe)], scratch, Environment, timeout);
        string version = MachineProbe.Build(lbbv).InformationalVersion;
        if (result.Succeeded && result.Stdout == "42\n")
            return new ProbedEngine(engine, Info(engine, [.. lbbv, .. engine.RunArguments([], "FILE")], version, null));
        if (result.Stderr.Contains("not available", StringComparison.Ordinal))
            return new ProbedEngine(engine, Info(engine, [.. lbbv, .. engine.RunArguments([], "FILE")], version,
                result.Problem));
        throw new BenchUsageException($"engine '{engine.Name}' cannot run a program: {result.Problem}");
    }

    private ProbedEngine ProbeExternal(EngineSpec engine)
    {
        var version = ChildProcess.Run([.. engine.Command, "--version"], scratch, Environment, timeout);
        if (!version.Succeeded)
            return new ProbedEngine(engine, Info(engine, [.. engine.Command, "FILE"], "", version.Problem));
        string text = (version.Stdout + version.Stderr).Trim();
        return new ProbedEngine(engine, Info(engine, [.. engine.Command, "FILE"], text.Split('\n')[0], null));
    }

    private static EngineInfo Info(EngineSpec engine, IReadOnlyList<string> command, string version, string? problem) =>
        new(engine.Name, engine.Kind, command, engine.Options, version, problem is null, problem);
}

/// <summary>The environment of every child: CPython's hash seed fixed (set iteration order), UTF-8 output, no
/// .pyc files, and none of the iteration protocol's or pyperf's variables unless a run sets them.</summary>
public static class ChildEnvironment
{
    public static readonly IReadOnlyDictionary<string, string?> Plain = new Dictionary<string, string?>
    {
        ["PYTHONHASHSEED"] = "0",
        ["PYTHONIOENCODING"] = "utf-8",
        ["PYTHONDONTWRITEBYTECODE"] = "1",
        [IterationTimesFile.PathVariable] = null,
        [IterationTimesFile.IterationsVariable] = null,
        ["LBBV_PYPERF_LOOPS"] = null,
        ["LBBV_PYPERF_VALUES"] = null,
        ["LBBV_PYPERF_WARMUPS"] = null,
    };

    /// <summary>The plain environment plus the iteration protocol: times go to `timesPath`, and a
    /// pyperf-compatible module measures `iterations` values.</summary>
    public static IReadOnlyDictionary<string, string?> Iterations(string timesPath, int iterations)
    {
        var environment = new Dictionary<string, string?>(Plain)
        {
            [IterationTimesFile.PathVariable] = timesPath,
            [IterationTimesFile.IterationsVariable] =
                iterations.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return environment;
    }
}
