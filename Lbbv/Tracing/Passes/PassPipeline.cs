// The optimization passes over a trace's IR, in order, each counted: the guards of the recording's
// speculation made explicit, loop peeling, type propagation, constant folding, redundant load
// elimination. A pass only removes or rewrites ops; soundness never rests on it, since the lowering
// still tests whatever an op specializes on that its abstract frame does not prove.
using Lbbv.Tracing.Ir;

namespace Lbbv.Tracing.Passes;

internal static class PassPipeline
{
    public static void Run(Trace trace, TraceOptions options, TraceStatistics statistics)
    {
        statistics.NoteEffect("ir_guards_inserted", GuardInsertion.Run(trace));
        if (!options.Optimize) return;
        statistics.NoteEffect("ops_peeled", LoopPeeling.Run(trace));
        var (propagated, peeled) = TypePropagation.Run(trace);
        statistics.NoteRemoved(TypePropagation.Name, propagated);
        statistics.NoteRemoved("loop_peeling", peeled);
        var (folded, constantGuards) = ConstantFolding.Run(trace);
        statistics.NoteEffect("ops_folded", folded);
        statistics.NoteRemoved(ConstantFolding.Name, constantGuards);
        statistics.NoteEffect("loads_eliminated", RedundantLoadElimination.Run(trace));
    }
}
