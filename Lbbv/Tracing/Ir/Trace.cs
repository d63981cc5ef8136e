using Lbbv.Runtime;

namespace Lbbv.Tracing.Ir;

/// <summary>A recorded trace as a linear list of ops: from a loop header (a loop trace), a function's
/// entry (an entry trace) or a side exit (a bridge) to the loop header it jumps to at its end or to
/// its frame's return.</summary>
public sealed class Trace
{
    public required TraceCode Code { get; init; }
    public required int StartOffset { get; init; }
    /// <summary>The loop this trace is the trace of (null for a bridge).</summary>
    public LoopHeader? Loop { get; init; }
    /// <summary>The function whose entry trace this is (null for loop traces and bridges).</summary>
    public FunctionEntry? Function { get; init; }
    /// <summary>The loop header the trace jumps to at its end (its own for a loop trace that closes
    /// there); null for a bridge that ends by returning from the trace's frame.</summary>
    public required LoopHeader? Target { get; init; }

    /// <summary>A bridge or entry trace whose last op is its frame's ReturnValue (the return leaves the code).</summary>
    public bool EndsInReturn => Target == null;
    /// <summary>The root frame's locals and stack when the recording started.</summary>
    public required Value[] EntryValues { get; init; }
    public List<TraceOp> Ops { get; set; } = [];

    /// <summary>A loop trace that closes at its own header: the end jumps back to its start (or to
    /// its body, once peeled).</summary>
    public bool ClosesOwnLoop => Loop != null && Target == Loop;

    public int RecordedOps { get; init; }

    /// <summary>Drops the observed values once the trace is compiled (they are not roots any more).</summary>
    public void ForgetObservations()
    {
        foreach (var op in Ops) op.Stack = [];
    }
}
