// Compiles block versions into units of machine code: a requested version first, then the
// fall-through versions it leads to, placed right after it. The ops of each version are lowered by
// the shared lowering (Lbbv.Jit.Lowering); VersioningPolicy answers its questions.
using Lbbv.Backend;
using Lbbv.Backend.Emission;
using Lbbv.Bytecode;
using Lbbv.Jit;
using Lbbv.Jit.Frames;
using Lbbv.Jit.Lowering;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Versioning;

internal sealed unsafe class UnitCompiler
{
    private readonly LbbvTier _tier;
    private readonly JitBackend _backend;
    private readonly LbbvStatistics _stats;
    private readonly LbbvOptions _options;
    private readonly Lowerer _lowerer;
    private readonly VersioningPolicy _policy;
    private readonly List<BlockVersion> _unitVersions = [];
    private readonly Queue<BlockVersion> _inline = new();
    private int _unitSerial;
    private int _versionIds;
    private CodeVersions _cv = null!;

    public UnitCompiler(LbbvTier tier, JitBackend backend, JitStatistics jit, LbbvStatistics stats, LbbvOptions options, JitRuntime runtime)
    {
        _tier = tier;
        _backend = backend;
        _stats = stats;
        _options = options;
        _lowerer = new Lowerer(backend, jit, runtime);
        // Class knowledge crosses edges only where versions are keyed on it (not the baseline, `--max-versions 1`).
        if (options.MaxVersions > 1 && options.ClassContext) _lowerer.Frame.Classes = new ClassIds(runtime);
        _policy = new VersioningPolicy(tier, this, _lowerer, options);
        _lowerer.Policy = _policy;
    }

    /// <summary>Compiles a new version of (offset, context) and the fall-through versions after it.
    /// <paramref name="live"/> is the frame stopped at <paramref name="offset"/> (its values may be
    /// peeked to choose what to speculate on). Returns null when the code space is full.</summary>
    public BlockVersion? Compile(CodeVersions cv, int offset, TypeContext context, bool generic, Frame* live, bool noSpeculationAtStart,
        ulong iterators = 0)
    {
        _cv = cv;
        _unitVersions.Clear();
        _inline.Clear();
        _unitSerial++;
        // A code object's units are one group: --link reemit emits a function's hot code together.
        _lowerer.BeginUnit($"{cv.Code.Code.QualName}@{offset}#{_unitSerial}", group: cv.Code.Id + 1);
        var entry = NewVersion(offset, context, generic, iterators, CachedFor(offset, _cv.Canonical(context, offset), null));
        EmitVersion(entry, live, noSpeculationAtStart);
        while (_inline.Count > 0) EmitVersion(_inline.Dequeue(), live: null, noSpeculationAtStart: false);
        _lowerer.FinishUnit();

        if (!_lowerer.Unit.TryPublish(out var code))
        {
            foreach (var v in _unitVersions) _cv.Remove(v);
            return null;
        }
        _stats.UnitsCompiled++;
        foreach (var v in _unitVersions)
        {
            v.Address = code.Start + _lowerer.Unit.OffsetOf(v.EntryLabel);
            v.BodyAddress = code.Start + _lowerer.Unit.OffsetOf(v.Label);
            v.UnitName = code.Name;
            _tier.NotePublished(v);
            _stats.VersionsCompiled++;
            if (v.IsGeneric) _stats.GenericVersions++;
        }
        return entry;
    }

    /// <summary>The name of a class a context names by id (dumps and listings).</summary>
    internal string ClassName(int id) => _lowerer.Frame.Classes?.NameOf(id) ?? $"#{id}";

