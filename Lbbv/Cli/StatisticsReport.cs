using System.Text.Json;
using Lbbv.Runtime;
using Lbbv.Tracing;
using Lbbv.Versioning;

namespace Lbbv.Cli;

/// <summary>Formats the counters an engine really incremented, as text (--stats) or JSON (--stats-json).</summary>
public static class StatisticsReport
{
    public static IReadOnlyList<KeyValuePair<string, long>> Collect(Engine engine, VmStatistics vm, LbbvTier? tier = null,
        TracingTier? tracer = null)
    {
        var counters = new List<KeyValuePair<string, long>>();
        counters.AddRange(vm.ToList());
        if (engine == Engine.Lbbv && tier != null) counters.AddRange(tier.Statistics.Counters(vm.BytecodesExecuted));
        if (engine == Engine.Trace && tracer != null) counters.AddRange(tracer.Statistics.Counters(vm.BytecodesExecuted));
        counters.Add(new("peak_rss_bytes", PeakResidentSetBytes()));
        counters.Add(new("young_generation_huge_page_blocks", Backend.Memory.ManagedHeapPages.BlocksAdvised));
        return counters;
    }

    /// <summary>The process's peak resident set (VmHWM) as the kernel counts it, or 0 where
    /// /proc is not available.</summary>
    public static long PeakResidentSetBytes()
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path)) return 0;
        foreach (var line in File.ReadLines(path))
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]) * 1024;
        return 0;
    }

    public static void WriteText(IReadOnlyList<KeyValuePair<string, long>> counters, TextWriter output)
    {
        int width = counters.Count == 0 ? 0 : counters.Max(c => c.Key.Length);
        output.WriteLine("lbbv statistics:");
        foreach (var (name, value) in counters)
            output.WriteLine($"  {name.PadRight(width)}  {value,15:N0}");
    }

    public static void WriteJson(IReadOnlyList<KeyValuePair<string, long>> counters, string path)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        foreach (var (name, value) in counters)
            json.WriteNumber(name, value);
        json.WriteEndObject();
    }
}
