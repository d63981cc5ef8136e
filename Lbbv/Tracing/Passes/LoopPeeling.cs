// Loop peeling (PyPy's): the loop trace's ops twice, a preamble iteration and then the loop body,
// which the trace's end jumps back to. The passes after it see the body entered with what the
// preamble proved (TraceWalk's fixpoint at the LoopStart), so guards and loads that hold on every
// iteration run once per entry into the trace, in the preamble; the compiler enters the body with
// those types and checks them again at its end before it loops.
using Lbbv.Tracing.Ir;

namespace Lbbv.Tracing.Passes;

internal static class LoopPeeling
{
    /// <summary>Longer traces are not peeled (their code would double for little gain).</summary>
    public const int MaxOps = 800;

    /// <summary>Peels a trace that loops to its own start; the ops it added, or 0.</summary>
    public static int Run(Trace trace)
    {
        if (!trace.ClosesOwnLoop || trace.Ops.Count > MaxOps) return 0;
        var body = trace.Ops.Select(o => o.Clone()).ToList();
        var loopStart = new TraceOp { Kind = TraceOpKind.LoopStart, Code = trace.Code, Offset = trace.StartOffset };
        trace.Ops = [.. trace.Ops, loopStart, .. body];
        return body.Count;
    }
}
