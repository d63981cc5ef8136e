// The tracing tier: the interpreter offers it every loop back-edge and every call. A loop header
// counts its back-edges, a function its calls; at --trace-threshold the loop (or the function from
// its entry) is recorded (the interpreter's recording mode), turned into the trace IR, optimized and
// compiled, and entered right away. A side exit that fails
// --bridge-threshold times records a bridge from where it left, and the exit's slot is re-pointed
// to it. Traces that relied on classes or globals are not entered once those change.
using Lbbv.Backend;
using Lbbv.Backend.Emission;
using Lbbv.Jit;
using Lbbv.Jit.Linking;
using Lbbv.Jit.Lowering;
using Lbbv.Runtime;
using ThreadState = Lbbv.Runtime.ThreadState;
using Lbbv.Tracing.Compile;
using Lbbv.Tracing.Ir;
using Lbbv.Tracing.Passes;
using Lbbv.Tracing.Recording;

namespace Lbbv.Tracing;

public sealed unsafe class TracingTier : IExecutionTier, ILazyCompiler, IDisposable
{
    private Machinery? _machinery;
    private readonly JitRuntime _runtime;
    private readonly List<TraceCode> _codes = [];
    private readonly List<SideExit?> _exits = [null];
    private readonly Dictionary<LoopHeader, IndirectSlot> _entrySlots = [];
    private readonly Dictionary<nint, LoopHeader> _headerOfSlot = [];
    private readonly Dictionary<nint, FunctionEntry> _entryOfCallSlot = [];
    private readonly Action _markRoots;
    private Recorder? _recorder;
    private bool _exhausted;

    private sealed record Machinery(JitBackend Backend, JitStatistics Jit, TraceStatistics Statistics, TraceCompiler Compiler,
        Linker Linker);

    public TracingTier(TraceOptions options)
    {
        Options = options;
        _runtime = new JitRuntime(this);
        _markRoots = () => _recorder?.MarkRoots();
    }

    private Machinery BuildMachinery()
    {
        var backend = new JitBackend(PrebuiltStencils.Library,
            new BackendOptions
            {
                KeepListings = Options.KeepListings, WritePerfMap = Options.WritePerfMap, LinkMode = Options.Link.Mode,
                TrackPublishedHashes = Options.TrackPublishedHashes, CountFrameTraffic = Options.CountFrameTraffic,
            });
        var linker = new Linker(backend, Options.Link, new TraceLinking(this));
        _runtime.Linker = linker;
        var jit = new JitStatistics(backend, Options.CountInCode, _runtime);
        var statistics = new TraceStatistics(this, jit);
        var compiler = new TraceCompiler(this, new Lowerer(backend, jit, _runtime));
        JitRuntime.Attach(backend);
        return new Machinery(backend, jit, statistics, compiler, linker);
    }

    private Machinery M => _machinery ??= BuildMachinery();

    public TraceOptions Options { get; }
    public TraceStatistics Statistics => M.Statistics;
    public JitStatistics Jit => M.Jit;
    public JitBackend Backend => M.Backend;
    /// <summary>Links exits to bridges and loop entries to traces, in every --link mode (TraceLinking).</summary>
    public Linker Linker => M.Linker;
    public IReadOnlyList<TraceCode> Codes => _codes;
    /// <summary>Every trace and bridge compiled, in order.</summary>
    public List<CompiledTrace> Traces { get; } = [];
    /// <summary>Call sites whose inlining reached --max-inline-depth: later recordings leave them to
    /// the interpreter's call.</summary>
    internal HashSet<(TraceCode Code, int Offset)> NotInlined { get; } = [];

    /// <summary>Every call is offered (the tier counts per function) when entry traces are on.</summary>
    public int CallThreshold => Options.TraceFunctionEntries ? 1 : 0;
    /// <summary>Every back-edge is offered: the tier counts per loop header.</summary>
    public int BackEdgeThreshold => 1;

    internal static readonly bool Trace = Environment.GetEnvironmentVariable("LBBV_TRACE") == "1";

    public void Install()
    {
        _runtime.Install();
        Interpreter.Tier = this;
    }

