// Lowers a trace's ops, one after the other, through the shared lowering (Lbbv.Jit.Lowering): the
// cursor follows the recorded path across jumps and into inlined calls, each op sees the values the
// recording observed as its operands' live values, and every way off the recorded path is a side
// exit with a snapshot (TracePolicy). A loop trace ends with a jump back to its start (its body,
// once peeled); a bridge, or a trace that reaches another loop's header, with a jump through that
// loop's entry slot.
using Lbbv.Backend.Emission;
using Lbbv.Bytecode;
using Lbbv.Jit;
using Lbbv.Jit.Frames;
using Lbbv.Jit.Lowering;
using Lbbv.Runtime;
using Lbbv.Tracing.Ir;
using Lbbv.Types;

namespace Lbbv.Tracing.Compile;

internal sealed class TraceCompiler
{
    private readonly TracingTier _tier;
    private readonly Lowerer _lowerer;
    private readonly TracePolicy _policy;
    private readonly InlineFrames _inline;
    private Trace _trace = null!;
    private CompiledTrace _compiled = null!;
    private int _serial;

    // The group of ops being lowered: its first op, the control op that ends it (or -1), and where
    // the straight-line code continues once the lowering returns.
    private int _index;
    private int _control = -1;
    private int _resumeOffset;
    private bool _offTrace;
    private Label? _continuation;
    private SavedFrame? _continuationFrame;

    public TraceCompiler(TracingTier tier, Lowerer lowerer)
    {
        _tier = tier;
        _lowerer = lowerer;
        _policy = new TracePolicy(this, lowerer);
        _inline = new InlineFrames(tier, lowerer);
        lowerer.Policy = _policy;
    }

    public Lowerer Lowerer => _lowerer;
    internal CompiledTrace Compiled => _compiled;
    internal InlineFrames Inline => _inline;

    /// <summary>Lowers and publishes <paramref name="trace"/>; null with a reason when it cannot be
    /// compiled (the lowering left the recorded path, or the code space is full).</summary>
    public CompiledTrace? Compile(Trace trace, SideExit? fromExit, List<TraceOp>? unoptimized, out string? failure)
    {
        _trace = trace;
        int id = ++_serial;
        var backend = _lowerer.Backend;
        ExitCounter? typeTests = null;
        string kind = fromExit != null ? "bridge" : trace.Function != null ? "entry" : "trace";
        string name = $"{kind}{id}:{trace.Code.Name}@{trace.StartOffset}";
        if (_tier.Options.CountInCode && backend.TryAllocateCounter($"type-tests:{name}", out var tests)) typeTests = tests;
        _compiled = new CompiledTrace
        {
            Id = id, Ir = trace, FromExit = fromExit, Unoptimized = unoptimized, TypeTests = typeTests,
            ClassVersion = ClassObject.GlobalVersion,
        };
        var tally = new RegionTally { TypeTests = typeTests };
        _lowerer.BeginUnit(name, TraceLinking.GroupOf(id, fromExit));
        var code = trace.Code;
        int depth = code.Shape.DepthAt(trace.StartOffset);
        _lowerer.BeginRegion(code, trace.StartOffset, tally);
        // A bridge starts with what its exit's frame held (the trace proved it before leaving).
        var entry = fromExit?.Context ?? TypeContext.Generic;
        _lowerer.Frame.Enter(code.Code.SlotCount, SlotsOf(code), depth, entry, trace.EntryValues);
        _inline.Reset(code, fromExit);
        var start = _lowerer.Unit.NewLabel();
        _lowerer.Unit.Bind(start);
        _start = start;
        _bodyAssumes = null;
        _bodyAssumesLeafDepth = false;
        _bodyIterators = 0;
        _bodyLabel = null;
        _cachedLocals = 0;
        _cachedFloatLocals = 0;
        _lowerer.Note = $"{_compiled.Name} of {code.Name} @{trace.StartOffset}";
        Label loopStart = start;

        failure = LowerOps(ref loopStart);
        if (failure == null)
        {
            _lowerer.FlushOps();
            // A peeled loop's back edge keeps its cached locals (EndLoopBody); every other end leaves exact.
            if (trace.Target is not null && trace.ClosesOwnLoop && _bodyAssumes != null) _lowerer.Frame.MaterializeStack();
            else _lowerer.Frame.MaterializeAll();
            if (trace.Target is null) { } // the return left the code
            else if (!trace.ClosesOwnLoop) JumpToLoop(trace.Target);
            else if (_bodyAssumes != null) EndLoopBody(loopStart);
            else _lowerer.Unit.Emit(_lowerer.Stencils.Control.Jump, Operand.To(loopStart));
            _lowerer.FinishUnit();
        }
        _compiled.GuardsEmitted = tally.GuardsEmitted;
        _compiled.ChecksClassVersion = tally.ClassVersionChecks > 0;
        if (failure != null) return null;
        if (!_lowerer.Unit.TryPublish(out var published))
        {
            failure = "code space exhausted";
            return null;
        }
        _compiled.Entry = published.Start;
        _compiled.UnitName = published.Name;
        _compiled.CodeBytes = published.Size;
        TraceLinking.ParkExits(_tier.Linker, _compiled, label => published.Start + _lowerer.Unit.OffsetOf(label));
        if (trace.Loop is { } header && _tier.TryAllocateLoopSlot(header, "entry", out var entrySlot))
        {
            _compiled.EntrySlot = entrySlot;
            _tier.Linker.Resolve(entrySlot, published.Start);
        }
        if (_bodyLabel is { } bodyLabel && trace.Loop is { } loop && _tier.TryAllocateLoopSlot(loop, "body", out var bodySlot))
        {
            _compiled.BodySlot = bodySlot;
            _compiled.BodyAssumes = _bodyAssumes;
            _compiled.BodyAssumesVersionChecked = _bodyAssumesVersionChecked;
            _compiled.BodyAssumesLeafDepthChecked = _bodyAssumesLeafDepth;
            _compiled.BodyIterators = _bodyIterators;
            _tier.Linker.Resolve(bodySlot, published.Start + _lowerer.Unit.OffsetOf(bodyLabel));
        }
        return _compiled;
    }

