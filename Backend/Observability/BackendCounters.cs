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

    /// <summary>Places in published units that leave through an indirect slot (jumps and calls).</summary>
    public long LinkSites { get; internal set; }
    /// <summary>--link patch: link sites rewritten in place into a direct jump or call.</summary>
    public long LinksPatched { get; internal set; }
    /// <summary>--link reemit: slots linked through a count-down stub (a link whose uses are counted).</summary>
    public long CountDownsLinked { get; internal set; }
    /// <summary>--link reemit: units emitted again (each replacing one or more current units).</summary>
    public long UnitsReemitted { get; internal set; }
    public long BytesReemitted { get; internal set; }
    /// <summary>Bytes of code nothing leads to any more but a stale direct jump or a suspended
    /// activation (replaced units), or nothing at all (count-down stubs of relinked slots).</summary>
    public long BytesSuperseded { get; internal set; }
    /// <summary>--link reemit: bytes of replaced copies proven dead at a safe point and retired
    /// (CopyCollector), and the collections that looked for them.</summary>
    public long BytesReclaimed { get; internal set; }
    public long CopyCollections { get; internal set; }
    /// <summary>--link reemit: return addresses of suspended activations moved into a newer copy.</summary>
    public long ReturnAddressesRedirected { get; internal set; }

    /// <summary>Published code bytes minus the superseded ones.</summary>
    public long BytesInUse => BytesPublished - BytesSuperseded;

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
            new("backend.link_sites", LinkSites),
            new("backend.links_patched", LinksPatched),
            new("backend.count_downs_linked", CountDownsLinked),
            new("backend.units_reemitted", UnitsReemitted),
            new("backend.bytes_reemitted", BytesReemitted),
            new("backend.bytes_superseded", BytesSuperseded),
            new("backend.bytes_reclaimed", BytesReclaimed),
            new("backend.return_addresses_redirected", ReturnAddressesRedirected),
        };
        foreach (var kind in Enum.GetValues<StencilKind>())
            list.Add(new($"backend.stencils.{kind}", StencilsEmitted(kind)));
        return list;
    }
}
