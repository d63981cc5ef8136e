// What LBBV's indirect slots ask for when machine code first jumps through them: the compile
// request behind each slot, and its compilation (a successor block's version, a chain after a
// failed guard, or an op run unspecialized after its fast path declined).
using Lbbv.Backend.Emission;
using Lbbv.Jit;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Versioning;

internal sealed unsafe class VersionRequests(LbbvTier tier) : ILazyCompiler
{
    private readonly Dictionary<nint, CompileRequest> _requests = [];
    private readonly Dictionary<(int Offset, TypeContext Context, ulong Iterators, CodeVersions Code), BlockVersion> _unspecialized = [];

    public bool TryAllocateSlot(CompileRequest request, string name, out IndirectSlot slot)
    {
        if (!tier.Backend.TryAllocateSlot(name, out slot)) return false;
        _requests[slot.Address] = request;
        return true;
    }

    public nint CompileForSlot(Frame* frame, nint slotAddress, ulong* exitRecord)
    {
        tier.Jit.StubHits++;
        if (!_requests.TryGetValue(slotAddress, out var request) || !tier.Backend.TryGetSlot(slotAddress, out var slot))
            throw new InvalidOperationException("stub for an unknown slot");
        var version = request.Kind switch
        {
            RequestKind.Chain => CompileChain(request, frame),
            RequestKind.Unspecialized => UnspecializedVersion(request, frame, markGeneric: false),
            RequestKind.Revalidate when !request.Code.PrunesStale => CompileChain(request, frame),
            RequestKind.Case => CompileCase(request, frame),
            RequestKind.Refresh => RefreshCache(request, frame),
            _ => tier.Select(request.Code, request.Offset, request.Context, frame, request.Iterators),
        };
        if (version is null)
        {
            *exitRecord = new ExitRecord((uint)ExitReason.CompileFailed, request.Offset).Pack();
            return 0;
        }
        tier.Linker.Resolve(slot, version.Address);
        return version.Address;
    }

    /// <summary>A chain request: a guard failed at the request's offset. Under the cap, a new version
    /// speculates on what the live values are; at the cap, one version runs the op unspecialized.</summary>
    private BlockVersion? CompileChain(CompileRequest request, Frame* live)
    {
        var cv = request.Code;
        tier.Statistics.ChainCompiles++;
        bool disabled = tier.Options.MaxVersions <= 1;
        if (cv.VersionsAt(request.Offset).Count < tier.Options.MaxVersions)
            return tier.CompileVersion(cv, request.Offset, disabled ? TypeContext.Generic : request.Context, disabled, live,
                noSpeculationAtStart: false, request.Iterators);
        return UnspecializedVersion(request, live, markGeneric: true);
    }

    /// <summary>A polymorphic cache's class entry: a new version for the live method, a cache's (CacheWays + 1)
    /// entries counted beyond the block's cap; past that, the op unspecialized.</summary>
    private BlockVersion? CompileCase(CompileRequest request, Frame* live)
    {
        var cv = request.Code;
        if (cv.VersionsAt(request.Offset).Count < tier.Options.MaxVersions + CodeRuntime.CacheWays + 1)
            return tier.CompileVersion(cv, request.Offset, request.Context, false, live, noSpeculationAtStart: false, request.Iterators);
        return UnspecializedVersion(request, live, markGeneric: true);
    }

    /// <summary>Refreshes of one op's polymorphic caches before it compiles without one.</summary>
    public const int MaxCacheRefreshes = 4;

    private readonly Dictionary<(CodeVersions Code, int Offset), int> _cacheRefreshes = [];

    public bool MayCache(CodeVersions cv, int offset) =>
        !_cacheRefreshes.TryGetValue((cv, offset), out int n) || n < MaxCacheRefreshes;

    /// <summary>A stale polymorphic cache: the op's unspecialized version compiled again (each
    /// refresh a new version, so a stale copy never leads back to itself).</summary>
    private BlockVersion? RefreshCache(CompileRequest request, Frame* live)
    {
        var op = (request.Code, request.Offset);
        _cacheRefreshes[op] = _cacheRefreshes.GetValueOrDefault(op) + 1;
        _unspecialized.Remove((request.Offset, request.Context, request.Iterators, request.Code));
        return UnspecializedVersion(request, live, markGeneric: true);
    }

    /// <summary>One version per (offset, context) that runs the op at Offset without speculation
    /// (a chain at the cap, marked generic, or a fast path that declined).</summary>
    private BlockVersion? UnspecializedVersion(CompileRequest request, Frame* live, bool markGeneric)
    {
        var key = (request.Offset, request.Context, request.Iterators, request.Code);
        if (_unspecialized.TryGetValue(key, out var fallback)
            && (!fallback.IsStale || (!request.Code.PrunesStale && !fallback.AssumesClassVersion)))
            return fallback;
        bool disabled = tier.Options.MaxVersions <= 1;
        fallback = tier.CompileVersion(request.Code, request.Offset, disabled ? TypeContext.Generic : request.Context,
            markGeneric || disabled, live, noSpeculationAtStart: true, request.Iterators);
        if (fallback is not null) _unspecialized[key] = fallback;
        return fallback;
    }
}