    /// <summary>Roots the recording's values. Registered when a recording starts, not at Install: a run
    /// resets the runtime (RuntimeState.Reset clears Gc.RootProviders) after the tier is installed, and a
    /// provider added before that was dropped, so a collection while recording freed recorded values
    /// (fuzz seeds 23, 52, 225, 358: a bridge read a freed function).</summary>
    private void RootRecordings()
    {
        if (!Gc.RootProviders.Contains(_markRoots)) Gc.RootProviders.Add(_markRoots);
    }

    public void Uninstall()
    {
        if (Interpreter.Tier == this) Interpreter.Tier = null;
        if (Interpreter.Recorder == _recorder) Interpreter.Recorder = null;
        Gc.RootProviders.Remove(_markRoots);
        _runtime.Uninstall();
    }

    /// <summary>A call: the function's entry trace runs it, or the call counts towards recording one.</summary>
    public TierExit OnEntry(Frame* f, out Value result)
    {
        result = default;
        // Module code (no function) runs once: nothing to gain, and a recording of it would keep
        // every frame it calls out of the tier until it aborts.
        if (_recorder != null || _exhausted || f->Function == 0 || f->Locals != 0 || f->Generator != 0)
            return TierExit.NotHandled;
        if (CodeOf(f->Code) is not { } code) return TierExit.NotHandled;
        var entry = code.Entry;
        if (entry.Trace is { } trace)
        {
            if (Enterable(trace))
            {
                Statistics.EntryTraceRuns++;
                return Run(f, code, trace, out result);
            }
            Invalidate(entry);
        }
        if (!IsDue(entry)) return TierExit.NotHandled;
        return RecordEntry(f, code, entry, out result);
    }

    /// <summary>Counts an arrival at <paramref name="anchor"/>: whether it is time to record it.</summary>
    private bool IsDue(TraceAnchor anchor)
    {
        anchor.Count++;
        if (anchor.NextAttemptAt < 0) anchor.NextAttemptAt = Options.EffectiveTraceThreshold;
        return anchor.Count >= anchor.NextAttemptAt;
    }

    /// <summary>Exponential back-off: the next attempt after twice as many arrivals as the last.</summary>
    private void BackOff(TraceAnchor anchor)
    {
        anchor.Aborts++;
        anchor.NextAttemptAt = anchor.Count + ((long)Options.EffectiveTraceThreshold << Math.Min(anchor.Aborts, 20));
    }

    /// <summary>The record of a code the tracer may compile (null: generators, class bodies).</summary>
    internal TraceCode? CodeOf(CodeRuntime cr)
    {
        if (cr.JitState is TraceCode tc) return tc.Unsupported ? null : tc;
        if (cr.JitState is not null) return null;
        tc = new TraceCode(cr);
        cr.JitState = tc;
        _codes.Add(tc);
        return tc.Unsupported ? null : tc;
    }

    public TierExit OnBackEdge(Frame* f, out Value result)
    {
        result = default;
        // One recording at a time: a frame running inside a recording (an inlined call, a call the
        // trace leaves to the interpreter) is not offered anything else meanwhile.
        if (_recorder != null || _exhausted || f->Locals != 0 || f->Generator != 0) return TierExit.NotHandled;
        if (CodeOf(f->Code) is not { } code || code.HeaderAt(f->Ip) is not { } header) return TierExit.NotHandled;
        if (code.Shape.DepthAt(header.Offset) != (int)(f->Sp - f->StackBase)) return TierExit.NotHandled;
        if (header.Trace is { } trace)
        {
            if (Enterable(trace)) return Run(f, code, trace, out result);
            Invalidate(header);
        }
        if (!IsDue(header)) return TierExit.NotHandled;
        return RecordLoop(f, code, header, out result);
    }

    // ---- recording

    private TierExit RecordLoop(Frame* f, TraceCode code, LoopHeader header, out Value result)
    {
        Statistics.LoopsRecorded++;
        var recorder = new Recorder(this, f, code, header);
        var ended = Record(recorder, out result);
        if (ended != RecordExit.Stopped) return ended == RecordExit.Returned ? TierExit.Returned : TierExit.Raised;
        var compiled = recorder.State == RecordingState.Closed ? CompileRecording(recorder, code, header, null) : null;
        if (recorder.State == RecordingState.Aborted && recorder.Abort == AbortReason.LoopExit)
        {
            header.NextAttemptAt = header.Count + 1;
            return TierExit.ContinueAt;
        }
        if (compiled is null)
        {
            BackOff(header);
            return TierExit.ContinueAt;
        }
        header.Trace = compiled;
        Linker.ResolveReplaceable(EntrySlotOf(header), compiled.Entry);
        return ContinueIn(f, code, recorder.ClosedAt!, out result);
    }

