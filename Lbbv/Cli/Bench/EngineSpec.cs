using Lbbv.Reports.Model;

namespace Lbbv.Cli.Bench;

/// <summary>An engine to measure. An Lbbv engine is `ENGINE[:--opt=value[:--opt=value...]]` (`lbbv`,
/// `lbbv:--max-versions=1`): the options are `lbbv run` options. An external interpreter (`--python`,
/// `--pypy`) is a command that runs `COMMAND FILE`.</summary>
public sealed record EngineSpec(string Name, string Kind, string? Jit, IReadOnlyList<string> Options,
    IReadOnlyList<string> Command)
{
    public bool IsLbbv => Kind == EngineKinds.Lbbv;

    /// <summary>An engine with machine code (not the interpreter, not an external program).</summary>
    public bool IsJit => IsLbbv && Jit != "off";

    /// <summary>The arguments (after the `lbbv` executable) that run FILE under this Lbbv engine.</summary>
    public IReadOnlyList<string> RunArguments(IEnumerable<string> extra, string file) =>
        ["run", "--jit", Jit!, .. Options, .. extra, file];

    /// <summary>`off,lbbv,lbbv:--max-versions=1`: engines separated by commas, options by colons.</summary>
    public static IReadOnlyList<EngineSpec> ParseLbbvList(IEnumerable<string> lists)
    {
        var engines = new List<EngineSpec>();
        const StringSplitOptions Trimmed = StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries;
        foreach (var name in lists.SelectMany(l => l.Split(',', Trimmed)))
        {
            var parts = name.Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (!EngineNames.All.Contains(parts[0]))
                throw new BenchUsageException(
                    $"unknown engine '{parts[0]}' in '{name}' (expected {string.Join(", ", EngineNames.All)}, "
                    + "with options as ENGINE:--opt=value)");
            foreach (var option in parts.Skip(1))
                if (!option.StartsWith("--", StringComparison.Ordinal))
                    throw new BenchUsageException($"engine '{name}': '{option}' is not an option (--opt=value)");
            if (engines.Any(e => e.Name == name)) throw new BenchUsageException($"engine '{name}' is given twice");
            engines.Add(new EngineSpec(name, EngineKinds.Lbbv, parts[0], parts.Skip(1).ToList(), []));
        }
        return engines;
    }

    public static EngineSpec External(string name, string command) =>
        new(name, EngineKinds.External, null, [], [command]);

    /// <summary>The unversioned LBBV configuration, whose type tests are the reference for "eliminated".</summary>
    public static readonly EngineSpec UnversionedReference =
        new("lbbv:--max-versions=1", EngineKinds.Lbbv, "lbbv", ["--max-versions=1"], []);
}
