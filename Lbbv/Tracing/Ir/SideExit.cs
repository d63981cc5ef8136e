using Lbbv.Backend.Emission;
using Lbbv.Jit.Frames;

namespace Lbbv.Tracing.Ir;

/// <summary>Why a side exit leaves its trace.</summary>
public enum SideExitKind : byte
{
    /// <summary>A type guard, a class or identity check, a class-version check failed.</summary>
    Guard,
    /// <summary>A branch went the other way than recorded (a loop ended, an if flipped).</summary>
    Branch,
    /// <summary>A fast path declined (an int overflow, a zero divisor).</summary>
    Declined,
}

/// <summary>A frame an exit leaves inside an inlined call: the call op it is suspended at.</summary>
public readonly record struct InlinedFrame(TraceCode Code, int CallOffset);

/// <summary>What the interpreter needs to resume where a guard failed: the frame and bytecode offset
/// to resume at, the pending stack entries to write first (constants and copies of locals the lazy
/// operand stack had not written), and the frames of the inlined calls around it (real frames,
/// pushed by the trace: innermost last).</summary>
public sealed record Snapshot(TraceCode Code, int ResumeOffset, PendingWrite[] Writes, InlinedFrame[] Frames)
{
    public override string ToString()
    {
        var writes = Writes.Select(w => w.From >= 0 ? $"s{w.To}=local{w.From}" : $"s{w.To}={w.Constant}");
        var frames = Frames.Select(f => $"{f.Code.Name}@{f.CallOffset}");
        return $"resume {Code.Name}@{ResumeOffset}" + (Writes.Length > 0 ? $" write [{string.Join(", ", writes)}]" : "")
            + (Frames.Length > 0 ? $" inside [{string.Join(" > ", frames)}]" : "");
    }
}

/// <summary>One side exit of a trace: its snapshot, its failure counter (in data memory) and the
/// indirect slot it leaves through — first to its exit stub (back to the interpreter), later to a
/// bridge recorded from it. Published code never changes: only the slot is re-pointed.</summary>
public sealed class SideExit
{
    public required int Id { get; init; }
    public required SideExitKind Kind { get; init; }
    public required Snapshot Snapshot { get; init; }
    public required IndirectSlot Slot { get; init; }
    public ExitCounter? Failures { get; init; }
    /// <summary>Failures seen by the tier (exits taken to the interpreter, whatever counting is on).</summary>
    public long Taken;
    public required CompiledTrace Owner { get; init; }
    public Label StubLabel { get; init; }
    /// <summary>The types the frame holds when the exit is taken (a bridge from it starts with them).</summary>
    public Types.TypeContext Context { get; init; } = Types.TypeContext.Generic;
    /// <summary>The bridge this exit's slot points at, once recorded.</summary>
    public CompiledTrace? Bridge { get; set; }
    /// <summary>A bridge recording from here aborted: not tried again before this many exits.</summary>
    public long NextBridgeAttemptAt;
    public int BridgeAborts;
}