    /// <summary>Records the function from its entry (the frame is at offset 0); once compiled, its
    /// calls from the interpreter (and from residual calls in traces) enter the trace.</summary>
    private TierExit RecordEntry(Frame* f, TraceCode code, FunctionEntry entry, out Value result)
    {
        Statistics.EntriesRecorded++;
        var recorder = new Recorder(this, f, code, loop: null, functionEntry: true);
        var ended = Record(recorder, out result);
        if (ended != RecordExit.Stopped) return ended == RecordExit.Returned ? TierExit.Returned : TierExit.Raised;
        var compiled = recorder.State == RecordingState.Closed ? CompileRecording(recorder, code, entry, null) : null;
        if (compiled is null)
        {
            BackOff(entry);
            return TierExit.ContinueAt;
        }
        entry.Trace = compiled;
        // A trace that ends in a return stopped before it: the interpreter runs the return.
        return recorder.ClosedAt is { } target ? ContinueIn(f, code, target, out result) : TierExit.ContinueAt;
    }

    /// <summary>Runs a recording from the frame's Ip (installed as the interpreter's recorder).</summary>
    private RecordExit Record(Recorder recorder, out Value result)
    {
        RootRecordings();
        _recorder = recorder;
        Interpreter.Recorder = recorder;
        Statistics.RecordingTime.Start();
        try
        {
            return Interpreter.Record(recorder.Root, out result);
        }
        finally
        {
            Statistics.RecordingTime.Stop();
            Interpreter.Recorder = null;
            _recorder = null;
            if (recorder.State == RecordingState.Aborted) Statistics.Aborts[(int)recorder.Abort]++;
            if (Trace) Console.Error.WriteLine($"[trace] recording from {recorder.Root->Code.Code.QualName}@{recorder.StartOffset}: {recorder.State} {(recorder.State == RecordingState.Aborted ? recorder.Abort : "")} after {recorder.Ops.Count} ops");
        }
    }

    /// <summary>The recording as IR, optimized, compiled and published; null when it cannot be.</summary>
    private CompiledTrace? CompileRecording(Recorder recorder, TraceCode code, TraceAnchor? anchor, SideExit? fromExit)
    {
        _recorder = recorder; // its values stay rooted while the compiler reads them
        Jit.CompileTime.Start();
        try
        {
            var trace = TraceBuilder.Build(recorder, code, anchor, Options.KeepIr);
            Statistics.NoteLength(trace.RecordedOps);
            var unoptimized = Options.KeepIr ? trace.Ops.Select(o => o.Clone()).ToList() : null;
            PassPipeline.Run(trace, Options, Statistics);
            var compiled = M.Compiler.Compile(trace, fromExit, unoptimized, out string? failure);
            if (compiled is null)
            {
                Statistics.CompileFailures++;
                if (failure == "code space exhausted") _exhausted = true;
                if (Trace) Console.Error.WriteLine($"[trace] not compiled: {failure}");
                return null;
            }
            trace.ForgetObservations();
            Traces.Add(compiled);
            Statistics.GuardsEmitted += compiled.GuardsEmitted;
            if (fromExit is not null) Statistics.BridgesCompiled++;
            else if (anchor is FunctionEntry) Statistics.EntryTracesCompiled++;
            else Statistics.TracesCompiled++;
            if (Trace) Console.Error.WriteLine($"[trace] compiled {compiled.Name} ({trace.Ops.Count} ops, {compiled.CodeBytes} bytes)");
            return compiled;
        }
        finally
        {
            Jit.CompileTime.Stop();
            _recorder = null;
        }
    }

    // ---- running traces

    /// <summary>After a recording closed at <paramref name="header"/> with the frame stopped there:
    /// enters its trace.</summary>
    private TierExit ContinueIn(Frame* f, TraceCode code, LoopHeader header, out Value result)
    {
        result = default;
        if (header.Trace is not { } trace || f->Ip != header.Offset) return TierExit.ContinueAt;
        return Run(f, code, trace, out result);
    }

