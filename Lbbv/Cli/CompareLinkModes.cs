using Lbbv.Backend.Linking;
using Lbbv.Jit.Linking;
using Lbbv.Versioning;

namespace Lbbv.Cli;

/// <summary>`lbbv compare --link indirect,patch,reemit FILE`: the interpreter, then each JIT under each
/// link mode, in this one process. Each JIT configuration first runs once counting in code (the
/// indirect jumps, code bytes and link time columns), then every configuration runs --runs times
/// round-robin without counting; the table shows the median time, and the outputs are checked
/// identical. docs/LINKING.md explains the modes.</summary>
public static class CompareLinkModes
{
    private sealed record Config(string Jit, LinkMode? Mode, LbbvOptions? Options)
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
        // LBBV under every mode (traces link through indirect slots only: docs/LINKING.md).
        var configs = new List<Config> { new("off", null, null) };
        configs.AddRange(modes.Select(m =>
            new Config("lbbv", m, new LbbvOptions { Link = new LinkOptions { Mode = m } })));

        var counts = configs.Select(c => c.Options is null ? null : Counted(file, programArgs, c.Options)).ToArray();
        var times = configs.Select(_ => new List<double>()).ToArray();
        var outputs = new (string Output, int Status)[configs.Count];
        for (int r = 0; r < runs; r++)
            for (int c = 0; c < configs.Count; c++)
            {
                var (wall, output, status) = CompareCommand.RunLbbv(file, programArgs, configs[c].Options);
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

    private static Counts Counted(string file, string[] programArgs, LbbvOptions options)
    {
        Counts? counts = null;
        CompareCommand.RunLbbv(file, programArgs, options with { CountInCode = true }, tier =>
        {
            var jit = tier.Jit;
            var backend = tier.Backend.Counters;
            counts = new Counts(jit.Read(jit.IndirectJumps), backend.BytesPublished, backend.BytesInUse,
                tier.Linker.LinkTime.Elapsed.TotalMilliseconds);
        });
        return counts!;
    }
}
