// The tracer's answers to the shared lowering: a failed guard, a declined fast path and a branch
// off the recorded path each leave through a side exit with a snapshot; the recorded path goes on
// with the trace's next op. Every op speculates except the first of a bridge from a declined fast
// path. Traces never defer (the recording saw every value). A call is inlined (its ops are in the
// trace) or, when residual, calls a plain Python function directly through the slot of its
// function-entry trace (TracingTier.TryCallSlot), or runs through the interpreter's call.
using Lbbv.Backend.Emission;
using Lbbv.Jit;
using Lbbv.Jit.Lowering;
using Lbbv.Runtime;
using Lbbv.Tracing.Ir;
using Lbbv.Types;

namespace Lbbv.Tracing.Compile;

internal sealed class TracePolicy(TraceCompiler compiler, Lowerer lowerer) : IExitPolicy
{
    public bool MaySpeculate => compiler.MaySpeculate;

    public bool MayDefer => false;

    public Operand GuardFailed(TypeContext context) => compiler.SideExit(SideExitKind.Guard, lowerer.Offset, context);

    public Operand Declined(TypeContext context) => compiler.SideExit(SideExitKind.Declined, lowerer.Offset, context);

    public Operand BranchTo(int target, TypeContext context) => compiler.BranchTo(target, context);

    public void ContinueAt(int target, TypeContext context) => compiler.ContinueAt(target, context);

    public JitCode? CodeOf(CodeRuntime callee) => compiler.CodeOfCallee(callee);

    public bool TryCalleeEntry(JitCode callee, ReadOnlySpan<AbstractType> argumentTypes, string kind, out IndirectSlot entry) =>
        compiler.TryCallSlot((TraceCode)callee, out entry);
}