    private BlockVersion NewVersion(int offset, TypeContext context, bool generic, ulong iterators, ulong cached)
    {
        var v = new BlockVersion(offset, _cv.Canonical(context, offset), generic, _versionIds++,
            ClassObject.GlobalVersion)
        {
            Iterators = generic ? 0 : _cv.CanonicalIterators(iterators, offset),
            Label = _lowerer.Unit.NewLabel(),
            UnitSerial = _unitSerial,
            CachedLocals = cached,
        };
        v.EntryLabel = cached == 0 ? v.Label : _lowerer.Unit.NewLabel();
        if (_options.CountInCode)
        {
            string name = $"{_cv.Code.Code.QualName}@{offset}#{v.Id}";
            if (_backend.TryAllocateCounter($"version:{name}", out var counter)) v.EntryCounter = counter;
            if (_backend.TryAllocateCounter($"type-tests:{name}", out var tests))
                v.Tally = new RegionTally { TypeTests = tests };
        }
        _cv.Add(v);
        _unitVersions.Add(v);
        return v;
    }

    private string VersionNote(BlockVersion v, int depth)
    {
        string context = _lowerer.Frame.Context.ToString(_cv.Layout, depth, _cv.Code.Code.VarNames, ClassName);
        string iterators = v.Iterators != 0 ? " iterators " + ProvenIterators.Describe(v.Iterators) : "";
        return $"version v{v.Id} of {_cv.Code.Code.QualName} @{v.Offset} {context}{iterators}"
            + (v.IsGeneric ? " generic" : "");
    }

    /// <summary>Lowers the version's instructions up to the end of its block (or until an op leaves
    /// the straight-line code). Only the unit's first version is compiled with a frame live at its entry.</summary>
    private void EmitVersion(BlockVersion v, Frame* live, bool noSpeculationAtStart)
    {
        var shape = _cv.Shape;
        var unit = _lowerer.Unit;
        var frame = _lowerer.Frame;
        int depth = shape.DepthAt(v.Offset);
        int start = unit.Size;
        _lowerer.BeginRegion(_cv, v.Offset, v.Tally);
        // SAFETY: the live frame is stopped at this version's entry; its locals and stack up to the
        // entry depth are initialized.
        var values = live != null ? new ReadOnlySpan<Value>(live->LocalsPlus, _cv.Code.SlotCount + depth) : default;
        frame.Enter(_cv.Code.SlotCount, _cv.Code.SlotCount + _cv.Code.MaxStack + 1, depth, v.Context, values);
        frame.EnterProvenIterators(v.Iterators);
        EnterCachedLocals(v);
        RecoverEntryAliases(v.Offset);
        _policy.EnterVersion(v, noSpeculationAtStart);
        unit.Bind(v.Label);
        // The listing's header (only made for listings: formatting contexts allocates).
        string? note = _lowerer.KeepListings ? VersionNote(v, depth) : null;
        if (v.EntryCounter is { } entryCounter)
        {
            if (note != null) unit.Annotate(note);
            _lowerer.Note = null;
            unit.Emit(_lowerer.Stencils.Counter.Increment, entryCounter);
        }
        else _lowerer.Note = note;
        while (true)
        {
            int k = _lowerer.Offset;
            if (k != v.Offset && shape.IsBlockStart(k))
            {
                _lowerer.FlushOps();
                FallThrough(k, frame.Context);
                break;
            }
            if (k >= shape.Length || shape.DepthAt(k) < 0)
            {
                _lowerer.Emitter.ExitHere(ExitReason.Unsupported);
                break;
            }
            bool more = _lowerer.LowerOp();
            _policy.OpLowered();
            if (!more) break;
        }
        v.CodeBytes = unit.Size - start;
    }