    private TierExit Run(Frame* f, TraceCode code, CompiledTrace trace, out Value result)
    {
        while (true)
        {
            Jit.Entries++;
            trace.Entries++;
            var raw = Backend.Enter(trace.Entry, (nint)f->LocalsPlus, (nint)VmState.P, (nint)(&VmState.P->ReturnValue));
            var (exit, side) = NoteExit(raw);
            if (Trace) Console.Error.WriteLine($"[trace] {trace.Name} left: {exit}{(side != null ? $" exit {side.Id} ({side.Kind}, taken {side.Taken})" : "")}");
            bool counted = false;
            if (ThreadState.Current != f)
            {
                if ((uint)exit.Reason < ExitReasons.Count) _runtime.ExitsSeen[exit.Reason]++;
                exit = TraceExits.FinishInlinedFrames(f, exit);
                counted = true;
            }
            var resumed = ExitHandling.Resume(f, code, exit, _runtime, out result, count: !counted);
            if (side != null && IsHotInlinedExit(side)) StopInlining(side);
            if (resumed != TierExit.ContinueAt || side is null || !WantsBridge(side, f)) return resumed;
            var next = RecordBridge(f, code, side, out var bridgeEnded, out result);
            if (next is null) return bridgeEnded;
            trace = next;
        }
    }

    /// <summary>The shared record of a trace's exit and the side exit it took (counted), if any.</summary>
    private (ExitRecord Exit, SideExit? Side) NoteExit(ExitRecord raw)
    {
        var (exit, exitId) = TraceExits.Decode(raw);
        var side = exitId > 0 && exitId < _exits.Count ? _exits[exitId] : null;
        if (side != null)
        {
            side.Taken++;
            Statistics.SideExitsTaken[(int)side.Kind]++;
        }
        return (exit, side);
    }

    // ---- direct calls from traces

    /// <summary>The slot through which traces call <paramref name="entry"/>'s function directly.</summary>
    internal bool TryCallSlot(FunctionEntry entry, out IndirectSlot slot)
    {
        if (entry.CallSlot is { } existing) { slot = existing; return true; }
        if (!Backend.TryAllocateSlot($"call:{entry}", out slot)) return false;
        entry.CallSlot = slot;
        _entryOfCallSlot[slot.Address] = entry;
        return true;
    }

    /// <summary>The stub of a call slot: the function's entry trace when it may be entered (the slot is
    /// linked to it), else an exit at the callee's entry, where FinishCall runs the callee in the
    /// interpreter (which offers the call to <see cref="OnEntry"/>: counted, recorded, run).</summary>
    private nint EnterCallee(FunctionEntry entry, IndirectSlot slot, ulong* exitRecord)
    {
        if (entry.Trace is { } trace && Enterable(trace))
        {
            Linker.ResolveReplaceable(slot, trace.Entry);
            return trace.Entry;
        }
        *exitRecord = new ExitRecord((uint)ExitReason.GuardFailed, 0).Pack();
        return 0;
    }

    /// <summary>A directly called frame left its trace: the exit is counted as the tier counts it and
    /// inlined frames above the callee are finished; an exit that wants a bridge records it here, as
    /// <see cref="Run"/> does (the callee is the current frame, stopped where the exit left it).
    /// Returns where FinishCall finishes the callee in the interpreter.</summary>
    public ExitRecord CalleeLeft(Frame* caller, ExitRecord raw)
    {
        var (exit, side) = NoteExit(raw);
        Frame* callee = ThreadState.Current;
        while (callee->Back != caller) callee = callee->Back;
        if (ThreadState.Current != callee) exit = TraceExits.FinishInlinedFrames(callee, exit);
        if (side is null) return exit;
        if (IsHotInlinedExit(side)) StopInlining(side);
        if (_recorder != null || exit.Reason != (uint)ExitReason.GuardFailed || CodeOf(callee->Code) is not { } code)
            return exit;
        callee->Ip = exit.BytecodeOffset;
        callee->Sp = callee->StackBase + code.Shape.DepthAt(exit.BytecodeOffset);
        if (!WantsBridge(side, callee)) return exit;
        RecordBridge(callee, code, side, out var ended, out _);
        // The root of a bridge recording never runs its return (the recording stops before it).
        if (ended == TierExit.Returned) throw new InvalidOperationException("a bridge recording returned from its frame");
        return ended == TierExit.Raised
            ? new ExitRecord((uint)ExitReason.Raised, callee->Ip)
            : new ExitRecord((uint)ExitReason.GuardFailed, callee->Ip);
    }

