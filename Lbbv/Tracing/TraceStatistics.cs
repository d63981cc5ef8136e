using System.Diagnostics;
using Lbbv.Jit;
using Lbbv.Tracing.Ir;
using Lbbv.Tracing.Recording;

namespace Lbbv.Tracing;

/// <summary>
/// The counters only the tracing frontend has (recordings, traces, bridges, aborts, passes, side
/// exits) and the report of every counter of a tracing run under the `trace_` names
/// (docs/TRACING.md, "Statistics"). Counters every frontend shares are <see cref="JitStatistics"/>'s,
/// under the same names as LBBV's.
/// </summary>
public sealed class TraceStatistics(TracingTier tier, JitStatistics jit)
{
    public long LoopsRecorded;
    public long BridgesRecorded;
    public long TracesCompiled;
    /// <summary>Function-entry recordings started, entry traces compiled, and calls that ran one.</summary>
    public long EntriesRecorded;
    public long EntryTracesCompiled;
    public long EntryTraceRuns;
    public long BridgesCompiled;
    public long CompileFailures;
    public long Invalidations;
    /// <summary>Loop traces recorded again without inlining the call around a hot exit.</summary>
    public long Retraces;
    /// <summary>--link reemit: trace and bridge entries moved into re-emitted copies.</summary>
    public long TracesReemitted;
    public long GuardsEmitted;
    public readonly long[] Aborts = new long[AbortReasons.All.Length];
    public readonly long[] SideExitsTaken = new long[Enum.GetValues<SideExitKind>().Length];
    /// <summary>IR guards removed, by pass name (in pipeline order).</summary>
    public readonly Dictionary<string, long> GuardsRemoved = [];
    /// <summary>Other effects of the passes (constants folded, loads eliminated, ops peeled), by name.</summary>
    public readonly Dictionary<string, long> PassEffects = [];
    public readonly Stopwatch RecordingTime = new();

    /// <summary>Upper bounds of the trace-length histogram's buckets (recorded ops); the last is open.</summary>
    public static readonly int[] LengthBuckets = [16, 64, 256, 1024];
    private readonly long[] _lengths = new long[LengthBuckets.Length + 1];

    public void NoteLength(int ops)
    {
        int bucket = Array.FindIndex(LengthBuckets, b => ops <= b);
        _lengths[bucket < 0 ? LengthBuckets.Length : bucket]++;
    }

    public void NoteRemoved(string pass, int guards)
    {
        GuardsRemoved[pass] = GuardsRemoved.GetValueOrDefault(pass) + guards;
    }

    public void NoteEffect(string effect, int count)
    {
        PassEffects[effect] = PassEffects.GetValueOrDefault(effect) + count;
    }

    /// <summary>The side exits that left to the interpreter most often, hottest first.</summary>
    public IEnumerable<SideExit> HottestExits(int count) =>
        tier.Traces.SelectMany(t => t.Exits).Where(e => e.Taken > 0).OrderByDescending(e => e.Taken).Take(count);

    /// <summary>Every counter of the run in report order.</summary>
    public IEnumerable<KeyValuePair<string, long>> Counters(long interpreterBytecodes)
    {
        yield return new("trace_loops_recorded", LoopsRecorded);
        yield return new("trace_bridges_recorded", BridgesRecorded);
        yield return new("trace_traces_compiled", TracesCompiled);
        yield return new("trace_bridges_compiled", BridgesCompiled);
        yield return new("trace_entries_recorded", EntriesRecorded);
        yield return new("trace_entry_traces_compiled", EntryTracesCompiled);
        yield return new("trace_entry_trace_runs", EntryTraceRuns);
        yield return new("trace_trace_aborts", Aborts.Sum());
        foreach (var reason in AbortReasons.All)
            yield return new($"trace_aborts_{AbortReasons.Name(reason)}", Aborts[(int)reason]);
        yield return new("trace_compile_failures", CompileFailures);
        yield return new("trace_invalidations", Invalidations);
        yield return new("trace_retraces_without_inlining", Retraces);
        yield return new("trace_traces_reemitted", TracesReemitted);
        for (int b = 0; b <= LengthBuckets.Length; b++)
        {
            string label = b < LengthBuckets.Length ? $"up_to_{LengthBuckets[b]}" : $"over_{LengthBuckets[^1]}";
            yield return new($"trace_length_{label}_ops", _lengths[b]);
        }
        yield return new("trace_guards_emitted", GuardsEmitted);
        foreach (var (pass, removed) in GuardsRemoved) yield return new($"trace_guards_removed_by_{pass}", removed);
        foreach (var (effect, n) in PassEffects) yield return new($"trace_{effect}", n);
        foreach (var kind in Enum.GetValues<SideExitKind>())
            yield return new($"trace_side_exit_{kind.ToString().ToLowerInvariant()}_taken", SideExitsTaken[(int)kind]);
        int rank = 1;
        foreach (var exit in HottestExits(5))
        {
            yield return new($"trace_hot_exit_{rank}_offset", exit.Snapshot.ResumeOffset);
            yield return new($"trace_hot_exit_{rank}_taken", exit.Taken);
            rank++;
        }
        yield return new("trace_recording_time_us", (long)(RecordingTime.Elapsed.TotalMilliseconds * 1000));
        foreach (var counter in jit.Counters("trace_", interpreterBytecodes)) yield return counter;
    }
}
