using Lbbv.Backend.Memory;

namespace Lbbv.Backend.Linking;

/// <summary>
/// Retires the replaced copies of <c>--link reemit</c> that can never run again. It runs only at a
/// safe point, when no machine code is running (<see cref="JitBackend.Enter"/> from the
/// interpreter, not nested in a helper): then no activation of any unit is on the stack, so no
/// frame is inside an old copy and no return address points into one. What can still lead into
/// code is then exactly: the current units; every indirect slot (its cell: the whole data region is
/// scanned, conservatively); the target of each count-down stub a slot leads to; the entries the
/// frontend holds and the code about to be entered; and, transitively, the direct jumps and calls
/// of every unit reached so far. A replaced copy none of these reaches is dead: its
/// range is no longer hashed or listed, and its whole pages go back to the system
/// (<see cref="CodeSpace.Retire"/>). Addresses are never reused, so no code is ever written over.
/// </summary>
internal sealed class CopyCollector(JitBackend backend, SlotLinks links)
{
    /// <summary>What the last collection examined: units reached, data words scanned, slots and held
    /// addresses. It follows the size of the whole program's code, not the garbage found.</summary>
    public long LastWork { get; private set; }

    public long Collect(CodeMap map, IEnumerable<nint> held, IEnumerable<nint> slotCells)
    {
        var live = new HashSet<UnitRecipe>();
        var work = new Stack<UnitRecipe>();
        long examined = 0;
        void Reach(nint address)
        {
            examined++;
            if (map.Containing(address) is { Reclaimed: false } unit && live.Add(unit)) work.Push(unit);
        }
        foreach (var unit in map.Current) Reach(unit.Code.Start);
        // Every word of data memory that looks like an address of code (slots, and anything else a
        // frontend might keep there), conservatively; and where each slot's count-down stub goes on.
        var space = backend.Space;
        for (nint cell = space.DataStart; cell < space.DataStart + (nint)space.DataBytesUsed; cell += 8)
            Reach((nint)DataCells.Read(cell));
        foreach (nint slot in slotCells) Reach(links.TargetOf(slot));
        foreach (nint address in held) Reach(address);
        var callDirect = backend.Stencils.Link.CallDirect;
        while (work.TryPop(out var unit))
            foreach (var (target, _) in unit.DirectTargets(callDirect)) Reach(target);

        LastWork = examined;
        var dead = map.All.Where(u => !u.IsCurrent && !u.Reclaimed && !live.Contains(u)).ToHashSet();
        if (dead.Count == 0) return 0;
        long bytes = 0;
        foreach (var unit in dead)
        {
            unit.Reclaimed = true;
            bytes += unit.Code.Size;
            backend.ForgetListing(unit.Code.Start);
        }
        // Runs of retired units published one after the other: their pages hold nothing else.
        var retired = map.All.Where(u => u.Reclaimed).ToList();
        for (int i = 0; i < retired.Count;)
        {
            int j = i;
            while (j + 1 < retired.Count && retired[j + 1].Sequence == retired[j].Sequence + 1) j++;
            if (retired.Skip(i).Take(j - i + 1).Any(dead.Contains))
                backend.Space.Retire(retired[i].Code.Start, retired[j].Code.End,
                    [.. retired.Skip(i).Take(j - i + 1).Select(u => (u.Code.Start, u.Code.Size))]);
            i = j + 1;
        }
        backend.Counters.BytesReclaimed += bytes;
        return bytes;
    }
}
