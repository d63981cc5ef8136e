using Lbbv.Backend;
using Lbbv.Backend.Emission;

namespace Lbbv.Jit.Linking;

/// <summary>
/// Reemit mode: the hot links waiting to be emitted again together (docs/LINKING.md, "When"). Their
/// count-down stubs share one counter, set to <see cref="LinkOptions.BatchWaitUses"/> whenever a link
/// joins or the batch waits again, so that it runs out only once the batch's links were used that
/// many times with no new hot link in between: the program's hot code has stopped changing.
/// </summary>
internal sealed class HotLinkBatch(JitBackend backend, LinkOptions options)
{
    private readonly List<nint> _slots = [];
    private ExitCounter? _count;
    private int _waits;
    private long _compiledAtStart;

    public int Count => _slots.Count;
    public bool Contains(nint slot) => _slots.Contains(slot);
    public void Remove(nint slot) => _slots.Remove(slot);

    /// <summary>Adds a hot link; false when the batch is not to wait (waiting is off, it waited
    /// <see cref="LinkOptions.MaxBatchWaits"/> times, or no space for its counter or stub).</summary>
    public bool TryJoin(IndirectSlot slot, nint target)
    {
        _slots.Add(slot.Address);
        return options.BatchWaitUses > 0 && TryWaitAgain() && backend.TryLinkCounting(slot, target, _count!.Value);
    }

    /// <summary>The count ran out: true, having started the wait again, when the program compiled code
    /// since the wait began (it is still warming up) and the batch may wait once more.</summary>
    public bool StillWarmingUp() => CompiledUnits != _compiledAtStart && TryWaitAgain();

    /// <summary>The batch's slots, in the order they turned hot; the batch is empty after.</summary>
    public List<nint> Take()
    {
        List<nint> slots = [.. _slots];
        _slots.Clear();
        _waits = 0;
        return slots;
    }

    private bool TryWaitAgain()
    {
        if (_waits >= options.MaxBatchWaits) return false;
        if (_count is null)
        {
            if (!backend.TryAllocateCounter("hot-link-batch", out var counter)) return false;
            _count = counter;
        }
        _waits++;
        _compiledAtStart = CompiledUnits;
        backend.WriteCounter(_count.Value, options.BatchWaitUses);
        return true;
    }

    /// <summary>Units the frontend compiled so far: every recipe that is not a re-emitted copy.</summary>
    private long CompiledUnits => backend.Recipes!.All.Count - backend.Counters.UnitsReemitted;
}