    private static int SlotsOf(JitCode code) => code.Code.SlotCount + code.Code.MaxStack + 1;

    /// <summary>Lowers every op; the reason it could not, or null.</summary>
    private string? LowerOps(ref Label loopStart)
    {
        var ops = _trace.Ops;
        var frame = _lowerer.Frame;
        _index = 0;
        while (_index < ops.Count)
        {
            var op = ops[_index];
            if (op.IsRemoved) { _index++; continue; }
            switch (op.Kind)
            {
                case TraceOpKind.LoopStart:
                    loopStart = EnterLoopBody(op);
                    _index++;
                    continue;
                case TraceOpKind.Guard:
                    if (!LowerGuard(op)) return $"guard at {op.Code.Name}@{op.Offset} on an entry the frame does not have";
                    _index++;
                    continue;
            }
            if (_lowerer.Code != op.Code || _lowerer.Offset != op.Offset) _lowerer.MoveTo(op.Code, op.Offset);
            if (frame.Depth != op.Stack.Length)
                return $"stack depth {frame.Depth} at {op.Code.Name}@{op.Offset}, recorded {op.Stack.Length}";
            for (int e = 0; e < frame.Depth; e++) frame.Observe(frame.StackSlot(e), op.Stack[e]);
            if (op.Call == Recording.CallKind.Inlined)
            {
                if (!_inline.Enter(op, _tier.Options.VirtualFrames && IsLeafCall(_index)))
                    return $"inlined call at {op.Code.Name}@{op.Offset}";
                _index++;
                continue;
            }
            if (op.Op == Opcode.ReturnValue && op.Depth > 0)
            {
                _inline.Return(op);
                _index++;
                continue;
            }
            if (op.FoldedConstant is { } constant)
            {
                _lowerer.LowerConstant(constant, OpTable.Of(op.Op).Pops.For(op.Arg));
                _index++;
                continue;
            }
            if (op.ReuseLocal >= 0)
            {
                _lowerer.LowerReplacement(Opcode.LoadFast, op.ReuseLocal, OpTable.Of(op.Op).Pops.For(op.Arg));
                _index++;
                continue;
            }
            if (LowerGroup(op) is { } failure) return failure;
        }
        return null;
    }