    /// <summary>A version that starts mid-block (a chain after a failed guard, a deferred op) finds
    /// its top stack entries in the frame; those pushed by the LoadFast ops right before its offset
    /// are copies of those locals, since only that code reaches the offset. Recording the aliases
    /// again (the compact context cannot) lets a guard on the copy type the local too, so
    /// `while k:` that chains from bool to int leaves k an int for the loop body.</summary>
    private void RecoverEntryAliases(int offset)
    {
        var frame = _lowerer.Frame;
        // The straight run of pushes before the offset: LoadFast (a copy of a local), LoadConst (none),
        // and Copy n (whatever the copied entry is: `b[0] += x` copies `b` and `0` before its subscript).
        int start = offset;
        while (start > 0 && !_cv.Shape.IsBlockStart(start) && IsPlainPush(OpcodeInfo.OpOf(_cv.Code.Instrs[start - 1])))
            start--;
        int pushed = Math.Min(offset - start, frame.Depth), first = frame.Depth - pushed;
        start = offset - pushed;
        var origins = new int[pushed];
        var cells = new nint[pushed];
        for (int k = start, e = 0; k < offset; k++, e++)
        {
            int instr = _cv.Code.Instrs[k];
            int from = e - OpcodeInfo.ArgOf(instr); // Copy n pushes the n-th entry from the top
            origins[e] = OpcodeInfo.OpOf(instr) switch
            {
                Opcode.LoadFast => OpcodeInfo.ArgOf(instr),
                Opcode.Copy when from >= 0 => origins[from],
                _ => -1,
            };
            cells[e] = OpcodeInfo.OpOf(instr) switch
            {
                Opcode.LoadGlobal => LoadedGlobalCell(OpcodeInfo.ArgOf(instr)),
                Opcode.Copy when from >= 0 => cells[from],
                _ => 0,
            };
        }
        for (int e = 0; e < pushed; e++)
        {
            if (cells[e] != 0) frame.MarkLoadedFromGlobal(frame.StackSlot(first + e), cells[e]);
            if (origins[e] < 0) continue;
            int local = origins[e], slot = frame.StackSlot(first + e);
            // One value, two facts about it: keep the more precise.
            if (frame.TypeOf(slot).TryMeet(frame.TypeOf(local), out var type)) frame.MarkCopy(slot, local, type);
        }
    }

    private static bool IsPlainPush(Opcode op) =>
        op is Opcode.LoadFast or Opcode.LoadConst or Opcode.Copy or Opcode.LoadGlobal;

    /// <summary>The module cell whose value a LoadGlobal of <paramref name="name"/> pushed (0 when that is
    /// not sure: a name that is also a builtin's may have pushed the builtin, and a cell never resolved).</summary>
    private nint LoadedGlobalCell(int name)
    {
        var runtime = _cv.Code;
        return Builtins.Module.Get(runtime.Names[name]).IsEmpty ? runtime.GlobalCells[name] : 0;
    }

    /// <summary>Ends the version with control continuing at <paramref name="target"/>: an existing
    /// version is jumped to; a new one is compiled next in this unit, right after this code.</summary>
    internal void FallThrough(int target, TypeContext context)
    {
        ulong flow = _lowerer.Frame.CachedLocals; // kept when the successor is compiled for them
        _lowerer.Frame.MaterializeStack();
        context = _cv.Canonical(context, target);
        ulong iterators = _policy.IteratorsAt(target);
        var selection = VersionSelector.Select(_cv.VersionsAt(target), context, _options.MaxVersions, iterators,
            _cv.LoopVariable(target));
        var unit = _lowerer.Unit;
        var jump = _lowerer.Stencils.Control.Jump;
        if (selection.Existing is { } v)
        {
            // To its body, with the locals it does not cache written back and those it caches but this
            // code wrote back loaded again (its context, which this one's refines, types them Int).
            EmitEdge(flow, v.CachedLocals);
            unit.Emit(jump, BodyOf(v));
            return;
        }
        if (_unitVersions.Count >= _options.MaxVersionsPerUnit)
        {
            _lowerer.Frame.WriteBackLocals(SpillReason.Frame);
            unit.Emit(jump, _policy.SlotJump(new CompileRequest(RequestKind.Block, _cv, target, context, iterators),
                $"{_cv.Code.Code.QualName}@{target}"));
            return;
        }
        ulong cached = CachedFor(target, _cv.Canonical(selection.NewContext, target), flow);
        EmitEdge(flow, cached);
        var next = NewVersion(target, selection.NewContext, selection.NewIsGeneric, selection.NewIterators, cached);
        // Emitted next, so it sits right after this code and needs no jump.
        _inline.Enqueue(next);
        if (_inline.Count > 1) unit.Emit(jump, Operand.To(next.Label));
    }
    // ---- the register cache across block edges (docs/JIT-CORE.md)

