// The LBBV execution tier: entered by the interpreter at function entry and at hot loop headers,
// it selects (or compiles) the version for the frame's live context and runs it; indirect slot
// stubs call back into it to compile successors lazily.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Lbbv.Backend;
using Lbbv.Backend.Emission;
using Lbbv.Bytecode;
using Lbbv.Jit;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Versioning;

public sealed unsafe class LbbvTier : IExecutionTier, IDisposable
{
    private static volatile LbbvTier? _active;

    private Machinery? _machinery;
    private readonly Dictionary<nint, CompileRequest> _requests = [];
    private readonly List<CodeVersions> _codes = [];
    private readonly Dictionary<(int Offset, TypeContext Context, CodeVersions Code), BlockVersion> _chainFallbacks = [];
    private bool _exhausted;
    /// <summary>Exits seen by reason, by the tier and by FinishCall (a directly called frame's side
    /// exits): allocated here so Install can hand it over without waiting for the machinery.</summary>
    private readonly long[] _exitsSeen = new long[ExitReasons.Count];

    /// <summary>The backend (its code space, and the stencil library prebuilt at build time), the
    /// statistics whose counters live in its data memory, and the compiler. Made at the first
    /// compilation or report: a program that never gets hot never maps a code space.</summary>
    private sealed record Machinery(JitBackend Backend, LbbvStatistics Statistics, BlockCompiler Compiler);

    public LbbvTier(LbbvOptions options)
    {
        Options = options;
    }

    private Machinery BuildMachinery(LbbvOptions options)
    {
        var startup = System.Diagnostics.Stopwatch.StartNew();
        var backend = new JitBackend(PrebuiltStencils.Library, new BackendOptions { KeepListings = options.KeepListings, WritePerfMap = options.WritePerfMap });
        var statistics = new LbbvStatistics(backend, options.CountInCode, _exitsSeen);
        var compiler = new BlockCompiler(this, backend, statistics, options);
        backend.RegisterHelper("helper:GenericOp", OpHelpers.GenericOpAddress);
        backend.RegisterHelper("helper:ToBool", OpHelpers.ToBoolAddress);
        backend.RegisterHelper("helper:ForIterNext", OpHelpers.ForIterAddress);
        backend.RegisterHelper("helper:RangeIter", OpHelpers.RangeIterAddress);
        backend.RegisterHelper("helper:Call", OpHelpers.CallAddress);
        backend.RegisterHelper("helper:CallMethod", OpHelpers.CallMethodAddress);
        backend.RegisterHelper("helper:Contains", OpHelpers.ContainsAddress);
        backend.RegisterHelper("helper:Subscr", OpHelpers.SubscrAddress);
        backend.RegisterHelper("helper:Binary", OpHelpers.BinaryAddress);
        backend.RegisterHelper("helper:BuildSequence", OpHelpers.BuildSequenceAddress);
        backend.RegisterHelper("helper:BuildSlice", OpHelpers.BuildSliceAddress);
        backend.RegisterHelper("helper:SliceSubscr", OpHelpers.SliceSubscrAddress);
        backend.RegisterHelper("helper:RichCompare", OpHelpers.RichCompareAddress);
        backend.RegisterHelper("helper:StoreItem", OpHelpers.StoreItemAddress);
        backend.RegisterHelper("helper:NewInstance", OpHelpers.NewInstanceAddress);
        backend.RegisterHelper("helper:FinishCall", CallHelpers.FinishCallAddress);
        backend.RegisterHelper("helper:FinishInit", CallHelpers.FinishInitAddress);
        backend.RegisterHelper("libm:pow", CFunctions.Pow);
        backend.SetLazyCompiler(&LazyCompile);
        if (Trace) Console.Error.WriteLine($"[lbbv] backend ready in {startup.Elapsed.TotalMilliseconds:F0} ms");
        return new Machinery(backend, statistics, compiler);
    }

    private Machinery M => _machinery ??= BuildMachinery(Options);
    private BlockCompiler Compiler => M.Compiler;

    public LbbvOptions Options { get; }
    public LbbvStatistics Statistics => M.Statistics;
    public JitBackend Backend => M.Backend;
    public IReadOnlyList<CodeVersions> Codes => _codes;

