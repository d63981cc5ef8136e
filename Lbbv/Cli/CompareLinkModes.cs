using Lbbv.Backend.Linking;
using Lbbv.Jit.Linking;
using Lbbv.Backend;
using Lbbv.Jit;
using Lbbv.Tracing;
using Lbbv.Versioning;

namespace Lbbv.Cli;

/// <summary>`lbbv compare --link indirect,patch,reemit FILE`: the interpreter, then each JIT (LBBV, the
/// tracer) under each link mode, in this one process. Each JIT configuration first runs once counting in code (the
/// indirect jumps, code bytes and link time columns), then every configuration runs --runs times
/// round-robin without counting; the table shows the median time, and the outputs are checked
/// identical. docs/LINKING.md explains the modes.</summary>
public static class CompareLinkModes
{
    private sealed record Config(string Jit, LinkMode? Mode)
    {
        public string Name => Mode is { } m ? $"{Jit} {m.Name()}" : Jit;
    }

    private sealed record Counts(long IndirectJumps, long CodeBytes, long BytesInUse, double LinkMs);

    public static int Execute(string file, string[] programArgs, string modeList, int runs, TextWriter stdout,
        TextWriter stderr)
    {
        var modes = new List<LinkMode>();
        const StringSplitOptions Trimmed = StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries;
        foreach (var name in modeList.Split(',', Trimmed))
        {
            if (!LinkModes.TryParse(name, out var mode))
            {
                stderr.WriteLine(
                    $"lbbv compare: '{name}' is not a link mode (expected {string.Join(", ", LinkModes.Names)})");
                return LbbvCommandLine.UsageError;
            }
            if (!modes.Contains(mode)) modes.Add(mode);
        }
        if (modes.Count == 0)
        {
            stderr.WriteLine("lbbv compare: --link needs at least one mode");
            return LbbvCommandLine.UsageError;
        }
        // Each JIT under every mode.
        var configs = new List<Config> { new("off", null) };
        foreach (string jit in (string[])["lbbv", "trace"]) configs.AddRange(modes.Select(m => new Config(jit, m)));

        var counts = configs.Select(c => c.Mode is null ? null : Counted(file, programArgs, c)).ToArray();
        var times = configs.Select(_ => new List<double>()).ToArray();
        var outputs = new (string Output, int Status)[configs.Count];
        for (int r = 0; r < runs; r++)
            for (int c = 0; c < configs.Count; c++)
            {
                var (wall, output, status) = Run(file, programArgs, configs[c], count: false, null);
                times[c].Add(wall);
                outputs[c] = (output, status);
            }
        bool same = outputs.All(o => o == outputs[0]);
        double[] medians = [.. times.Select(t => t.Order().ElementAt(t.Count / 2))];
        stdout.WriteLine($"{Path.GetFileName(file)}: outputs {(same ? "identical" : "DIFFER")}");
        stdout.WriteLine($"{"engine",-16} {"wall ms",10} {"speedup",8} {"indirect jumps",15} {"code bytes",11} "
            + $"{"in use",11} {"link ms",8}");
        for (int c = 0; c < configs.Count; c++)
        {
            var k = counts[c];
            stdout.WriteLine($"{configs[c].Name,-16} {medians[c],10:F1} {medians[0] / medians[c],7:F2}x "
                + $"{Column(k, x => x.IndirectJumps.ToString("N0")),15} "
                + $"{Column(k, x => x.CodeBytes.ToString("N0")),11} "
                + $"{Column(k, x => x.BytesInUse.ToString("N0")),11} {Column(k, x => x.LinkMs.ToString("F2")),8}");
        }
        if (same) return 0;
        for (int c = 1; c < configs.Count; c++)
            if (outputs[c] != outputs[0])
                stderr.WriteLine($"lbbv compare: {configs[c].Name} printed different output "
                    + $"(status {outputs[c].Status} vs {outputs[0].Status})");
        return 1;
    }

    private static string Column(Counts? counts, Func<Counts, string> format) => counts is null ? "-" : format(counts);

    private static Counts Counted(string file, string[] programArgs, Config config)
    {
        Counts? counts = null;
        Run(file, programArgs, config, count: true, (jit, backend, linker) =>
            counts = new Counts(jit.Read(jit.IndirectJumps), backend.Counters.BytesPublished,
                backend.Counters.BytesInUse, linker.LinkTime.Elapsed.TotalMilliseconds));
        return counts!;
    }

    /// <summary>One run of <paramref name="config"/>; <paramref name="read"/> sees the JIT's counters,
    /// backend and linker before its tier is disposed.</summary>
    private static (double WallMs, string Output, int Status) Run(string file, string[] programArgs, Config config,
        bool count, Action<JitStatistics, JitBackend, Linker>? read)
    {
        var link = new LinkOptions { Mode = config.Mode ?? LinkMode.Indirect };
        return config.Jit switch
        {
            "lbbv" => CompareCommand.RunLbbv(file, programArgs, new LbbvOptions { Link = link, CountInCode = count },
                tier => read?.Invoke(tier.Jit, tier.Backend, tier.Linker)),
            "trace" => CompareCommand.RunTrace(file, programArgs, new TraceOptions { Link = link, CountInCode = count },
                tier => read?.Invoke(tier.Jit, tier.Backend, tier.Linker)),
            _ => CompareCommand.RunLbbv(file, programArgs, null),
        };
    }
}
