// How traces link in every --link mode (docs/LINKING.md, "How a frontend links"): the tracer's side
// of the Linker. Side exits, a bridge's jump into a loop and a loop's entry are link sites; an
// exit's slot is parked at its own exit stub until its bridge is linked; a loop's entry slot is
// replaceable (the trace can be discarded); re-emitted copies move each trace's entry.
using Lbbv.Backend.Emission;
using Lbbv.Jit.Linking;
using Lbbv.Tracing.Ir;

namespace Lbbv.Tracing;

internal sealed class TraceLinking(TracingTier tier) : ILinkingFrontend
{
    /// <summary>The group a trace's units are emitted again with: its trace tree (the loop trace a
    /// bridge grew from, through bridges of bridges), so that a loop and its hot bridges become one
    /// copy whose jumps between them are direct.</summary>
    public static int GroupOf(int id, SideExit? fromExit)
    {
        if (fromExit is null) return id;
        var owner = fromExit.Owner;
        while (owner.FromExit is { } from) owner = from.Owner;
        return owner.Id;
    }

    /// <summary>A trace just published: each side exit leads to its own exit stub, parked (its link
    /// site stays an indirect jump, so that the slot can lead to a bridge later in every mode).</summary>
    public static void ParkExits(Linker linker, CompiledTrace trace, Func<Label, nint> addressOf)
    {
        foreach (var exit in trace.Exits) linker.Park(exit.Slot, addressOf(exit.StubLabel));
    }

    public IEnumerable<nint> HeldCodeAddresses() => tier.Traces.Select(t => t.Entry);

    /// <summary>--link reemit: traces whose unit was emitted again are entered at the new copy.</summary>
    public void CodeMoved(IReadOnlyList<(nint From, nint To)> moves, string unitName)
    {
        var byEntry = tier.Traces.ToLookup(t => t.Entry);
        foreach (var (from, to) in moves)
            foreach (var trace in byEntry[from])
            {
                trace.Entry = to;
                trace.UnitName = unitName;
                tier.Statistics.TracesReemitted++;
            }
    }
}
