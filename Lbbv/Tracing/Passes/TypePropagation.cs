// Type propagation: a value that passed a guard keeps its type for the rest of the trace (through
// copies, stores to locals, and into inlined calls' arguments), and the results of typed ops have
// their types, so a later guard on it is dropped. In a peeled loop the body starts with the
// preamble's facts that survive the back-edge; a body guard dropped only because of those is
// counted as loop peeling's.
using Lbbv.Tracing.Ir;

namespace Lbbv.Tracing.Passes;

internal static class TypePropagation
{
    public const string Name = "type_propagation";

    /// <summary>Removes the guards proven redundant: (by type propagation, by peeling).</summary>
    public static (int Propagation, int Peeling) Run(Trace trace)
    {
        // What the body alone proves (entered knowing nothing): a guard it drops is propagation's.
        var bodyAlone = new HashSet<TraceOp>();
        int loop = trace.Ops.FindIndex(o => o.Kind == TraceOpKind.LoopStart);
        if (loop >= 0)
        {
            var state = new TraceState(trace.Code, trace.StartOffset);
            for (int i = loop + 1; i < trace.Ops.Count; i++)
            {
                var op = trace.Ops[i];
                if (op.Kind == TraceOpKind.Guard && !op.IsRemoved && state.SubjectOf(op).Proves(op.GuardType)) bodyAlone.Add(op);
                TraceWalk.Apply(op, state);
            }
        }
        int propagation = 0, peeling = 0, index = 0;
        var loopEntry = loop >= 0 ? trace.Ops[loop] : null;
        bool inBody = false;
        TraceWalk.Run(trace, (op, state) =>
        {
            if (op == loopEntry)
            {
                inBody = true;
                op.LoopEntryTypes = state.RootTypes();
            }
            index++;
            if (op.Kind != TraceOpKind.Guard || op.IsRemoved || !state.SubjectOf(op).Proves(op.GuardType)) return;
            bool byPeeling = inBody && !bodyAlone.Contains(op);
            op.RemovedBy = byPeeling ? "loop_peeling" : Name;
            if (byPeeling) peeling++; else propagation++;
        });
        return (propagation, peeling);
    }
}