    /// <summary>The locals a new version at <paramref name="offset"/> finds in their registers: at a loop
    /// header, every local its loop keeps there that the context types Int (loaded on the way in); else
    /// those of them the edge from <paramref name="flow"/> still has cached (all of them, loaded at its
    /// entry, for a version compiled from a stub: <paramref name="flow"/> null).</summary>
    private ulong CachedFor(int offset, TypeContext context, ulong? flow)
    {
        // The baseline (no versioning) keeps nothing across edges.
        if (_options.MaxVersions <= 1 || !_options.LoopRegisters) return 0;
        ulong ints = 0, floats = 0;
        int locals = Math.Min(Math.Min(_cv.Code.SlotCount, 64), TypeContext.Capacity);
        for (int s = 0; s < locals; s++)
        {
            if (context.Get(s) == AbstractType.Int) ints |= 1UL << s;
            if (context.Get(s) == AbstractType.Float) floats |= 1UL << s;
        }
        ulong allowed = _cv.Loops.AllowedAt(offset) & ints | FloatsAllowedAt(offset) & floats;
        return flow is { } cached && !_cv.Loops.IsHeader(offset) ? allowed & cached : allowed;
    }

    private ulong FloatsAllowedAt(int offset) => _options.FloatLoopRegisters ? _cv.Loops.FloatsAllowedAt(offset)
        : _options.LeafLoopFloatRegisters ? _cv.Loops.LeafLoopFloatsAt(offset) : 0;

    /// <summary>Starts a version with its cached locals in their registers: its entry (out of line,
    /// entered with the frame exact) loads them and jumps to its body.</summary>
    private void EnterCachedLocals(BlockVersion v)
    {
        var frame = _lowerer.Frame;
        if (_options.MaxVersions > 1 && _options.LoopRegisters)
            frame.AllowCachedLocals(_cv.Loops.AllowedAt(v.Offset), FloatsAllowedAt(v.Offset));
        if (v.CachedLocals == 0) return;
        var (unit, stencils, cached, body) = (_lowerer.Unit, _lowerer.Stencils, v.CachedLocals, v.Label);
        var (lowerer, context) = (_lowerer, v.Context);
        _lowerer.Emitter.ColdEntry(v.EntryLabel, () =>
        {
            for (int s = 0; s < 64; s++)
                if ((cached >> s & 1) != 0) lowerer.LoadCachedLocal(s, context.Get(s));
            unit.Emit(stencils.Control.Jump, Operand.To(body));
        });
        frame.EnterCachedLocals(cached);
    }

    /// <summary>The edge from code with <paramref name="flow"/> cached to code that expects
    /// <paramref name="cached"/>: writes back the others and loads the missing ones (their slots are exact).</summary>
    private void EmitEdge(ulong flow, ulong cached)
    {
        var frame = _lowerer.Frame;
        frame.WriteStaleTags(flow & cached); // the successor takes their slots' tags as exact
        for (int s = 0; s < 64; s++)
        {
            if ((flow >> s & 1) != 0 && (cached >> s & 1) == 0) frame.Spill(s, SpillReason.Frame);
            if ((cached >> s & 1) != 0 && (flow >> s & 1) == 0) _lowerer.LoadCachedLocal(s, frame.TypeOf(s));
        }
    }

    /// <summary>Where code with <paramref name="v"/>'s cached locals in their registers jumps.</summary>
    internal static Operand BodyOf(BlockVersion v) => v.IsPublished ? Operand.Code(v.Body) : Operand.To(v.Label);
}