    // ---- bridges

    /// <summary>Whether <paramref name="side"/> gets a bridge now. Not from the end of a chain of
    /// <see cref="MaxStaleBridges"/> bridges compiled under older class versions: a bridge grown from a
    /// stale one goes stale at the next class change and grows one of its own, so a program that changes
    /// a class at every call grew a chain one bridge longer per call that every entry walked (fuzz seed
    /// 54663: a function that assigns a class attribute, called in a loop). A few class changes still
    /// get their bridges (order_records: a stale bridge entered 120,000 times gets one).</summary>
    private bool WantsBridge(SideExit side, Frame* f) =>
        side.Bridge is null && !_exhausted && side.Snapshot.Frames.Length == 0
        && side.Taken >= Options.EffectiveBridgeThreshold && side.Taken >= side.NextBridgeAttemptAt
        && f->Ip == side.Snapshot.ResumeOffset && StaleBridgesBehind(side) < MaxStaleBridges;

    internal const int MaxStaleBridges = 4;

    /// <summary>The stale bridges (compiled under an older class version) the exit's trace is the last
    /// of: its owner, the owner's parent, and so on while they are stale bridges.</summary>
    private static int StaleBridgesBehind(SideExit side)
    {
        int stale = 0;
        for (var owner = side.Owner; owner.FromExit is { } from && !Enterable(owner); owner = from.Owner) stale++;
        return stale;
    }

    /// <summary>Records a bridge from where <paramref name="side"/> left the frame; on success the
    /// exit's slot points at it from now on, and the trace the bridge ended at is returned (the
    /// frame is stopped at that trace's header), else null with how the frame went on.</summary>
    private CompiledTrace? RecordBridge(Frame* f, TraceCode code, SideExit side, out TierExit ended, out Value result)
    {
        Statistics.BridgesRecorded++;
        var recorder = new Recorder(this, f, code, loop: null);
        var exit = Record(recorder, out result);
        ended = exit switch { RecordExit.Returned => TierExit.Returned, RecordExit.Raised => TierExit.Raised, _ => TierExit.ContinueAt };
        if (exit != RecordExit.Stopped) return null;
        var bridge = recorder.State == RecordingState.Closed ? CompileRecording(recorder, code, null, side) : null;
        if (bridge is null)
        {
            side.BridgeAborts++;
            side.NextBridgeAttemptAt = side.Taken + ((long)Options.EffectiveBridgeThreshold << Math.Min(side.BridgeAborts, 20));
            return null;
        }
        side.Bridge = bridge;
        Linker.Resolve(side.Slot, bridge.Entry);
        // A bridge that ends in a return stopped before it: the interpreter runs the return.
        if (recorder.ClosedAt is not { } target) return null;
        return target.Trace is { } next && f->Ip == target.Offset ? next : null;
    }

    // ---- exits inside inlined calls

    /// <summary>An exit inside inlined calls gets no bridge (its frames are finished by the
    /// interpreter); one that keeps failing costs a trace exit each time.</summary>
    private bool IsHotInlinedExit(SideExit side) =>
        side.Snapshot.Frames.Length > 0 && side.Taken == Options.EffectiveBridgeThreshold;

    /// <summary>The innermost call around a hot exit is not inlined any more, and the loop or entry
    /// trace it belongs to (itself, or the trace its bridge grew from) is recorded again: the call then
    /// runs through the interpreter's call inside the trace, and its other path no longer leaves it.</summary>
    private void StopInlining(SideExit side)
    {
        var call = side.Snapshot.Frames[^1];
        NotInlined.Add((call.Code, call.CallOffset));
        var owner = side.Owner;
        while (owner.FromExit is { } from) owner = from.Owner;
        TraceAnchor? anchor = owner.Ir.Loop ?? (TraceAnchor?)owner.Ir.Function;
        if (anchor is { } a && a.Trace == owner)
        {
            Statistics.Retraces++;
            Discard(a);
        }
    }

    // ---- slots and invalidation

    internal int NextExitId() => _exits.Count;