    /// <summary>True when the inlined call at <paramref name="index"/> calls nothing: the ops up to its
    /// return are its callee's own, none of them a call, and all of them ops whose fast paths need
    /// no helper (its frame may then stay virtual; a callee that stores an attribute or builds an
    /// object would push its frame before the helper on every call, for nothing).</summary>
    private bool IsLeafCall(int index)
    {
        var ops = _trace.Ops;
        int depth = ops[index].Depth + 1;
        for (int i = index + 1; i < ops.Count; i++)
        {
            var op = ops[i];
            if (op.Kind == TraceOpKind.LoopStart) return false;
            if (op.Kind != TraceOpKind.Op || op.IsRemoved) continue;
            if (op.Depth != depth || op.Call != Recording.CallKind.None) return false;
            if (op.Op == Opcode.ReturnValue) return true;
            if (!InlineFastOp(op.Op)) return false;
        }
        return false; // the trace ends inside the callee
    }

    private static bool InlineFastOp(Opcode op) => op is Opcode.Nop or Opcode.LoadFast or Opcode.StoreFast
        or Opcode.LoadConst or Opcode.LoadDeref or Opcode.LoadGlobal or Opcode.LoadAttr or Opcode.BinaryOp
        or Opcode.UnaryNegative or Opcode.UnaryNot or Opcode.CompareOp or Opcode.IsOp or Opcode.BinarySubscr
        or Opcode.PopJumpIfFalse or Opcode.PopJumpIfTrue or Opcode.PopJumpIfNone or Opcode.PopJumpIfNotNone;

    /// <summary>Lowers the op at <see cref="_index"/> (with the ops the lowering fuses with it) and
    /// moves <see cref="_index"/> to the next op on the recorded path.</summary>
    private string? LowerGroup(TraceOp op)
    {
        var ops = _trace.Ops;
        _control = FindControl(_index);
        _offTrace = false;
        _continuation = null;
        _continuationFrame = null;
        _resumeOffset = -1;
        bool more = _lowerer.LowerOp();
        bool returns = op.Op == Opcode.ReturnValue && op.Depth == 0;
        if (returns)
            return _index == ops.Count - 1 && _trace.EndsInReturn ? Ended() : "a return before the trace's end";
        if (more) _resumeOffset = _lowerer.Offset;
        else if (_resumeOffset < 0)
            return $"{op.Op} at {op.Code.Name}@{op.Offset} left the trace (the lowering exits there)";
        if (_offTrace) return $"{op.Op} at {op.Code.Name}@{op.Offset}: the lowering continued off the recorded path";
        // The ops the lowering consumed with this one (a fused StoreFast, a branch after a compare)
        // are those up to the one recorded at the resume offset.
        int next = _index + 1;
        if (!more && _control >= 0) next = _control + 1;
        while (next < ops.Count && ops[next].Kind == TraceOpKind.Op && ops[next].Depth == op.Depth
               && ops[next].Code == op.Code && ops[next].Offset != _resumeOffset
               && ops[next].Offset == ops[next - 1].Offset + 1 && !ops[next].IsRemoved)
            next++;
        _index = next;
        if (next < ops.Count)
        {
            var following = ops[next];
            bool sameFrame = following.Kind != TraceOpKind.Op || following.Depth == op.Depth;
            if (sameFrame && following.Kind == TraceOpKind.Op && following.Offset != _resumeOffset)
                return $"after {op.Op} at {op.Code.Name}@{op.Offset} the lowering continues at {_resumeOffset}, the trace at {following.Offset}";
        }
        else if (op.Depth == 0 && _resumeOffset != _trace.Target?.Offset)
            return $"the trace ends at {_resumeOffset}, not at the loop header {_trace.Target?.Offset}";
        return null;
    }

