// What an op specializes on when the frame does not prove a type: the live value when the compiler
// can see it, else a guess, else nothing (the op defers or runs unspecialized). Every speculation
// is then proved by a guard (Guards.cs); docs/LBBV.md, "Speculation audit", lists each site.
using Lbbv.Backend.Emission;
using Lbbv.Jit.Frames;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Jit.Lowering;

internal sealed class Speculation(Lowerer lowerer)
{
    private AbstractFrame Frame => lowerer.Frame;

    /// <summary>False when the op at the current offset must run unspecialized (the policy's word).</summary>
    public bool Allowed => lowerer.Policy.MaySpeculate;

    public static bool IsLeaf(AbstractType t) => t is AbstractType.Int or AbstractType.Float or AbstractType.Bool
        or AbstractType.None or AbstractType.Str or AbstractType.List or AbstractType.Tuple or AbstractType.Dict
        or AbstractType.Instance or AbstractType.Function or AbstractType.Iterator;

    public static bool CouldBeNumber(AbstractType t) => t is AbstractType.Unknown or AbstractType.Bound or AbstractType.Integer;

    public static bool CouldBeSequence(AbstractType t) => t is AbstractType.Unknown or AbstractType.Bound or AbstractType.Heap;

    /// <summary>The type a live value in <paramref name="slot"/> has right now, when the compiler may look.</summary>
    public AbstractType? Peek(int slot)
    {
        if (!Frame.TryLive(slot, out var value)) return null;
        byte kind = value.IsObject ? (byte)value.Kind : (byte)0;
        return TagMapping.FromTag((byte)value.Tag, kind);
    }

    /// <summary>The type to specialize <paramref name="slot"/> on: the frame's when it is exact,
    /// else what the live value has (when the compiler may look: nothing when that is not a leaf
    /// type), else <paramref name="guess"/> (Unknown: no idea). <paramref name="needsGuard"/> says a
    /// type test must prove it.</summary>
    public AbstractType Speculate(int slot, AbstractType guess, out bool needsGuard)
    {
        var known = Frame.TypeOf(slot);
        needsGuard = false;
        if (IsLeaf(known)) return known;
        needsGuard = true;
        if (!Allowed) return AbstractType.Unknown;
        // A live value of another kind (a big int where an int is guessed) would fail the guess's
        // guard at once, and a chain compiled there would guess again: no speculation then.
        if (Peek(slot) is { } seen) return IsLeaf(seen) && seen.IsSubtypeOf(known) ? seen : AbstractType.Unknown;
        return guess.IsSubtypeOf(known) ? guess : AbstractType.Unknown;
    }

    /// <summary>Whether the live value in <paramref name="slot"/> is a big int (when the compiler may look).</summary>
    public bool SeesBigInt(int slot) => Frame.TryLive(slot, out var value) && value.Is(ObjectKind.BigInt);

    /// <summary>Integer (an int, maybe big) for an op on <paramref name="slot"/> when the frame does
    /// not prove it but allows it and the live value is an int of either size: the guard "int or big
    /// int" (Guards.GuardInteger) then proves it. <see cref="Speculate"/> gives nothing for a live big
    /// int (not a leaf type), so code compiled while a value was big ran the helpers for every later
    /// small value too. Where a value that is big now is speculated on:
    /// - a truth test (<paramref name="truthTest"/>), in every version: the guard replaces the truth
    ///   helper, and a loop on `while n:` ends only once n is small;
    /// - arithmetic and compares whose other operand is known Integer (<paramref name="mixSeen"/>: this
    ///   code already meets ints of both sizes, as a gcd's remainder loop does);
    /// - any op in code that serves every context (<see cref="IExitPolicy.ServesEveryContext"/>: the
    ///   fallback version at a block's cap, the generic versions of `--max-versions 1`).
    /// Elsewhere a value seen big keeps the helper, which a big value needs anyway, rather than add a
    /// test per op in loops whose values stay big (a spigot's).</summary>
    public bool MaySpeculateInteger(int slot, bool truthTest = false, bool mixSeen = false)
    {
        var known = Frame.TypeOf(slot);
        if (known is AbstractType.Int or AbstractType.Integer) return true;
        if (!Allowed || !CouldBeNumber(known)) return false;
        if (!(truthTest || mixSeen || lowerer.Policy.ServesEveryContext)) return false;
        return SeesBigInt(slot) || Peek(slot) == AbstractType.Int;
    }

    /// <summary>True when the op should end the straight-line code and be compiled when reached, so
    /// that the live values can be seen (YJIT's defer_compilation): the policy's word.</summary>
    public bool ShouldDefer() => lowerer.Policy.MayDefer;

    /// <summary>Ends the straight-line code with a jump to the code for the current op, compiled
    /// when first reached.</summary>
    public bool Defer()
    {
        lowerer.FlushOps();
        lowerer.Unit.Emit(lowerer.Stencils.Control.Jump, lowerer.Policy.BranchTo(lowerer.Offset, Frame.Context));
        return false;
    }
}
