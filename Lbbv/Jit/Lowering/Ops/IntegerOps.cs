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

    /// <summary>Speculates Integer on both operands on top of the stack when one of them is a big int
    /// now, the other an int of either size (<see cref="Speculation.MaySpeculateInteger"/>), and the
    /// frame does not prove both ints: guards "int or big int" on each it does not prove, and true
    /// (<see cref="GenIntegerOp"/> or <see cref="GenIntegerCompare"/> follows). Without it a version
    /// compiled over big values of no known type (the fallback version at a block's cap, the generic
    /// version of `--max-versions 1`) ran such an op through the helper for every later small value too.</summary>
    public bool TrySpeculateIntegers()
    {
        int a = Top(1), b = Top(0);
        if (!MaySpeculate || !(Speculation.SeesBigInt(a) || Speculation.SeesBigInt(b))) return false;
        if (IsInteger(TypeOf(a)) && IsInteger(TypeOf(b))) return false;
        if (!Speculation.MaySpeculateInteger(a, mixSeen: TypeOf(b) == AbstractType.Integer)
            || !Speculation.MaySpeculateInteger(b, mixSeen: TypeOf(a) == AbstractType.Integer)) return false;
        FlushOps();
        var fail = Guards.Failure();
        foreach (int slot in new[] { a, b })
            if (!IsInteger(TypeOf(slot))) Guards.Guard(slot, AbstractType.Integer, fail);
        return true;
    }

    /// <summary>Guards "int or big int" on <paramref name="slot"/> when its live value is a big int and
    /// the frame allows an int there (a truth test, `not`, `and`/`or`); false (nothing emitted) otherwise.</summary>
    public bool GuardSeenBig(int slot)
    {
        if (!Speculation.SeesBigInt(slot) || !Speculation.MaySpeculateInteger(slot, truthTest: true)) return false;
        FlushOps();
        return Guards.Guard(slot, AbstractType.Integer, Guards.Failure());
    }

    /// <summary>BinaryOp <paramref name="kind"/> on two ints, one of them maybe big. With
    /// <paramref name="bigTakesHelper"/> (operands the frame proved Integer: results of big-int
    /// arithmetic on this path), a big operand now sends the op straight to the big-int arithmetic;
    /// without it (operands just guarded Integer), the tag tests below dispatch each run.</summary>
    public bool GenIntegerOp(int kind, int arg, bool bigTakesHelper = true)
    {
        int a = Top(1), b = Top(0);
        Frame.SpillRegisters(SpillReason.Op); // the runtime's arithmetic reads the frame
        // A big operand now: straight to the big-int arithmetic, no test (a later small value takes
        // the same path, correctly).
        bool seenBig = SeenBig(a) || SeenBig(b);
        if (seenBig && bigTakesHelper)
            return Ops.Generic.GenHelperOp(OpHelpers.BinaryAddress, 2, AbstractType.Integer, arg);
        // Small ints now, or locals: prove Int with guards that hold for the rest of the version (and
        // reach the back-edge, so a loop whose locals stay small runs typed Int); a big value fails
        // into a chain whose version sees it and takes the tag tests below.
        if (!seenBig && Provable(a) && Provable(b) && MaySpeculate)
        {
            FlushOps();
            var fail = Guards.Failure();
            if (TypeOf(a) != AbstractType.Int) Guards.Guard(a, AbstractType.Int, fail);
            if (TypeOf(b) != AbstractType.Int) Guards.Guard(b, AbstractType.Int, fail);
            return Ops.Arithmetic.GenBinaryOp(arg);
        }
        // Values the compiler cannot see (results of earlier ops of this version), or a big operand of
        // a version that serves values of every size: one tag test per operand picks the int64 path
        // or the big-int arithmetic, which rejoin.
        var slow = TagDispatch(OpHelpers.BinaryAddress, arg, out var rejoin);
        var (stencil, declines) = Ops.Arithmetic.IntStencilOf(kind);
        // The result goes to a's stack slot, where the slow path's helper leaves it too.
        if (declines) Unit.Emit(stencil, In(a), In(b), Operand.Slot(a), slow);
        else Unit.Emit(stencil, In(a), In(b), Operand.Slot(a));
        Emit.Rejoin(rejoin);
        return Operands.PushResult(2, a, AbstractType.Integer);
    }

    /// <summary>A comparison of two ints, one of them big now, just guarded
    /// (<see cref="TrySpeculateIntegers"/>): the tag tests pick the inline int64 compare or the
    /// runtime's comparison out of line; both leave a bool in a's slot (the branch after it tests it).</summary>
    public bool GenIntegerCompare(int arg, Stencil intCompare)
    {
        int a = Top(1), b = Top(0);
        Frame.SpillRegisters(SpillReason.Op); // the runtime's comparison reads the frame
        TagDispatch(OpHelpers.RichCompareAddress, arg, out var rejoin);
        Unit.Emit(intCompare, In(a), In(b), Operand.Slot(a));
        Emit.Rejoin(rejoin);
        return Operands.PushResult(2, a, AbstractType.Bool);
    }

    /// <summary>The out-of-line path that runs the op on the two operands on top of the stack through
    /// <paramref name="helper"/> and returns to <paramref name="rejoin"/> (bind it after the inline
    /// path), and a tag test to it for each operand not known to be an int64. Not Guards.Guard: the
    /// slow path continues too, so the operands (and locals they copy) stay Integer.</summary>
    private Operand TagDispatch(nint helper, int arg, out Label rejoin)
    {
        FlushOps();
        Frame.MaterializeAll(); // the slow path runs the op on the frame's stack
        FlushOps();
        rejoin = Unit.NewLabel();
        var slow = Operand.To(Emit.ColdHelper(rejoin, helper, arg));
        foreach (int slot in new[] { Top(1), Top(0) })
            if (TypeOf(slot) != AbstractType.Int)
            {
                Emit.CountTypeTest();
                Unit.Emit(S.Guards.Int, In(slot), slow);
            }
        return slow;
    }

    private bool SeenBig(int slot) => TryLive(slot, out var value) && value.IsObject;

    private bool Provable(int slot) => TypeOf(slot) == AbstractType.Int || TryLive(slot, out _) || Frame[slot].Alias >= 0;
}