    /// <summary>The trace's last op (a return) is lowered: nothing follows it.</summary>
    private string? Ended()
    {
        _index = _trace.Ops.Count;
        return null;
    }

    /// <summary>The control op (jump, branch, ForIter) that ends the straight line from
    /// <paramref name="index"/>, or -1.</summary>
    private int FindControl(int index)
    {
        var ops = _trace.Ops;
        for (int i = index; i < ops.Count; i++)
        {
            var op = ops[i];
            if (op.Kind != TraceOpKind.Op || op.Depth != ops[index].Depth || op.Code != ops[index].Code) return -1;
            if (i > index && op.Offset != ops[i - 1].Offset + 1) return -1;
            if (OpTable.Of(op.Op).Has(OpTraits.Jump)) return i;
            if (op.Call != Recording.CallKind.None || op.Op == Opcode.ReturnValue) return -1;
        }
        return -1;
    }

    // ---- direct calls

    /// <summary>Residual calls of plain Python functions enter their entry traces directly (when entry
    /// traces are on).</summary>
    internal JitCode? CodeOfCallee(CodeRuntime callee) =>
        _tier.Options.TraceFunctionEntries && _tier.Options.DirectCalls ? _tier.CodeOf(callee) : null;

    internal bool TryCallSlot(TraceCode callee, out IndirectSlot slot) => _tier.TryCallSlot(callee.Entry, out slot);

    // ---- the policy's questions about the recorded path

    /// <summary>False for the first op of a bridge that leaves a declined fast path (an int overflow,
    /// a zero divisor): it runs unspecialized, as LBBV's version after a decline does. With the fast
    /// path again, it declined again at each run, and each decline grew one more bridge (polymorphic's
    /// `Sq(2 ** 40).area()`: 3,000 bridges, each taking 20 exits to the interpreter).</summary>
    internal bool MaySpeculate => _compiled.FromExit is not { Kind: SideExitKind.Declined } || _index != FirstOpIndex;

    private int FirstOpIndex => _trace.Ops.FindIndex(o => o.Kind == TraceOpKind.Op);

    private TraceOp? Control => _control >= 0 ? _trace.Ops[_control] : null;

    private bool RecordedTaken(TraceOp control) =>
        control.Op == Opcode.Jump || control.Successor != control.Offset + 1;

    /// <summary>Whether going to <paramref name="target"/> follows the recorded path of the group's branch.</summary>
    private bool OnRecordedPath(int target)
    {
        if (Control is not { } c) return false;
        bool toJumpTarget = target == c.Arg;
        return toJumpTarget == RecordedTaken(c);
    }

    internal Operand BranchTo(int target, TypeContext context)
    {
        if (Control is { } c && target == c.Arg && RecordedTaken(c) && _continuation == null)
        {
            _continuation = _lowerer.Unit.NewLabel();
            // Resumed at the continuation, reached straight from the branch: cached locals stay.
            _continuationFrame = _lowerer.Frame.Save(keepCachedLocals: true);
            _resumeOffset = target;
            return Operand.To(_continuation.Value);
        }
        return SideExit(SideExitKind.Branch, target, context);
    }

    internal void ContinueAt(int target, TypeContext context)
    {
        if (OnRecordedPath(target) || (Control == null && _resumeOffset < 0))
        {
            _resumeOffset = target;
            return;
        }
        _lowerer.Unit.Emit(_lowerer.Stencils.Control.Jump, SideExit(SideExitKind.Branch, target, context));
        if (_continuation is { } label)
        {
            _lowerer.Unit.Bind(label);
            _lowerer.Frame.Restore(_continuationFrame!);
            // A loop's exhausted iterator, a JumpIfOrPop's kept value: entries above the target's
            // static depth are not on the recorded path's stack.
            int depth = _lowerer.Code.Shape.DepthAt(_resumeOffset);
            if (_lowerer.Frame.Depth > depth) _lowerer.Frame.Pop(_lowerer.Frame.Depth - depth);
            return;
        }
        _offTrace = true;
    }

    // ---- side exits

