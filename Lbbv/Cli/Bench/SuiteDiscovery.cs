using Lbbv.Reports.Model;

namespace Lbbv.Cli.Bench;

/// <summary>One benchmark: a program (`NAME.py`, run from its folder) or a pyperformance-style benchmark
/// (`NAME/run_benchmark.py`).</summary>
public sealed record BenchmarkSpec(string Name, string Suite, string Kind, string Script)
{
    public string WorkingDirectory => Path.GetDirectoryName(Script)!;
    public string FileName => Path.GetFileName(Script);
    public bool IsPyperformance => Kind == BenchmarkKinds.Pyperformance;
}

/// <summary>Turns `lbbv bench` PATHs into benchmarks: a folder of programs (`*.py`, not `_*.py`, which are
/// helper modules), a folder of pyperformance benchmarks (`*/run_benchmark.py`), one pyperformance benchmark
/// (its folder, or its `run_benchmark.py`), or single `.py` files.</summary>
public static class SuiteDiscovery
{
    public const string PyperformanceScript = "run_benchmark.py";

    public static IReadOnlyList<BenchmarkSpec> Discover(IReadOnlyList<string> paths)
    {
        var benchmarks = new List<BenchmarkSpec>();
        foreach (var path in paths)
        {
            string full = Path.GetFullPath(path);
            if (File.Exists(full))
            {
                if (!full.EndsWith(".py", StringComparison.Ordinal))
                    throw new BenchUsageException($"'{path}' is not a .py file");
                benchmarks.Add(Path.GetFileName(full) == PyperformanceScript ? Pyperformance(full) : Program(full));
            }
            else if (File.Exists(Path.Combine(full, PyperformanceScript)))
                benchmarks.Add(Pyperformance(Path.Combine(full, PyperformanceScript)));
            else if (Directory.Exists(full)) benchmarks.AddRange(Folder(full, path));
            else throw new BenchUsageException($"no such file or folder: '{path}'");
        }
        var duplicate = benchmarks.GroupBy(b => b.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null)
            throw new BenchUsageException($"two benchmarks are named '{duplicate.Key}': "
                + string.Join(" and ", duplicate.Select(b => b.Script)));
        return benchmarks;
    }

    private static IEnumerable<BenchmarkSpec> Folder(string folder, string given)
    {
        var pyperformance = Directory.GetDirectories(folder).Order(StringComparer.Ordinal)
            .Where(d => File.Exists(Path.Combine(d, PyperformanceScript))).ToList();
        string suite = Path.GetFileName(folder.TrimEnd(Path.DirectorySeparatorChar));
        if (pyperformance.Count > 0)
            return pyperformance.Select(d => Pyperformance(Path.Combine(d, PyperformanceScript)));
        var programs = Directory.GetFiles(folder, "*.py").Where(f => !Path.GetFileName(f).StartsWith('_'))
            .Order(StringComparer.Ordinal).Select(Program).ToList();
        if (programs.Count == 0)
            throw new BenchUsageException($"'{given}' has no benchmark (*.py or */{PyperformanceScript})");
        return programs;
    }

    /// <summary>A pyperformance benchmark is named by its folder, in the suite its parent folder names.</summary>
    private static BenchmarkSpec Pyperformance(string script)
    {
        string folder = Path.GetDirectoryName(script)!;
        return new(Path.GetFileName(folder), Path.GetFileName(Path.GetDirectoryName(folder)!),
            BenchmarkKinds.Pyperformance, script);
    }

    private static BenchmarkSpec Program(string file) => new(Path.GetFileNameWithoutExtension(file),
        Path.GetFileName(Path.GetDirectoryName(file)!), BenchmarkKinds.Program, file);
}
