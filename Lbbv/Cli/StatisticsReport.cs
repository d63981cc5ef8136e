using System.Text.Json;
using Lbbv.Jit;
using Lbbv.Runtime;
using Lbbv.Versioning;

namespace Lbbv.Cli;

/// <summary>Formats the counters an engine really incremented, as text (--stats) or JSON (--stats-json).</summary>
public static class StatisticsReport
{
    public static IReadOnlyList<KeyValuePair<string, long>> Collect(Engine engine, VmStatistics vm, LbbvTier? tier = null)
    {
        var counters = new List<KeyValuePair<string, long>>();
        counters.AddRange(vm.ToList());
        if (engine == Engine.Lbbv && tier != null) counters.AddRange(LbbvCounters(tier, vm.BytecodesExecuted));
        counters.Add(new("peak_rss_bytes", PeakResidentSetBytes()));
        return counters;
    }

    /// <summary>The LBBV tier's counters (see docs/LBBV.md for what each counts).</summary>
    public static IEnumerable<KeyValuePair<string, long>> LbbvCounters(LbbvTier tier, long interpreterBytecodes)
    {
        var s = tier.Statistics;
        var blocks = tier.Codes.SelectMany(c => c.Blocks).Where(b => b.Value.Count > 0).ToList();
        yield return new("lbbv_max_versions", tier.Options.MaxVersions);
        yield return new("lbbv_blocks_compiled", blocks.Count);
        yield return new("lbbv_versions_compiled", s.VersionsCompiled);
        for (int n = 1; n <= Math.Max(tier.Options.MaxVersions + 1, 5); n++)
        {
            int count = blocks.Count(b => n <= tier.Options.MaxVersions ? b.Value.Count == n : b.Value.Count >= n);
            string label = n <= tier.Options.MaxVersions ? $"{n}" : $"{n}_or_more";
            yield return new($"lbbv_blocks_with_{label}_versions", count);
            if (n > tier.Options.MaxVersions) break;
        }
        yield return new("lbbv_blocks_at_version_cap", blocks.Count(b => b.Value.Count >= tier.Options.MaxVersions));
        yield return new("lbbv_generic_versions", s.GenericVersions);
        yield return new("lbbv_units_compiled", s.UnitsCompiled);
        yield return new("lbbv_chain_compiles", s.ChainCompiles);
        yield return new("lbbv_type_tests_emitted", s.TypeTestsEmitted);
        yield return new("lbbv_type_tests_executed", s.Read(s.TypeTestsExecuted));
        yield return new("lbbv_class_checks_emitted", s.ClassChecksEmitted);
        yield return new("lbbv_class_checks_executed", s.Read(s.ClassChecksExecuted));
        yield return new("lbbv_helper_calls_emitted", s.HelperCallsEmitted);
        yield return new("lbbv_helper_calls_executed", s.Read(s.HelperCalls));
        yield return new("lbbv_direct_calls_emitted", s.DirectCallsEmitted);
        yield return new("lbbv_direct_calls_executed", s.Read(s.DirectCalls));
        yield return new("lbbv_indirect_jumps_executed", s.Read(s.IndirectJumps));
        yield return new("lbbv_stub_hits", s.StubHits);
        yield return new("lbbv_entries_from_interpreter", s.Entries);
        long inCode = s.Read(s.BytecodesInCode);
        yield return new("lbbv_bytecodes_in_machine_code", inCode);
        long total = inCode + interpreterBytecodes;
        yield return new("lbbv_percent_bytecodes_in_machine_code_x100", total == 0 ? 0 : inCode * 10000 / total);
        for (int r = 1; r < ExitReasons.Count; r++)
            yield return new($"lbbv_exits_{ExitReasons.Name((ExitReason)r)}", s.ExitsSeen[r]);
        for (int op = 0; op < 256; op++)
            if (OpHelpers.CallsByOp[op] > 0) yield return new($"lbbv_helper_{(Lbbv.Bytecode.Opcode)op}", OpHelpers.CallsByOp[op]);
        yield return new("lbbv_code_bytes", tier.Backend.Counters.BytesPublished);
        yield return new("lbbv_slots_allocated", tier.Backend.Counters.SlotsAllocated);
        yield return new("lbbv_compile_time_us", (long)(s.CompileTime.Elapsed.TotalMilliseconds * 1000));
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