    /// <summary>A side exit resuming the interpreter at <paramref name="resumeOffset"/> of the code
    /// being lowered: out of line, it writes the pending stack entries (the snapshot), counts the
    /// failure and jumps through the exit's slot (to its exit stub, later to a bridge).</summary>
    /// <param name="context">What the frame holds at the exit: a bridge from it starts knowing that.</param>
    internal Operand SideExit(SideExitKind kind, int resumeOffset, TypeContext context)
    {
        var backend = _lowerer.Backend;
        var code = (TraceCode)_lowerer.Code;
        var snapshot = new Snapshot(code, resumeOffset, _lowerer.Frame.PendingWrites(), _inline.Snapshot());
        int id = _tier.NextExitId();
        string name = $"{_compiled.Name}:exit{id}@{code.Name}@{resumeOffset}";
        if (!backend.TryAllocateSlot(name, out var slot)) return _lowerer.Emitter.ColdExit(ExitReason.CompileFailed);
        ExitCounter? failures = null;
        if (_tier.Options.CountInCode && backend.TryAllocateCounter($"exit:{name}", out var counter)) failures = counter;
        var unit = _lowerer.Unit;
        var exit = new SideExit
        {
            Id = id, Kind = kind, Snapshot = snapshot, Slot = slot, Failures = failures, Owner = _compiled,
            StubLabel = unit.NewLabel(), Context = context,
        };
        _compiled.Exits.Add(exit);
        _tier.RegisterExit(exit);
        if (_index < _trace.Ops.Count) _trace.Ops[_index].Exits.Add(exit);
        var stencils = _lowerer.Stencils;
        var indirect = _lowerer.Statistics.IndirectJumps;
        var reasonCounter = _lowerer.Statistics.ExitCounter(ExitReason.GuardFailed);
        var record = Operand.Exit(TraceExits.Record(ExitReason.GuardFailed, id, resumeOffset));
        // Inside an inlined call whose frame was not pushed: the exit pushes it first, so the
        // interpreter (or a bridge) resumes in it as after a pushed call.
        var frame = _lowerer.Emitter.Virtual;
        return _lowerer.Emitter.ColdPath(() =>
        {
            _lowerer.Emitter.Materialize(frame);
            if (failures is { } f) unit.Emit(stencils.Counter.Increment, f);
            unit.EmitSlotJump(slot, indirect);
            unit.Bind(exit.StubLabel);
            unit.Emit(stencils.Control.Exit, reasonCounter, record);
        });
    }

    /// <summary>The end of a bridge, or of a trace that reached another loop's header: a jump through
    /// that loop's entry slot (its trace's code, or, once it is invalidated, an exit at the header).</summary>
    private void JumpToLoop(LoopHeader target)
    {
        // A peeled trace's body is entered where its assumptions are checked (PyPy's bridges jump
        // to the loop, not to its preamble); the preamble runs only on entry from the interpreter.
        // Only under the class version the body was compiled for: the check below then proves it.
        var slot = target.Trace is { BodySlot: { } body, BodyAssumes: { } assumes } loop && target.Code == _trace.Code
            && loop.ClassVersion == ClassObject.GlobalVersion
            && (!loop.BodyAssumesLeafDepthChecked || _lowerer.Frame.LeafDepthChecked)
            && ProvenIterators.Covers(_lowerer.Frame.ProvenIterators(), loop.BodyIterators)
            && GuardAssumptions(assumes, loop.BodyAssumesVersionChecked, target.Offset)
            ? body
            : target.Trace?.EntrySlot ?? _tier.EntrySlotOf(target);
        _lowerer.Unit.EmitSlotJump(slot, _lowerer.Statistics.IndirectJumps);
    }

    // ---- guards and peeling

    private bool LowerGuard(TraceOp guard)
    {
        var frame = _lowerer.Frame;
        if (_lowerer.Code != guard.Code || _lowerer.Offset != guard.Offset) _lowerer.MoveTo(guard.Code, guard.Offset);
        int slot = guard.GuardLocal >= 0 ? guard.GuardLocal : frame.StackSlot(guard.GuardEntry);
        if (guard.GuardLocal < 0 && guard.GuardEntry >= frame.Depth) return false;
        _lowerer.GuardType(slot, guard.GuardType);
        return true;
    }