    internal void RegisterExit(SideExit exit)
    {
        if (exit.Id != _exits.Count) throw new InvalidOperationException("side exits registered out of order");
        _exits.Add(exit);
    }

    /// <summary>The slot through which bridges and other traces enter <paramref name="header"/>'s
    /// trace: linked to it while it is valid, else its stub leaves to the interpreter at the header.</summary>
    internal IndirectSlot EntrySlotOf(LoopHeader header)
    {
        if (_entrySlots.TryGetValue(header, out var slot)) return slot;
        if (!Backend.TryAllocateSlot($"entry:{header}", out slot)) throw new InvalidOperationException("data space exhausted");
        _entrySlots[header] = slot;
        _headerOfSlot[slot.Address] = header;
        return slot;
    }

    /// <summary>A fresh slot through which bridges enter <paramref name="header"/>'s new trace (its
    /// peeled body, <paramref name="kind"/> "body", or its start, "entry"); its stub (once unlinked)
    /// leaves to the interpreter at the header.</summary>
    internal bool TryAllocateLoopSlot(LoopHeader header, string kind, out IndirectSlot slot)
    {
        if (!Backend.TryAllocateSlot($"{kind}:{header}", out slot)) return false;
        _headerOfSlot[slot.Address] = header;
        return true;
    }

    /// <summary>A class or a watched global changed since the trace was compiled: it is not entered
    /// again (a running copy leaves at its next class-version check), and the loop or function is
    /// recorded anew.</summary>
    private void Invalidate(TraceAnchor anchor)
    {
        if (anchor.Trace is null) return;
        Statistics.Invalidations++;
        Discard(anchor);
    }

    /// <summary>The anchor's trace is not entered again (a loop header's entry slot leaves to the
    /// interpreter at the header), and the anchor counts towards a new recording.</summary>
    private void Discard(TraceAnchor anchor)
    {
        if (anchor.Trace is not { } trace) return;
        trace.Invalidated = true;
        anchor.Trace = null;
        anchor.Count = 0;
        anchor.NextAttemptAt = Options.EffectiveTraceThreshold;
        if (anchor is LoopHeader header)
        {
            if (_entrySlots.TryGetValue(header, out var slot)) Linker.Unlink(slot);
            foreach (var relinked in header.RelinkedSlots) Linker.Unlink(relinked);
            header.RelinkedSlots.Clear();
        }
        if (anchor is FunctionEntry { CallSlot: { } call }) Linker.Unlink(call);
        if (trace.BodySlot is { } body) Linker.Unlink(body);
        if (trace.EntrySlot is { } entry) Linker.Unlink(entry);
        if (Trace) Console.Error.WriteLine($"[trace] discarded {trace.Name} at {anchor}");
    }

    /// <summary>A trace compiled under the current class version, or one whose code does not check it.</summary>
    private static bool Enterable(CompiledTrace trace) =>
        !trace.ChecksClassVersion || trace.ClassVersion == ClassObject.GlobalVersion;

    /// <summary>The stub of a call slot (above), or of a loop's entry or body slot: the loop's current trace
    /// when it has one, else leave to the interpreter at the header.</summary>
    public nint CompileForSlot(Frame* frame, nint slotAddress, ulong* exitRecord)
    {
        Jit.StubHits++;
        if (_entryOfCallSlot.TryGetValue(slotAddress, out var entry)) return EnterCallee(entry, entry.CallSlot!.Value, exitRecord);
        if (!_headerOfSlot.TryGetValue(slotAddress, out var header))
            throw new InvalidOperationException("stub for an unknown slot");
        // The body slot of a trace discarded since (a retrace, an invalidation) that code compiled
        // before still jumps through: the header's new trace is entered at its preamble, which checks
        // everything (order_records' entry trace of order_total otherwise left here at every call).
        if (header.Trace is { } trace && Enterable(trace) && Backend.TryGetSlot(slotAddress, out var slot))
        {
            Linker.ResolveReplaceable(slot, trace.Entry);
            header.RelinkedSlots.Add(slot);
            return trace.Entry;
        }
        *exitRecord = new ExitRecord((uint)ExitReason.GuardFailed, header.Offset).Pack();
        return 0;
    }

    public void Dispose()
    {
        Uninstall();
        _machinery?.Backend.Dispose();
    }
}