    public int CallThreshold => Math.Max(1, Options.CallThreshold);
    public int BackEdgeThreshold => Math.Max(1, Options.LoopThreshold);

    /// <summary>Makes this tier the interpreter's (and the one the lazy stub calls back).</summary>
    public void Install()
    {
        Array.Clear(OpHelpers.CallsByOp);
        CallHelpers.ExitsSeen = _exitsSeen;
        _active = this;
        Interpreter.Tier = this;
    }

    public void Uninstall()
    {
        if (Interpreter.Tier == this) Interpreter.Tier = null;
        if (_active == this) _active = null;
        if (CallHelpers.ExitsSeen == _exitsSeen) CallHelpers.ExitsSeen = null;
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

    internal CodeVersions? VersionsOf(CodeRuntime cr)
    {
        if (cr.JitState is CodeVersions cv) return cv.Unsupported ? null : cv;
        bool unsupported = cr.IsGenerator || (cr.Code.Flags & CodeFlags.ClassBody) != 0;
        cv = new CodeVersions(cr) { Unsupported = unsupported };
        cv.WorthEntering = cv.Shape.HasLoop || cr.Code.Code.Length >= Options.MinEntryBytecodes;
        cr.JitState = cv;
        _codes.Add(cv);
        return unsupported ? null : cv;
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
        var version = Select(cv, offset, LiveContext(f, cv.Code.SlotCount + depth), f);
        if (version is null) return TierExit.NotHandled;
        Statistics.Entries++;
        var exit = Backend.Enter(version.Address, (nint)f->LocalsPlus, (nint)VmState.P);
        if (Trace) Console.Error.WriteLine($"[lbbv] enter {cv.Code.Code.QualName}@{offset} -> {exit}");
        return HandleExit(f, cv, exit, out result);
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

    private TierExit HandleExit(Frame* f, CodeVersions cv, ExitRecord exit, out Value result)
    {
        result = default;
        var reason = (ExitReason)exit.Reason;
        if ((uint)reason < ExitReasons.Count) Statistics.ExitsSeen[(int)reason]++;
        switch (reason)
        {
            case ExitReason.Return:
                {
                    int depth = cv.Shape.DepthAt(exit.BytecodeOffset);
                    f->Ip = exit.BytecodeOffset;
                    f->Sp = f->StackBase + depth - 1;
                    result = VmState.P->ReturnValue; // ReturnValue's stencil left it there (the slot may be unwritten)
                    return TierExit.Returned;
                }
            case ExitReason.Raised:
                return TierExit.Raised;
            case ExitReason.Handled:
                return TierExit.ContinueAt;
            case ExitReason.Crash:
                {
                    var crash = OpHelpers.Crash ?? new InvalidOperationException("JIT helper crashed");
                    OpHelpers.Crash = null;
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(crash).Throw();
                    return TierExit.NotHandled;
                }
            default:
                if (exit.Reason == ExitRecord.ReasonNoLazyCompiler || exit.BytecodeOffset < 0)
                    throw new InvalidOperationException($"JIT code left with {exit}");
                f->Ip = exit.BytecodeOffset;
                f->Sp = f->StackBase + cv.Shape.DepthAt(exit.BytecodeOffset);
                return TierExit.ContinueAt;
        }
    }

    /// <summary>Exact, best compatible, new under the cap, else generic; compiles with the frame live.</summary>
    private BlockVersion? Select(CodeVersions cv, int offset, TypeContext context, Frame* live)
    {
        context = cv.Canonical(context, offset);
        var selection = VersionSelector.Select(cv.VersionsAt(offset), context, Options.MaxVersions);
        if (selection.Existing is { } existing) return existing;
        return CompileVersion(cv, offset, selection.NewContext, selection.NewIsGeneric, live, noSpeculationAtStart: false);
    }

    private static readonly bool Trace = Environment.GetEnvironmentVariable("LBBV_TRACE") == "1";

    private BlockVersion? CompileVersion(CodeVersions cv, int offset, TypeContext context, bool generic, Frame* live, bool noSpeculationAtStart)
    {
        if (_exhausted) return null;
        if (Trace) Console.Error.WriteLine($"[lbbv] compile {cv.Code.Code.QualName}@{offset} {context} generic={generic} nospec={noSpeculationAtStart}");
        Statistics.CompileTime.Start();
        try
        {
            var v = Compiler.Compile(cv, offset, context, generic, live, noSpeculationAtStart);
            if (v is null) _exhausted = true;
            return v;
        }
        finally { Statistics.CompileTime.Stop(); }
    }

    /// <summary>A chain request: a guard failed at the request's offset. Under the cap, a new version
    /// speculates on what the live values are; at the cap, one version runs the op unspecialized.</summary>
    private BlockVersion? CompileChain(CompileRequest request, Frame* live)
    {
        var cv = request.Code;
        Statistics.ChainCompiles++;
        bool disabled = Options.MaxVersions <= 1;
        if (cv.VersionsAt(request.Offset).Count < Options.MaxVersions)
            return CompileVersion(cv, request.Offset, disabled ? TypeContext.Generic : request.Context, disabled, live, noSpeculationAtStart: false);
        return UnspecializedVersion(request, live, markGeneric: true);
    }

    /// <summary>One version per (offset, context) that runs the op at Offset without speculation
    /// (a chain at the cap, marked generic, or a fast path that declined).</summary>
    private BlockVersion? UnspecializedVersion(CompileRequest request, Frame* live, bool markGeneric)
    {
        var key = (request.Offset, request.Context, request.Code);
        if (_chainFallbacks.TryGetValue(key, out var fallback)) return fallback;
        bool disabled = Options.MaxVersions <= 1;
        fallback = CompileVersion(request.Code, request.Offset, disabled ? TypeContext.Generic : request.Context,
            markGeneric || disabled, live, noSpeculationAtStart: true);
        if (fallback is not null) _chainFallbacks[key] = fallback;
        return fallback;
    }

    /// <summary>libm's <c>double name(double)</c>, named in listings as <c>libm:name</c>.</summary>
    internal nint CFunction(string name)
    {
        nint address = CFunctions.Unary(name);
        Backend.RegisterHelper($"libm:{name}", address);
        return address;
    }

    internal bool TryAllocateSlot(CompileRequest request, string name, out IndirectSlot slot)
    {
        if (!Backend.TryAllocateSlot(name, out slot)) return false;
        _requests[slot.Address] = request;
        return true;
    }

    internal void OnVersionPublished(BlockVersion version) { }

    private readonly HashSet<nint> _keptAlive = [];

    /// <summary>Machine code compares against this object's address: it must never be freed (and reused).</summary>
    internal void KeepAlive(Value value)
    {
        if (_keptAlive.Add((nint)value.Payload)) PermanentRoots.Add(value);
    }

    private nint CompileForSlot(Frame* frame, nint slotAddress, ulong* exitRecord)
    {
        Statistics.StubHits++;
        if (!_requests.TryGetValue(slotAddress, out var request) || !Backend.TryGetSlot(slotAddress, out var slot))
            throw new InvalidOperationException("stub for an unknown slot");
        BlockVersion? version;
        if (request.Kind == RequestKind.Chain) version = CompileChain(request, frame);
        else if (request.Kind == RequestKind.Unspecialized) version = UnspecializedVersion(request, frame, markGeneric: false);
        else version = Select(request.Code, request.Offset, request.Context, frame);
        if (version is null)
        {
            *exitRecord = new ExitRecord((uint)ExitReason.CompileFailed, request.Offset).Pack();
            return 0;
        }
        Backend.Link(slot, version.Address);
        return version.Address;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static nint LazyCompile(nint vm, nint slots, nint slotAddress, ulong* exitRecord)
    {
        // SAFETY: the stub passes r12 (the frame's slot base) and a pointer to its own 8-byte cell.
        var frame = (Frame*)((byte*)slots - FrameLayout.HeaderSize);
        try
        {
            var tier = _active ?? throw new InvalidOperationException("no active LBBV tier");
            return tier.CompileForSlot(frame, slotAddress, exitRecord);
        }
        catch (Exception e)
        {
            OpHelpers.Crash = e;
            *exitRecord = new ExitRecord((uint)ExitReason.Crash, frame->Ip).Pack();
            return 0;
        }
    }

    public void Dispose()
    {
        Uninstall();
        _machinery?.Backend.Dispose();
    }
}