    // What the peeled body assumes on entry (null: not peeled).
    private AbstractType[]? _bodyAssumes;
    private bool _bodyAssumesVersionChecked;
    // The peeled body's inlined leaf calls assume the frame's depth was checked (by the preamble's).
    private bool _bodyAssumesLeafDepth;
    // The iterator kinds the preamble proved of the loop's stack entries: the body steps them unchecked.
    private ulong _bodyIterators;
    private Label _start;
    private Label? _bodyLabel;

    /// <summary>Loop peeling: the preamble ends here. The body is entered assuming, for each slot of
    /// the frame, what the preamble proved weakened to what type propagation predicts holds on every
    /// iteration; the body's end checks those assumptions again before it jumps back
    /// (<see cref="EndLoopBody"/>), so loop-invariant guards run once per entry, in the preamble.</summary>
    private Label EnterLoopBody(TraceOp loopStart)
    {
        _lowerer.FlushOps();
        var frame = _lowerer.Frame;
        frame.MaterializeAll();
        var code = _trace.Code;
        int depth = code.Shape.DepthAt(_trace.StartOffset);
        int slots = code.Code.SlotCount + depth;
        var predicted = loopStart.LoopEntryTypes;
        var assumes = new AbstractType[Math.Min(slots, AbstractFrame.TypedSlots)];
        var context = TypeContext.Generic;
        for (int s = 0; s < assumes.Length; s++)
        {
            var proved = frame.TypeOf(s);
            assumes[s] = predicted != null && s < predicted.Length ? proved.Join(predicted[s]) : proved;
            context = context.With(s, assumes[s]);
        }
        _bodyAssumes = assumes;
        _bodyAssumesVersionChecked = frame.ClassVersionChecked;
        _bodyAssumesLeafDepth = frame.LeafDepthChecked;
        _bodyIterators = frame.ProvenIterators();
        // Entered from the preamble and from bridges (its body slot) with the frame exact: loads the
        // locals the body keeps in registers; the back edge jumps past the loads.
        var entry = _lowerer.Unit.NewLabel();
        _lowerer.Unit.Bind(entry);
        _bodyLabel = entry;
        (_cachedLocals, _cachedFloatLocals) = LoopCachedLocals(context, code.Code.SlotCount);
        for (int s = 0; s < 64; s++)
            if (((_cachedLocals | _cachedFloatLocals) >> s & 1) != 0) _lowerer.LoadCachedLocal(s, context.Get(s));
        var body = _lowerer.Unit.NewLabel();
        _lowerer.Unit.Bind(body);
        _lowerer.Note = $"{_compiled.Name} loop body";
        frame.Enter(code.Code.SlotCount, SlotsOf(code), depth, context, []);
        frame.AllowCachedLocals(_cachedLocals, _cachedFloatLocals);
        frame.EnterCachedLocals(_cachedLocals | _cachedFloatLocals);
        if (_bodyAssumesVersionChecked) frame.NoteClassVersionChecked();
        if (_bodyAssumesLeafDepth) frame.NoteLeafDepthChecked();
        frame.EnterProvenIterators(_bodyIterators);
        return body;
    }

    // The locals the peeled body keeps in their int (float) registers across its back edge (none: not peeled).
    private ulong _cachedLocals, _cachedFloatLocals;

