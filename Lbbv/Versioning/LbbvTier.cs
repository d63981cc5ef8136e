// The LBBV execution tier: entered by the interpreter at function entry and at hot loop headers,
// it selects (or compiles) the version for the frame's live context and runs it; indirect slot
// stubs call back into it to compile successors lazily (VersionRequests).
using Lbbv.Backend;
using Lbbv.Backend.Emission;
using Lbbv.Bytecode;
using Lbbv.Jit;
using Lbbv.Jit.Linking;
using Lbbv.Jit.Lowering;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Versioning;

public sealed unsafe class LbbvTier : IExecutionTier, ILinkingFrontend, IDisposable
{
    private Machinery? _machinery;
    private readonly JitRuntime _runtime;
    private readonly VersionRequests _requests;
    private readonly List<CodeVersions> _codes = [];
    /// <summary>Every published version by its entry address (--link reemit moves them).</summary>
    private readonly Dictionary<nint, BlockVersion> _versionsByAddress = [];
    private bool _exhausted;

    /// <summary>The backend (its code space, and the stencil library prebuilt at build time), the
    /// statistics whose counters live in its data memory, and the compiler. Made at the first
    /// compilation or report: a program that never gets hot never maps a code space.</summary>
    private sealed record Machinery(JitBackend Backend, JitStatistics Jit, LbbvStatistics Statistics,
        UnitCompiler Compiler, Linker Linker);

    public LbbvTier(LbbvOptions options)
    {
        Options = options;
        _requests = new VersionRequests(this);
        _runtime = new JitRuntime(_requests);
    }

    private Machinery BuildMachinery(LbbvOptions options)
    {
        var startup = System.Diagnostics.Stopwatch.StartNew();
        var backend = new JitBackend(PrebuiltStencils.Library, new BackendOptions
        {
            KeepListings = options.KeepListings,
            WritePerfMap = options.WritePerfMap,
            LinkMode = options.Link.Mode,
            TrackPublishedHashes = options.TrackPublishedHashes,
            CountFrameTraffic = options.CountFrameTraffic,
        });
        var linker = new Linker(backend, options.Link, this);
        _runtime.Linker = linker;
        var jit = new JitStatistics(backend, options.CountInCode, _runtime);
        var statistics = new LbbvStatistics(this, jit);
        var compiler = new UnitCompiler(this, backend, jit, statistics, options, _runtime);
        JitRuntime.Attach(backend);
        if (Trace) Console.Error.WriteLine($"[lbbv] backend ready in {startup.Elapsed.TotalMilliseconds:F0} ms");
        return new Machinery(backend, jit, statistics, compiler, linker);
    }

    private Machinery M => _machinery ??= BuildMachinery(Options);

    public LbbvOptions Options { get; }
    /// <summary>The LBBV counters (versions, units, chains) and the report of every counter.</summary>
    public LbbvStatistics Statistics => M.Statistics;
    /// <summary>The counters every JIT frontend shares (type tests, helpers, exits, ...).</summary>
    public JitStatistics Jit => M.Jit;
    public JitBackend Backend => M.Backend;

    /// <summary>The name of a class a context names by id (`--dump-versions`).</summary>
    internal string ClassName(int id) => _machinery?.Compiler.ClassName(id) ?? $"#{id}";
    /// <summary>Links the slots the stubs compile targets for (docs/LINKING.md).</summary>
    public Linker Linker => M.Linker;
    public IReadOnlyList<CodeVersions> Codes => _codes;

    public int CallThreshold => Math.Max(1, Options.CallThreshold);
    public int BackEdgeThreshold => Math.Max(1, Options.LoopThreshold);

    internal static readonly bool Trace = Environment.GetEnvironmentVariable("LBBV_TRACE") == "1";

    /// <summary>Makes this tier the interpreter's (and its runtime the one machine code calls back).</summary>
    public void Install()
    {
        _runtime.Install();
        Interpreter.Tier = this;
    }

    public void Uninstall()
    {
        if (Interpreter.Tier == this) Interpreter.Tier = null;
        _runtime.Uninstall();
    }

    /// <summary>Function entry. Outside the stress setting (call threshold 0), a function with no
    /// loop and fewer than <see cref="LbbvOptions.MinEntryBytecodes"/> instructions stays in the
    /// interpreter: entering machine code costs about 50 ns (context read, selection, trampoline),
    /// more than such a body saves.</summary>
    public TierExit OnEntry(Frame* f, out Value result)
    {
        result = default;
        if (Options.CallThreshold > 0)
        {
            var cr = f->Code;
            if (cr.JitState is CodeVersions { WorthEntering: false }) return TierExit.NotHandled;
            if (cr.JitState is null && VersionsOf(cr) is { } cv && !cv.WorthEntering) return TierExit.NotHandled;
        }
        return Run(f, out result);
    }

    public TierExit OnBackEdge(Frame* f, out Value result) => Run(f, out result);

    /// <summary>The version table of a code, made at its first use; null for code never compiled.</summary>
    internal CodeVersions? VersionsOf(CodeRuntime cr)
    {
        if (cr.JitState is CodeVersions cv) return cv.Unsupported ? null : cv;
        cv = new CodeVersions(cr);
        cv.WorthEntering = cv.Shape.HasLoop || cr.Code.Code.Length >= Options.MinEntryBytecodes;
        cr.JitState = cv;
        _codes.Add(cv);
        return cv.Unsupported ? null : cv;
    }

