using Lbbv.Backend.Linking;

namespace Lbbv.Jit.Linking;

/// <summary>
/// Reemit mode: which slots the Linker pointed into each current unit, so that emitting units again
/// re-points only the slots that led into the copies it replaced, not every slot of the program (a
/// program whose traces are discarded at every call piles up tens of thousands of exit slots; fuzz
/// seed 54663). An entry can be stale (the slot was pointed elsewhere since): the caller compares the
/// slot's target with where that code is now, as it did for every slot before.
/// </summary>
internal sealed class SlotTargets(CodeMap map)
{
    private readonly Dictionary<UnitRecipe, HashSet<nint>> _slotsInto = [];

    /// <summary>The slot at <paramref name="slot"/> now leads to <paramref name="target"/>; noted under
    /// the current unit that holds the target's code (none: a stub or a helper, which never moves).</summary>
    public void Note(nint slot, nint target)
    {
        if (map.Containing(map.CurrentAddress(target)) is not { } unit) return;
        if (!_slotsInto.TryGetValue(unit, out var slots)) _slotsInto[unit] = slots = [];
        slots.Add(slot);
    }

    /// <summary>The slots noted into <paramref name="replaced"/>, which no slot is pointed into again.</summary>
    public IEnumerable<nint> Take(UnitRecipe replaced) =>
        _slotsInto.Remove(replaced, out var slots) ? slots : [];
}