    /// <summary>The locals (typed Int in <paramref name="context"/>, and those typed Float) the loop body
    /// after the LoopStart at <see cref="_index"/> stores to, one per register, by the rule LBBV folds over
    /// its loops' bytecode (<see cref="LoopLocalsRule"/>), over the ops of the trace's own frame.</summary>
    private (ulong Ints, ulong Floats) LoopCachedLocals(TypeContext context, int slotCount)
    {
        var options = _tier.Options;
        if (!options.LoopRegisters && !options.FloatLoopRegisters && !options.LeafLoopFloatRegisters) return (0, 0);
        var rule = new LoopLocalsRule(slotCount);
        for (int i = _index + 1; i < _trace.Ops.Count; i++)
        {
            var op = _trace.Ops[i];
            if (op.Kind != TraceOpKind.Op || op.IsRemoved) continue;
            // A leaf call whose frame stays virtual keeps the float locals (CallOps.GenInlinedCall): its
            // ops are the callee's, in its own frame; the call counts as one (no int local is kept).
            if (op.Depth == 0 && op.Call == Recording.CallKind.Inlined && op.Op == Opcode.Call
                && _tier.Options.VirtualFrames && IsLeafCall(i))
            {
                if (!rule.Add(op.Op, op.Arg, knownLeaf: true)) return (0, 0);
                while (i + 1 < _trace.Ops.Count && _trace.Ops[i + 1].Depth > 0) i++;
                continue;
            }
            if (op.Depth != 0 || op.Call != Recording.CallKind.None || !rule.Add(op.Op, op.Arg)) return (0, 0);
        }
        ulong ints = 0, floats = 0;
        for (int s = 0; s < Math.Min(slotCount, Math.Min(64, TypeContext.Capacity)); s++)
        {
            if (context.Get(s) == AbstractType.Int && _tier.Options.LoopRegisters) ints |= 1UL << s;
            if (context.Get(s) == AbstractType.Float) floats |= 1UL << s;
        }
        return (rule.Ints(ints), options.FloatLoopRegisters ? rule.Floats(floats)
            : options.LeafLoopFloatRegisters ? rule.LeafLoopFloats(floats) : 0);
    }

    /// <summary>The end of a peeled body: each slot the body assumed a type for gets a guard unless
    /// the body proved it (a side exit at the loop header), the class version is checked if the
    /// body assumed it was, and control jumps back to the body. An assumption no single test can
    /// check sends control back to the preamble instead.</summary>
    private void EndLoopBody(Label body)
    {
        var frame = _lowerer.Frame;
        if ((!_bodyAssumesLeafDepth || frame.LeafDepthChecked)
            && ProvenIterators.Covers(frame.ProvenIterators(), _bodyIterators)
            && GuardAssumptions(_bodyAssumes!, _bodyAssumesVersionChecked, _trace.StartOffset))
        {
            // The body finds its cached locals in their registers: those written back on the way
            // (a helper, a conflict) are loaded again (the guards above proved them ints), and those whose
            // slots' tags may be stale are written first (the body takes them as exact).
            frame.WriteStaleTags(_cachedLocals | _cachedFloatLocals);
            for (int s = 0; s < 64; s++)
                if (((_cachedLocals | _cachedFloatLocals) >> s & 1) != 0 && !frame[s].InRegister)
                {
                    var type = (_cachedFloatLocals >> s & 1) != 0 ? AbstractType.Float : AbstractType.Int;
                    _lowerer.LoadCachedLocal(s, type);
                }
            _lowerer.Unit.Emit(_lowerer.Stencils.Control.Jump, Operand.To(body));
        }
        else
        {
            frame.WriteBackLocals(SpillReason.Frame);
            _lowerer.Unit.Emit(_lowerer.Stencils.Control.Jump, Operand.To(_start));
        }
    }

    /// <summary>At the loop header <paramref name="header"/> of the trace's frame: a guard for each
    /// slot type a peeled body assumes and the frame does not prove (a side exit at the header),
    /// and the class-version check if the body assumes it; false when an assumption has no single
    /// test (the caller then enters the loop where nothing is assumed).</summary>
    private bool GuardAssumptions(AbstractType[] assumes, bool versionChecked, int header)
    {
        var frame = _lowerer.Frame;
        _lowerer.MoveTo(_trace.Code, header);
        _control = -1;
        for (int s = 0; s < assumes.Length; s++)
        {
            var assumed = assumes[s];
            if (assumed == AbstractType.Unknown) continue;
            var proved = frame.TypeOf(s);
            if (proved != AbstractType.Unknown && proved.IsSubtypeOf(assumed)) continue;
            if (!_lowerer.GuardType(s, assumed)) return false;
        }
        if (versionChecked) _lowerer.CheckClassVersion();
        _lowerer.FlushOps();
        return true;
    }
}
