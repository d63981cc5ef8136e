// What a code object has returned so far, one bit per tag (or per object kind): the interpreter
// sets a bit at every return, the LBBV tier sets one for every return site it compiles. A JIT
// predicts a direct call's result type from it; the prediction is only a guess (docs/LBBV.md,
// "Return versioning": the callee's return site proves the type it reports).
namespace Lbbv.Runtime;

public static class ReturnProfile
{
    /// <summary>Bits 0-7: a value of that tag (not Object); bits 8 on: an object of kind (bit - 8).</summary>
    public const int KindShift = 8;

    /// <summary>A compiled return site that proves no type: a call of this code has no prediction.</summary>
    public const ulong Unproven = 1UL << 63;

    public static ulong Bit(Value v) =>
        v.IsObject ? 1UL << (KindShift + ((int)v.Kind & 31)) : 1UL << ((int)v.Tag & 7);

    public static ulong Bit(byte tag, byte? kind) =>
        kind is { } k ? 1UL << (KindShift + (k & 31)) : 1UL << (tag & 7);
}
