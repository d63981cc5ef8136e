// Ops whose result is a new short-lived object that machine code allocates itself (a list slice),
// with the runtime's helper out of line for everything the stencil does not handle.
using Lbbv.Backend.Emission;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Jit.Lowering.Ops;

internal sealed unsafe class AllocationOps(Lowerer lowerer) : OpFamily(lowerer)
{
    /// <summary>`BuildSlice n` then `BinarySubscr` on the container <paramref name="n"/> + 1 entries down,
    /// whose type is <paramref name="container"/> (List, Tuple, Str, or Bound for anything): a
    /// two-bound slice of what may be a list is made by the ListSlice stencil (a list checked at run
    /// time, bounds None or ints, 1 to 29 items), else by the SliceSubscr helper, also its slow path.</summary>
    public void EmitSliceSubscr(int n, AbstractType container)
    {
        if (n != 2 || container is not (AbstractType.List or AbstractType.Bound))
        {
            Emit.CallHelper(OpHelpers.SliceSubscrAddress, n);
            return;
        }
        Frame.MaterializeAll(); // the stencil reads the container and both bounds from their slots
        var rejoin = Unit.NewLabel();
        var slow = Emit.ColdHelper(rejoin, OpHelpers.SliceSubscrAddress, n);
        Unit.Emit(S.Allocation.ListSlice, Operand.Slot(Top(2)), Operand.Slot(Top(1)), Operand.Slot(Top()),
            Operand.Pointer((nint)NativeHeap.State), Operand.To(slow));
        Stats.InlineListSlicesEmitted++;
        Emit.Rejoin(rejoin);
    }
}
