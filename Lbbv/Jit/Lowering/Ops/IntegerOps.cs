// Integer arithmetic on ints that may be big (AbstractType.Integer, docs/LBBV.md "Big integers"): one
// tag test per operand not known to be an int64 picks the inline int64 path or the runtime's big-int
// arithmetic, and both rejoin with the result typed Integer, so a value that grows past 64 bits never
// fails a guard into a chain of versions.
using Lbbv.Backend.Emission;
using Lbbv.Backend.Stencils;
using Lbbv.Jit.Frames;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Jit.Lowering.Ops;

internal sealed class IntegerOps(Lowerer lowerer) : OpFamily(lowerer)
{
    /// <summary>The BinaryOp kinds whose result is an int whenever both operands are ints.</summary>
    public static bool ClosedOverInts(int kind) => kind is Arith.Add or Arith.Sub or Arith.Mult or Arith.FloorDiv
        or Arith.Mod or Arith.BitAnd or Arith.BitOr or Arith.BitXor or Arith.LShift or Arith.RShift;

    /// <summary>An int, maybe big: Int or Integer.</summary>
    public static bool IsInteger(AbstractType type) => type is AbstractType.Int or AbstractType.Integer;

    /// <summary>The type of the result of BinaryOp <paramref name="kind"/> on the two operands on top
    /// of the stack, whatever path computes it: Integer when both are known ints (maybe big), else Bound.</summary>
    public AbstractType ResultOf(int kind) =>
        ClosedOverInts(kind) && IsInteger(TypeOf(Top(1))) && IsInteger(TypeOf(Top(0))) ? AbstractType.Integer : AbstractType.Bound;

    /// <summary>Whether this lowering takes the op: both operands known ints and one of them maybe big.</summary>
    public bool Applies(int kind) => ResultOf(kind) == AbstractType.Integer
        && (TypeOf(Top(1)) == AbstractType.Integer || TypeOf(Top(0)) == AbstractType.Integer);

    public bool GenIntegerOp(int kind, int arg)
    {
        int a = Top(1), b = Top(0);
        Frame.SpillRegisters(SpillReason.Op); // the runtime's arithmetic reads the frame
        // A big operand now: straight to the big-int arithmetic, no test (a later small value takes
        // the same path, correctly).
        if (SeenBig(a) || SeenBig(b))
            return Ops.Generic.GenHelperOp(OpHelpers.BinaryAddress, 2, AbstractType.Integer, arg);
        // Small ints now, or locals: prove Int with guards that hold for the rest of the version (and
        // reach the back-edge, so a loop whose locals stay small runs typed Int); a big value fails
        // into a chain whose version sees it and takes the line above.
        if (Provable(a) && Provable(b) && MaySpeculate)
        {
            FlushOps();
            var fail = Guards.Failure();
            if (TypeOf(a) != AbstractType.Int) Guards.Guard(a, AbstractType.Int, fail);
            if (TypeOf(b) != AbstractType.Int) Guards.Guard(b, AbstractType.Int, fail);
            return Ops.Arithmetic.GenBinaryOp(arg);
        }
        // Values the compiler cannot see (results of earlier ops of this version): one tag test per
        // operand picks the int64 path or the big-int arithmetic, which rejoin.
        FlushOps();
        Frame.MaterializeAll(); // the slow path runs the op on the frame's stack
        FlushOps();
        var rejoin = Unit.NewLabel();
        var slow = Operand.To(Emit.ColdHelper(rejoin, OpHelpers.BinaryAddress, arg));
        // Not Guards.Guard: the slow path continues too, so the operands (and locals they copy) stay Integer.
        foreach (int slot in new[] { a, b })
            if (TypeOf(slot) != AbstractType.Int)
            {
                Emit.CountTypeTest();
                Unit.Emit(S.Guards.Int, In(slot), slow);
            }
        var (stencil, declines) = Ops.Arithmetic.IntStencilOf(kind);
        // The result goes to a's stack slot, where the slow path's helper leaves it too.
        if (declines) Unit.Emit(stencil, In(a), In(b), Operand.Slot(a), slow);
        else Unit.Emit(stencil, In(a), In(b), Operand.Slot(a));
        Emit.Rejoin(rejoin);
        return Operands.PushResult(2, a, AbstractType.Integer);
    }

    private bool SeenBig(int slot) => TryLive(slot, out var value) && value.IsObject;

    private bool Provable(int slot) => TypeOf(slot) == AbstractType.Int || TryLive(slot, out _) || Frame[slot].Alias >= 0;
}
