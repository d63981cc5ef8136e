// A forward walk over a trace's ops with what is known before each (TraceState). For a peeled trace
// the loop body's entry state is the fixpoint of what holds after the preamble and after the body
// itself (the back-edge), so a fact survives into the body only if every iteration keeps it.
using Lbbv.Tracing.Ir;

namespace Lbbv.Tracing.Passes;

internal static class TraceWalk
{
    /// <summary>Calls <paramref name="visit"/> with each op and the state before it (the op may be
    /// changed there: removed, folded), then applies the op.</summary>
    public static void Run(Trace trace, Action<TraceOp, TraceState> visit)
    {
        var state = new TraceState(trace.Code, trace.StartOffset);
        int loop = trace.Ops.FindIndex(o => o.Kind == TraceOpKind.LoopStart);
        for (int i = 0; i < trace.Ops.Count; i++)
        {
            var op = trace.Ops[i];
            if (i == loop)
            {
                state = LoopEntry(trace, loop, state);
                visit(op, state);
                continue;
            }
            visit(op, state);
            Apply(op, state);
        }
    }

    public static void Apply(TraceOp op, TraceState state)
    {
        if (op.IsRemoved && op.Kind != TraceOpKind.Guard) return;
        switch (op.Kind)
        {
            case TraceOpKind.Guard: state.Prove(op); break;
            case TraceOpKind.Op: state.Apply(op); break;
        }
    }

    /// <summary>The state the loop body may assume on entry: the preamble's end state joined with the
    /// state after the body, until nothing changes.</summary>
    public static TraceState LoopEntry(Trace trace, int loop, TraceState afterPreamble)
    {
        var entry = afterPreamble.Copy();
        entry.KeepOnlyTypes();
        for (int round = 0; round < 16; round++)
        {
            var state = entry.Copy();
            for (int i = loop + 1; i < trace.Ops.Count; i++) Apply(trace.Ops[i], state);
            if (!entry.JoinWith(state)) break;
        }
        return entry;
    }
}
