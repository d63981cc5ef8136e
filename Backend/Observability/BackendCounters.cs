using Lbbv.Backend.Stencils;

namespace Lbbv.Backend.Observability;

/// <summary>
/// Counters the backend really increments (on the publishing path, never estimated). Exit counts
/// live in data cells that machine code increments; read them with JitBackend.Read.
/// </summary>
public sealed class BackendCounters
{
    internal readonly long[] StencilsByKindArray = new long[Enum.GetValues<StencilKind>().Length];

    public long UnitsPublished { get; internal set; }
    public long BytesPublished { get; internal set; }
    /// <summary>int3 bytes between units (unit alignment).</summary>
    public long PaddingBytes { get; internal set; }
    public long SlotsAllocated { get; internal set; }
    public long SlotLinks { get; internal set; }
    public long CountersAllocated { get; internal set; }
    /// <summary>Units that did not fit: the frontend fell back to the interpreter.</summary>
    public long CodeSpaceExhausted { get; internal set; }
    /// <summary>Slots or counters that did not fit in the data region.</summary>
    public long DataSpaceExhausted { get; internal set; }

    public long StencilsEmitted(StencilKind kind) => StencilsByKindArray[(int)kind];
    public long StencilsEmittedTotal => StencilsByKindArray.Sum();

    /// <summary>Every counter as (name, value), for statistics output.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Snapshot()
    {
        var list = new List<KeyValuePair<string, long>>
        {
            new("backend.units_published", UnitsPublished),
            new("backend.bytes_published", BytesPublished),
            new("backend.padding_bytes", PaddingBytes),
            new("backend.stencils_emitted", StencilsEmittedTotal),
            new("backend.slots_allocated", SlotsAllocated),
            new("backend.slot_links", SlotLinks),
            new("backend.counters_allocated", CountersAllocated),
            new("backend.code_space_exhausted", CodeSpaceExhausted),
            new("backend.data_space_exhausted", DataSpaceExhausted),
        };
        foreach (var kind in Enum.GetValues<StencilKind>())
            list.Add(new($"backend.stencils.{kind}", StencilsEmitted(kind)));
        return list;
    }
}