    private TierExit Run(Frame* f, out Value result)
    {
        result = default;
        if (_exhausted || f->Locals != 0) return TierExit.NotHandled;
        var cv = VersionsOf(f->Code);
        if (cv is null) return TierExit.NotHandled;
        int offset = f->Ip;
        int depth = (int)(f->Sp - f->StackBase);
        if (cv.Shape.DepthAt(offset) != depth) return TierExit.NotHandled;
        var entry = cv.FromInterpreter(LiveContext(f, cv.Code.SlotCount + depth), offset);
        var version = Select(cv, offset, entry, f,
            Options.MaxVersions > 1 ? LiveIterators(f, cv.Code.SlotCount, depth) : 0);
        if (version is null) return TierExit.NotHandled;
        Jit.Entries++;
        var exit = Backend.Enter(version.Address, (nint)f->LocalsPlus, (nint)VmState.P, (nint)(&VmState.P->ReturnValue));
        if (Trace) Console.Error.WriteLine($"[lbbv] enter {cv.Code.Code.QualName}@{offset} -> {exit}");
        return ExitHandling.Resume(f, cv, exit, _runtime, out result);
    }

    /// <summary>The context of a live frame: the type of every local and stack slot from its tags
    /// (packed directly, 4 bits per slot, as TypeContext.FromTags would).</summary>
    private static TypeContext LiveContext(Frame* f, int slots)
    {
        int n = Math.Min(slots, TypeContext.Capacity);
        var values = f->LocalsPlus;
        ulong low = 0, high = 0;
        for (int s = 0; s < n; s++)
        {
            var v = values[s];
            var type = v.IsObject ? TagMapping.FromObjectKind((byte)v.Kind) : TagMapping.FromTag((byte)v.Tag, 0);
            if (s < 16) low |= (ulong)type << (4 * s);
            else high |= (ulong)type << (4 * (s - 16));
        }
        return TypeContext.FromBits(low, high);
    }

    /// <summary>The native iterators a live frame's stack holds, by kind: what the version entered
    /// now may assume (<see cref="ProvenIterators"/>), as <see cref="LiveContext"/> reads the tags.</summary>
    private static ulong LiveIterators(Frame* f, int locals, int depth)
    {
        ulong proven = 0;
        for (int e = 0; e < depth; e++)
        {
            var v = f->LocalsPlus[locals + e];
            if (!v.IsObject) continue;
            if (v.Kind == ObjectKind.RangeIterator) proven = ProvenIterators.With(proven, e, ProvenIterators.Range);
            else if (v.Kind == ObjectKind.ListIterator) proven = ProvenIterators.With(proven, e, ProvenIterators.List);
        }
        return proven;
    }

    /// <summary>Exact, best compatible, new under the cap, else generic; compiles with the frame live.</summary>
    internal BlockVersion? Select(CodeVersions cv, int offset, TypeContext context, Frame* live, ulong iterators = 0)
    {
        context = cv.Canonical(context, offset);
        iterators = cv.CanonicalIterators(iterators, offset);
        var selection = VersionSelector.Select(cv.VersionsAt(offset), context, Options.MaxVersions, iterators,
            cv.LoopVariable(offset));
        if (selection.Existing is { } existing) return existing;
        return CompileVersion(cv, offset, selection.NewContext, selection.NewIsGeneric, live, noSpeculationAtStart: false,
            selection.NewIterators);
    }

    internal BlockVersion? CompileVersion(CodeVersions cv, int offset, TypeContext context, bool generic, Frame* live,
        bool noSpeculationAtStart, ulong iterators = 0)
    {
        if (_exhausted) return null;
        if (Trace) Console.Error.WriteLine($"[lbbv] compile {cv.Code.Code.QualName}@{offset} {context} generic={generic} nospec={noSpeculationAtStart}");
        Jit.CompileTime.Start();
        try
        {
            var v = M.Compiler.Compile(cv, offset, context, generic, live, noSpeculationAtStart, generic ? 0 : iterators);
            if (v is null) _exhausted = true;
            return v;
        }
        finally { Jit.CompileTime.Stop(); }
    }

    internal bool TryAllocateSlot(CompileRequest request, string name, out IndirectSlot slot) =>
        _requests.TryAllocateSlot(request, name, out slot);

    /// <summary>Whether the op at <paramref name="offset"/> may still compile to a polymorphic inline
    /// cache (not once its caches went stale too often: <see cref="VersionRequests"/>).</summary>
    internal bool MayCache(CodeVersions cv, int offset) => _requests.MayCache(cv, offset);

    internal void NotePublished(BlockVersion version)
    {
        _versionsByAddress[version.Address] = version;
        if (version.BodyAddress != version.Address) _versionsByBody[version.BodyAddress] = version;
    }

    /// <summary>Versions whose body (after their cached locals' loads) is not their entry, by body address.</summary>
    private readonly Dictionary<nint, BlockVersion> _versionsByBody = [];

    /// <summary>--link reemit: versions whose unit was emitted again now start in the new copy
    /// (entries from the interpreter and code compiled from now on go there).</summary>
    public void CodeMoved(IReadOnlyList<(nint From, nint To)> moves, string unitName)
    {
        foreach (var (from, to) in moves)
        {
            if (_versionsByBody.Remove(from, out var moved))
            {
                moved.BodyAddress = to;
                _versionsByBody[to] = moved;
            }
            if (!_versionsByAddress.Remove(from, out var version)) continue;
            version.Address = to;
            version.UnitName = unitName;
            _versionsByAddress[to] = version;
            Statistics.VersionsReemitted++;
        }
    }

    /// <summary>--link reemit: every version's entry (moved ones included), which no collection retires.</summary>
    public IEnumerable<nint> HeldCodeAddresses() => _versionsByAddress.Keys.Concat(_versionsByBody.Keys);

    public void Dispose()
    {
        Uninstall();
        _machinery?.Backend.Dispose();
    }
}
