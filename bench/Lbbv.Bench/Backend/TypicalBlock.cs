using Lbbv.Backend;
using Lbbv.Backend.Emission;
using Lbbv.Backend.Stencils;
using static Lbbv.Backend.Emission.Operand;

namespace Lbbv.Bench.Backend;

/// <summary>
/// A typical LBBV block, `i = i + n; if i < limit: goto header` with two type guards: guard int
/// ×2, int add with an overflow exit, a fused compare-and-branch to the next version through a
/// slot, the fall-through through another slot, and two counted exits.
/// </summary>
internal static class TypicalBlock
{
    public const int Stencils = 8;

    public static bool Emit(JitBackend backend, CodeUnitBuilder unit, IndirectSlot taken, IndirectSlot notTaken, ExitCounter exits)
    {
        var s = backend.Stencils;
        unit.Begin("block");
        var sideExit = unit.NewLabel();
        var overflow = unit.NewLabel();
        var branch = unit.NewLabel();
        unit.Emit(s.Guards.Int, Slot(0), sideExit);
        unit.Emit(s.Guards.Int, Slot(1), sideExit);
        unit.Emit(s.Int.Add, Slot(0), Slot(1), Slot(0), overflow);
        unit.Emit(s.Compare.IntBranch(Comparison.Less), Slot(0), Slot(2), branch);
        unit.Emit(s.Control.JumpThroughSlot, notTaken);
        unit.Bind(branch);
        unit.Emit(s.Control.JumpThroughSlot, taken);
        unit.Bind(sideExit);
        unit.Emit(s.Control.Exit, exits, new ExitRecord(1, 10));
        unit.Bind(overflow);
        unit.Emit(s.Control.Exit, exits, new ExitRecord(2, 12));
        return unit.TryPublish(out _);
    }
}
