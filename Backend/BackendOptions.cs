using Lbbv.Backend.Linking;

namespace Lbbv.Backend;

/// <summary>How a <see cref="JitBackend"/> is set up.</summary>
public sealed record BackendOptions
{
    /// <summary>Code space reserved up front (pages are committed as they are written).</summary>
    public long CodeSize { get; init; } = 256L << 20;
    /// <summary>Data region for indirect slots and counters, placed right before the code.</summary>
    public long DataSize { get; init; } = 16L << 20;
    /// <summary>Alignment of each published unit; the gap is filled with int3.</summary>
    public int UnitAlignment { get; init; } = 16;
    /// <summary>Keep which stencil produced which bytes, for <c>--dump-asm</c>.</summary>
    public bool KeepListings { get; init; }
    /// <summary>Append every published range to <c>/tmp/perf-&lt;pid&gt;.map</c> (<c>--perf-map</c>).</summary>
    public bool WritePerfMap { get; init; }
    /// <summary>Overrides the perf map path (tests).</summary>
    public string? PerfMapPath { get; init; }
    /// <summary>Hash every published range so that <see cref="JitBackend.FindModifiedCode"/> can prove immutability.</summary>
    public bool TrackPublishedHashes { get; init; }
    /// <summary>Count the frame slot loads and stores machine code executes (<c>--count-frame-traffic</c>):
    /// each stencil that has any is preceded by a flags-preserving counter add.</summary>
    public bool CountFrameTraffic { get; init; }
    /// <summary>How slots are linked once their target exists (docs/LINKING.md).</summary>
    public LinkMode LinkMode { get; init; } = LinkMode.Indirect;
}
