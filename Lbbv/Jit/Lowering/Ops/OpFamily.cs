// The base of the Gen<Op> classes: short names for what every op's lowering reads and calls.
using Lbbv.Backend.Emission;
using Lbbv.Backend.Stencils;
using Lbbv.Jit.Frames;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Jit.Lowering.Ops;

internal abstract class OpFamily(Lowerer lowerer)
{
    protected Lowerer L => lowerer;
    protected AbstractFrame Frame => lowerer.Frame;
    protected StencilLibrary S => lowerer.Stencils;
    protected CodeUnitBuilder Unit => lowerer.Unit;
    protected Emitter Emit => lowerer.Emitter;
    protected Guards Guards => lowerer.Guards;
    protected Speculation Speculation => lowerer.Speculation;
    protected Operands Operands => lowerer.Operands;
    protected JitStatistics Stats => lowerer.Statistics;
    protected IExitPolicy Policy => lowerer.Policy;
    protected OpSet Ops => lowerer.Ops;
    protected CodeRuntime Cr => lowerer.Code.Code;
    protected CodeShape Shape => lowerer.Code.Shape;

    /// <summary>The offset of the op being lowered.</summary>
    protected int K => lowerer.Offset;
    protected int Depth => Frame.Depth;
    protected int Top(int fromTop = 0) => Frame.Top(fromTop);
    protected int StackSlot(int entry) => Frame.StackSlot(entry);
    protected AbstractType TypeOf(int slot) => Frame.TypeOf(slot);
    protected bool TryLive(int slot, out Value value) => Frame.TryLive(slot, out value);
    protected Operand In(int slot) => Operands.In(slot);
    protected bool MaySpeculate => Speculation.Allowed;

    /// <summary>The op completed inline; the straight-line code goes on.</summary>
    protected bool Done(int ops = 1)
    {
        lowerer.OpDone(ops);
        return true;
    }

    protected void OpDone(int ops = 1) => lowerer.OpDone(ops);
    protected void FlushOps() => lowerer.FlushOps();
}
