using Lbbv.Backend.Linking;

namespace Lbbv.Jit.Linking;

/// <summary>How a frontend's slots are linked (`lbbv run --link`, docs/LINKING.md).</summary>
public sealed record LinkOptions
{
    public LinkMode Mode { get; init; } = LinkMode.Indirect;

    /// <summary>Reemit: uses of a resolved link after which it is hot and the unit that jumps
    /// through it is emitted again with a direct jump (`--reemit-after`).</summary>
    public int HotUses { get; init; } = 64;

    /// <summary>Reemit: a link that turns hot joins a batch of hot links, which is emitted again once
    /// its links were used this many times in all with no other link turning hot and nothing
    /// compiled meanwhile: the program has stopped warming up (`--reemit-wait`; 0: each hot link is
    /// emitted at once, the policy before batching).</summary>
    public int BatchWaitUses { get; init; } = 4096;

    /// <summary>Reemit: how many times a batch starts its wait again (a new hot link, or code compiled
    /// meanwhile) before it is emitted anyway, so that a program that keeps warming up still gets
    /// direct jumps.</summary>
    public int MaxBatchWaits { get; init; } = 64;

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
