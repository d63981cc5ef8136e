// Which operand-stack entries hold a native iterator whose kind a ForIter's kind test proved on
// every path to a point: a version of a loop header is keyed on it besides its type context (the
// 4-bit lattice has no code for range or list iterators), so the loop's back-edge enters a header
// version that steps the iterator without testing its kind again.
namespace Lbbv.Jit.Lowering;

/// <summary>Two bits per stack entry (entry 0 is the bottom of the operand stack; entries from 30
/// on are never proven): <see cref="None"/>, <see cref="Range"/> or <see cref="List"/>. The top two
/// bits say whether the frame's depth was checked under the recursion limit
/// (<see cref="LeafDepthChecked"/>): a loop whose inlined leaf call checked it once checks it no more.
/// The two below them (LBBV only) whether the class version was checked since the last call or helper
/// (<see cref="ClassVersionChecked"/>): a loop that calls nothing checks it once.</summary>
public static class ProvenIterators
{
    public const byte None = 0, Range = 1, List = 2;
    private const int Entries = 30;
    private const ulong LeafDepthBit = 1UL << 62;
    private const ulong ClassVersionBit = 1UL << 60;
    private const ulong FrameBits = LeafDepthBit | ClassVersionBit;
    private const ulong LowBits = 0x5555_5555_5555_5555UL;

    /// <summary>The kind proven for stack entry <paramref name="entry"/>.</summary>
    public static byte At(ulong proven, int entry) =>
        (uint)entry < Entries ? (byte)((proven >> (2 * entry)) & 3) : None;

    /// <summary><paramref name="proven"/> with stack entry <paramref name="entry"/> proven <paramref name="kind"/>.</summary>
    public static ulong With(ulong proven, int entry, byte kind) =>
        (uint)entry < Entries ? (proven & ~(3UL << (2 * entry))) | ((ulong)(kind & 3) << (2 * entry)) : proven;

    /// <summary>Only the entries below <paramref name="depth"/> (the stack of a block entered with that depth).
    /// The frame's fact (<see cref="LeafDepthChecked"/>) is kept.</summary>
    public static ulong Below(ulong proven, int depth) => (proven & FrameBits)
        | (depth <= 0 ? 0 : proven & ((1UL << (2 * Math.Min(depth, Entries))) - 1));

    /// <summary>Whether <paramref name="proven"/> says the frame's depth was checked under the recursion
    /// limit since the frame was entered (AbstractFrame.LeafDepthChecked).</summary>
    public static bool LeafDepthChecked(ulong proven) => (proven & LeafDepthBit) != 0;

    /// <summary><paramref name="proven"/> with the frame's depth checked.</summary>
    public static ulong WithLeafDepthChecked(ulong proven) => proven | LeafDepthBit;

    /// <summary>Whether <paramref name="proven"/> says the class version was checked since the last call or
    /// helper (AbstractFrame.ClassVersionChecked): code keyed on it checks it no more, so it is true only
    /// for code compiled under the class version that check compared with (a stale version with this bit
    /// is never selected: VersionSelector).</summary>
    public static bool ClassVersionChecked(ulong proven) => (proven & ClassVersionBit) != 0;

    /// <summary><paramref name="proven"/> with the class version checked.</summary>
    public static ulong WithClassVersionChecked(ulong proven) => proven | ClassVersionBit;

    /// <summary>Whether code that assumes <paramref name="assumed"/> may be entered where
    /// <paramref name="proven"/> holds: every entry it assumes is proven of the same kind.</summary>
    public static bool Covers(ulong proven, ulong assumed)
    {
        ulong fields = (assumed | (assumed >> 1)) & LowBits;
        fields |= fields << 1;
        return ((proven ^ assumed) & fields) == 0;
    }

    /// <summary>"s0:range s2:list" for the stack entries proven, "" when none.</summary>
    public static string Describe(ulong proven)
    {
        var parts = new List<string>();
        for (int e = 0; e < Entries; e++)
            if (At(proven, e) is var kind and not None) parts.Add($"s{e}:{(kind == Range ? "range" : "list")}");
        if (LeafDepthChecked(proven)) parts.Add("depth-checked");
        if (ClassVersionChecked(proven)) parts.Add("class-version-checked");
        return string.Join(" ", parts);
    }
}
