// Return versioning's protocol (docs/LBBV.md, "Return versioning"): a return site whose type the
// compiler proved reports it in bits 8-15 of its exit reason; a direct call that expects that type
// checks the whole reason with the compare it makes anyway and continues with the result typed, so
// the continuation needs no test. Any other return reaches the call's untyped continuation.
using Lbbv.Backend.Emission;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Jit;

public static class TypedReturns
{
    private const int TypeShift = 8;
    private const uint TypeMask = 0xFF << TypeShift;

    /// <summary>The exit reason of a return whose value is proved to be a <paramref name="type"/>
    /// (Unknown: a plain return).</summary>
    public static uint Reason(AbstractType type) => (uint)ExitReason.Return | (uint)type << TypeShift;

    /// <summary>A return's record without its type; any other record unchanged.</summary>
    public static ExitRecord Normalize(ExitRecord exit) =>
        (exit.Reason & ~TypeMask) == (uint)ExitReason.Return ? new ExitRecord((uint)ExitReason.Return, exit.BytecodeOffset) : exit;

    /// <summary>Whether a return site may report <paramref name="type"/> (a leaf the lattice maps to
    /// one tag, or one tag and object kind).</summary>
    public static bool Reportable(AbstractType type) => type is AbstractType.Int or AbstractType.Float
        or AbstractType.Bool or AbstractType.None or AbstractType.Str or AbstractType.List or AbstractType.Tuple
        or AbstractType.Dict or AbstractType.Instance or AbstractType.Function or AbstractType.Iterator;

    /// <summary>The profile bit of a return site that proves <paramref name="type"/>.</summary>
    public static ulong ProfileBit(AbstractType type)
    {
        var g = type.Guarantee();
        return ReturnProfile.Bit(g.LowTag, g.ObjectKind);
    }

    /// <summary>The type <paramref name="code"/>'s calls are predicted to return: the one reportable
    /// type of everything it returned so far, else Unknown (nothing returned yet, several types, or a
    /// compiled site that proves none).</summary>
    public static AbstractType Predicted(CodeRuntime code)
    {
        ulong seen = code.ReturnsSeen;
        if (seen == 0 || (seen & (seen - 1)) != 0) return AbstractType.Unknown;
        int bit = System.Numerics.BitOperations.TrailingZeroCount(seen);
        var type = bit < ReturnProfile.KindShift
            ? TagMapping.FromTag((byte)bit, 0)
            : TagMapping.FromTag(RuntimeTags.Object, (byte)(bit - ReturnProfile.KindShift));
        return Reportable(type) ? type : AbstractType.Unknown;
    }
}
