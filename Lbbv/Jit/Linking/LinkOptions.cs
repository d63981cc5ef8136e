using Lbbv.Backend.Linking;

namespace Lbbv.Jit.Linking;

/// <summary>How a frontend's slots are linked (`lbbv run --link`, docs/LINKING.md).</summary>
public sealed record LinkOptions
{
    public LinkMode Mode { get; init; } = LinkMode.Indirect;

    /// <summary>Reemit: uses of a resolved link after which it is hot and the unit that jumps
    /// through it is emitted again with a direct jump (`--reemit-after`).</summary>
    public int HotUses { get; init; } = 64;

    /// <summary>Reemit: most bytes of current code one re-emission copies (a loop's units are merged
    /// into one copy up to this size).</summary>
    public int MaxRegionBytes { get; init; } = 32 << 10;

    /// <summary>Reemit: most bytes one hot link may have emitted again, the region and the units
    /// whose direct jumps and calls led into it (their callers, and so on).</summary>
    public int MaxCascadeBytes { get; init; } = 128 << 10;

    /// <summary>Reemit: how many times a link may turn hot. After the first, its uses come from a
    /// replaced copy reached by a stale direct jump, and the units holding those jumps are emitted
    /// again; after the last, the slot stays linked directly.</summary>
    public int MaxHotTurns { get; init; } = 3;

    /// <summary>Reemit: bytes superseded since the last collection of dead copies after which the next
    /// safe point collects again (`--reclaim-after`; 0: never).</summary>
    public long ReclaimAfterBytes { get; init; } = 64 << 10;

    /// <summary>Reemit: a unit is emitted again at most this many times (bounds code growth).</summary>
    public int MaxGenerations { get; init; } = 16;
}
