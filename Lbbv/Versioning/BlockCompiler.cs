// Compiles block versions into units of machine code by copying stencils: a requested version
// first, then the fall-through versions it leads to, placed right after it. Jumps to versions
// that do not exist yet go through indirect slots whose stubs call back into LbbvTier.
using Lbbv.Backend;
using Lbbv.Backend.Emission;
using Lbbv.Backend.Stencils;
using Lbbv.Bytecode;
using Lbbv.Jit;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Versioning;

internal sealed unsafe partial class BlockCompiler
{
    private readonly LbbvTier _tier;
    private readonly JitBackend _backend;
    private readonly StencilLibrary _s;
    private readonly CodeUnitBuilder _unit;
    private readonly LbbvStatistics _stats;
    private readonly LbbvOptions _options;
    private int _unitSerial;
    private int _versionIds;

    // ---- the unit being emitted
    private CodeVersions _cv = null!;
    private CodeRuntime _cr = null!;
    private CodeShape _shape = null!;
    private SlotLayout _layout;
    private int _slotCount;
    private Frame* _live;
    private readonly List<BlockVersion> _unitVersions = [];
    private readonly List<(Label Label, Action Emit)> _cold = [];
    private readonly Queue<BlockVersion> _inline = new();
    private Label _returnStatus;

    // ---- the version being emitted
    private BlockVersion _version = null!;
    private TypeContext _ctx;
    private int _depth;
    private int _k;
    private int _pendingOps;
    private bool _noSpeculationAtStart;
    /// <summary>For each slot, the value it will hold when this code first runs, when the compiler
    /// can tell (the unit's entry version, compiled with its frame stopped at the entry): what a peek reads.</summary>
    private Value[] _liveValue = new Value[64];
    private bool[] _liveKnown = new bool[64];
    /// <summary>For each stack slot, the local it is a copy of (LoadFast) or -1: a guard on the copy also types the local.</summary>
    private int[] _alias = new int[64];
    /// <summary>For each local, what earlier code in this version proved about its object. An object's
    /// class never changes and its slot array only grows, so the knowledge lasts until the local is
    /// stored to.</summary>
    private KnownObject[] _knownObject = new KnownObject[64];
    /// <summary>For each stack slot, true while it is a copy of its alias local that was not written
    /// yet (a lazy LoadFast): readers take the local directly; anything that reads the frame's stack
    /// (helpers, exits, successors, calls) first materializes it.</summary>
    private bool[] _pending = new bool[64];
    /// <summary>For each stack slot, true while it holds a constant (LoadConst of an int, float,
    /// bool or None) that was not written yet: ops that take an immediate use <see cref="_constant"/>,
    /// anything else reads it through In(), which writes it first.</summary>
    private bool[] _constantPending = new bool[64];
    private Value[] _constant = new Value[64];
    /// <summary>For each stack slot, the heap object it is known to hold exactly (a builtin or a
    /// watched global read at compile time), or 0: a call of it needs no identity check.</summary>
    private nint[] _exactObject = new nint[64];

    /// <summary>Whether <paramref name="slot"/> is known to hold exactly the object <paramref name="value"/>.</summary>
    private bool HoldsExactly(int slot, Value value) => value.IsObject && _exactObject[slot] == (nint)value.Payload;
    /// <summary>Whether the class version was checked earlier in this version with no call or helper
    /// (which could change a class) since.</summary>
    private bool _classVersionChecked;

    public BlockCompiler(LbbvTier tier, JitBackend backend, LbbvStatistics stats, LbbvOptions options)
    {
        _tier = tier;
        _backend = backend;
        _s = backend.Stencils;
        _unit = backend.CreateUnitBuilder();
        _stats = stats;
        _options = options;
    }

    /// <summary>Compiles a new version of (offset, context) and the fall-through versions after it.
    /// <paramref name="live"/> is the frame stopped at <paramref name="offset"/> (its values may be
    /// peeked to choose what to speculate on). Returns null when the code space is full.</summary>
    public BlockVersion? Compile(CodeVersions cv, int offset, TypeContext context, bool generic, Frame* live, bool noSpeculationAtStart)
    {
        _cv = cv;
        _cr = cv.Code;
        _shape = cv.Shape;
        _layout = cv.Layout;
        _slotCount = _cr.SlotCount;
        _live = live;
        _unitVersions.Clear();
        _cold.Clear();
        _inline.Clear();
        _iteratorHints.Clear();
        _unitSerial++;
        int needed = _slotCount + _cr.MaxStack + 1;
        if (_liveKnown.Length < needed) { _liveValue = new Value[needed * 2]; _liveKnown = new bool[needed * 2]; _alias = new int[needed * 2]; _knownObject = new KnownObject[needed * 2]; _pending = new bool[needed * 2]; _constantPending = new bool[needed * 2]; _constant = new Value[needed * 2]; _exactObject = new nint[needed * 2]; }

        _unit.Begin($"{_cr.Code.QualName}@{offset}#{_unitSerial}");
        _returnStatus = _unit.NewLabel();
        var entry = NewVersion(offset, context, generic);
        _noSpeculationAtStart = noSpeculationAtStart;
        EmitVersion(entry, first: true);
        _noSpeculationAtStart = false;
        while (_inline.Count > 0) EmitVersion(_inline.Dequeue(), first: false);

        _unit.Bind(_returnStatus);
        _unit.Emit(_s.Control.ReturnStatus);
        foreach (var (label, emit) in _cold)
        {
            _unit.Bind(label);
            emit();
        }

        if (!_unit.TryPublish(out var code))
        {
            foreach (var v in _unitVersions) _cv.Remove(v);
            return null;
        }
        _stats.UnitsCompiled++;
        foreach (var v in _unitVersions)
        {
            v.Address = code.Start + _unit.OffsetOf(v.Label);
            v.UnitName = code.Name;
            _stats.VersionsCompiled++;
            if (v.IsGeneric) _stats.GenericVersions++;
            _tier.OnVersionPublished(v);
        }
        return entry;
    }

    private BlockVersion NewVersion(int offset, TypeContext context, bool generic)
    {
        var v = new BlockVersion(offset, _cv.Canonical(context, offset), generic, _versionIds++)
        {
            Label = _unit.NewLabel(),
            UnitSerial = _unitSerial,
        };
        if (_options.CountInCode && _backend.TryAllocateCounter($"version:{_cr.Code.QualName}@{offset}#{v.Id}", out var counter))
            v.EntryCounter = counter;
        if (_options.CountInCode && _backend.TryAllocateCounter($"type-tests:{_cr.Code.QualName}@{offset}#{v.Id}", out var tests))
            v.TypeTestCounter = tests;
        _cv.Add(v);
        _unitVersions.Add(v);
        return v;
    }

    private void EmitVersion(BlockVersion v, bool first)
    {
        _version = v;
        _ctx = v.Context;
        _k = v.Offset;
        _depth = _shape.DepthAt(_k);
        _pendingOps = 0;
        int start = _unit.Size;
        for (int s = 0; s < _slotCount + _cr.MaxStack + 1; s++)
        {
            _liveKnown[s] = first && _live != null && s < _slotCount + _depth;
            // SAFETY: the live frame is stopped at this version's entry; s is below its stack top.
            _liveValue[s] = _liveKnown[s] ? _live->LocalsPlus[s] : default;
            _alias[s] = -1;
            _knownObject[s] = default;
            _pending[s] = false;
            _constantPending[s] = false;
            _exactObject[s] = 0;
        }
        _classVersionChecked = false;
        RecoverEntryAliases();
        _noSpeculationAt = first && _noSpeculationAtStart ? v.Offset : -1;
        _unit.Bind(v.Label);
        _versionNote = $"version v{v.Id} of {_cr.Code.QualName} @{_k} {_ctx.ToString(_layout, _depth, _cr.Code.VarNames)}{(v.IsGeneric ? " generic" : "")}";
        if (v.EntryCounter is { } entryCounter)
        {
            _unit.Annotate(_versionNote);
            _versionNote = null;
            _unit.Emit(_s.Counter.Increment, entryCounter);
        }
        while (true)
        {
            if (_k != v.Offset && _shape.IsBlockStart(_k))
            {
                FlushOps();
                FallThrough(_k, _ctx);
                break;
            }
            if (_k >= _shape.Length || _shape.DepthAt(_k) < 0)
            {
                ExitHere(ExitReason.Unsupported);
                break;
            }
            if (!GenOp()) break;
        }
        v.CodeBytes = _unit.Size - start;
    }

    /// <summary>A version that starts mid-block (a chain after a failed guard, a deferred op) finds
    /// its top stack entries in the frame; those pushed by the LoadFast ops right before its offset
    /// are copies of those locals, since only that code reaches the offset. Recording the aliases
    /// again (the compact context cannot) lets a guard on the copy type the local too, so
    /// `while k:` that chains from bool to int leaves k an int for the loop body.</summary>
    private void RecoverEntryAliases()
    {
        int entry = _depth - 1;
        for (int j = _k - 1; j >= 0 && entry >= 0 && !_shape.IsBlockStart(j + 1); j--, entry--)
        {
            int instr = _cr.Instrs[j];
            if (OpcodeInfo.OpOf(instr) != Opcode.LoadFast) break;
            int local = OpcodeInfo.ArgOf(instr), slot = StackSlot(entry);
            // One value, two facts about it: keep the more precise.
            if (!TypeOf(slot).TryMeet(TypeOf(local), out var type)) break;
            _ctx = _ctx.With(slot, type).With(local, type);
            _alias[slot] = local;
        }
    }

    // ---- helpers shared by the Gen<Op> methods

    private int StackSlot(int entry) => _slotCount + entry;
    private int Top(int fromTop = 0) => _slotCount + _depth - 1 - fromTop;
    private AbstractType TypeOf(int slot) => _ctx.Get(slot);
    private void SetType(int slot, AbstractType type)
    {
        _ctx = _ctx.With(slot, type);
        if (slot >= _slotCount && _alias[slot] >= 0) _ctx = _ctx.With(_alias[slot], type);
    }

    private void Push(AbstractType type, int liveSource = -1, int alias = -1)
    {
        int slot = StackSlot(_depth);
        _pending[slot] = false;
        _constantPending[slot] = false;
        _exactObject[slot] = 0;
        _ctx = _ctx.With(slot, type);
        _liveKnown[slot] = liveSource >= 0 && _liveKnown[liveSource];
        _liveValue[slot] = _liveKnown[slot] ? _liveValue[liveSource] : default;
        _alias[slot] = alias;
        _depth++;
    }

    /// <summary>Pushes a value whose live value the compiler computed (an attribute or item it read).</summary>
    private void PushPeeked(AbstractType type, Value? live)
    {
        int slot = StackSlot(_depth);
        Push(type);
        if (live is { } v && !v.IsEmpty)
        {
            _liveKnown[slot] = true;
            _liveValue[slot] = v;
        }
    }

    private bool TryLive(int slot, out Value value)
    {
        value = _liveKnown[slot] ? _liveValue[slot] : default;
        return _liveKnown[slot];
    }

    private void ForgetLive(int slot) => _liveKnown[slot] = false;

    /// <summary>A local was overwritten: stack copies of it no longer alias it.</summary>
    private void ForgetAliasesOf(int local)
    {
        _knownObject[local] = default;
        for (int e = 0; e < _depth; e++)
            if (_alias[StackSlot(e)] == local) Materialize(StackSlot(e));
        for (int e = 0; e < _depth; e++)
            if (_alias[StackSlot(e)] == local) _alias[StackSlot(e)] = -1;
    }

    private void Pop(int count = 1)
    {
        for (int i = 0; i < count; i++)
        {
            _depth--;
            int slot = StackSlot(_depth);
            _ctx = _ctx.With(slot, AbstractType.Unknown);
            _liveKnown[slot] = false;
            _alias[slot] = -1;
            _pending[slot] = false;
            _constantPending[slot] = false;
            _exactObject[slot] = 0;
        }
    }

    // ---- the lazy operand stack

    /// <summary>Where an op reads the value of <paramref name="slot"/>: the local it is a pending copy
    /// of, or the slot (a pending constant is written to it first).</summary>
    private Operand In(int slot)
    {
        if (_constantPending[slot]) Materialize(slot);
        return Operand.Slot(slot >= _slotCount && _pending[slot] ? _alias[slot] : slot);
    }

    /// <summary>The int constant <paramref name="slot"/> holds while it is pending and fits an imm32.</summary>
    private bool SmallIntConstant(int slot, out int value)
    {
        var c = _constant[slot];
        bool small = _constantPending[slot] && c.Tag == Tag.Int && c.Payload is >= int.MinValue and <= int.MaxValue;
        value = small ? (int)c.Payload : 0;
        return small;
    }

    /// <summary>Whether <paramref name="slot"/> holds a pending positive int constant 2**shift.</summary>
    private bool PowerOfTwoConstant(int slot, out int shift)
    {
        var c = _constant[slot];
        bool power = _constantPending[slot] && c.Tag == Tag.Int && c.Payload > 0 && (c.Payload & (c.Payload - 1)) == 0;
        shift = power ? System.Numerics.BitOperations.Log2((ulong)c.Payload) : 0;
        return power;
    }

    private void Materialize(int slot)
    {
        if (_constantPending[slot])
        {
            EmitConstant(_constant[slot], slot);
            _constantPending[slot] = false;
        }
        if (slot < _slotCount || !_pending[slot]) return;
        _unit.Emit(_s.Frame.Move, Operand.Slot(_alias[slot]), Operand.Slot(slot));
        _pending[slot] = false;
    }

    /// <summary>Writes a constant to a slot (only its payload into a local that already holds its tag).</summary>
    private void EmitConstant(Value value, int dst)
    {
        Stencil stencil = value.Tag switch
        {
            Tag.Int when value.Payload is >= int.MinValue and <= int.MaxValue => _s.Frame.StoreSmallInt,
            Tag.Int => _s.Frame.StoreInt,
            Tag.Float => _s.Frame.StoreFloat,
            Tag.Bool => value.Payload != 0 ? _s.Frame.StoreTrue : _s.Frame.StoreFalse,
            Tag.Object => _s.Frame.StoreObject, // a global's function, class, module or builtin
            _ => _s.Frame.StoreNone,
        };
        stencil = ForResult(stencil, dst, TagMapping.FromTag((byte)value.Tag, value.IsObject ? (byte)value.Kind : (byte)0));
        if (value.Tag is Tag.Bool or Tag.None) _unit.Emit(stencil, Operand.Slot(dst));
        else _unit.Emit(stencil, Operand.Slot(dst), Operand.Imm(value.Payload));
    }

    /// <summary>Writes every pending stack slot: the frame then holds the whole operand stack.</summary>
    private void MaterializeAll()
    {
        for (int e = 0; e < _depth; e++) Materialize(StackSlot(e));
    }

    /// <summary>A write that materializes a pending stack entry: a copy of local From, or a constant (From -1).</summary>
    private readonly record struct PendingWrite(int From, int To, Value Constant);

    /// <summary>The writes that would materialize the stack now, for an out-of-line path to emit.</summary>
    private PendingWrite[] PendingMoves()
    {
        List<PendingWrite>? moves = null;
        for (int e = 0; e < _depth; e++)
        {
            int slot = StackSlot(e);
            if (_constantPending[slot]) (moves ??= []).Add(new PendingWrite(-1, slot, _constant[slot]));
            else if (_pending[slot]) (moves ??= []).Add(new PendingWrite(_alias[slot], slot, default));
        }
        return moves?.ToArray() ?? [];
    }

    private void EmitMoves(PendingWrite[] moves)
    {
        foreach (var m in moves)
        {
            if (m.From < 0) EmitConstant(m.Constant, m.To);
            else _unit.Emit(_s.Frame.Move, Operand.Slot(m.From), Operand.Slot(m.To));
        }
    }

    /// <summary>The type a live value in <paramref name="slot"/> has right now, when the compiler may look.</summary>
    private AbstractType? Peek(int slot)
    {
        if (!TryLive(slot, out var value)) return null;
        byte kind = value.IsObject ? (byte)value.Kind : (byte)0;
        return TagMapping.FromTag((byte)value.Tag, kind);
    }

    /// <summary>Counts the ops completed inline since the last flush (statistics only).</summary>
    private void FlushOps()
    {
        if (_pendingOps > 0 && _stats.BytecodesInCode is { } counter)
            _unit.Emit(_s.Counter.Add, counter, Operand.Imm(_pendingOps));
        _pendingOps = 0;
    }

    private void OpDone(int ops = 1)
    {
        _k += ops;
        _pendingOps += ops;
    }

    private Operand ExitOperand(ExitReason reason, int offset) => Operand.Exit(new ExitRecord((uint)reason, offset));

    /// <summary>Ends the version: leave to the interpreter before the current op.</summary>
    private bool ExitHere(ExitReason reason)
    {
        MaterializeAll();
        FlushOps();
        _unit.Emit(_s.Control.Exit, _stats.ExitCounter(reason), ExitOperand(reason, _k));
        return false;
    }

    /// <summary>Out-of-line code, emitted after the unit's hot code: it first writes the stack
    /// entries pending here, so whatever <paramref name="emit"/> leaves for (the interpreter, a helper,
    /// a stub, another version) finds the whole operand stack in the frame.</summary>
    private Label ColdPath(Action emit)
    {
        var label = _unit.NewLabel();
        var moves = PendingMoves();
        _cold.Add((label, () =>
        {
            EmitMoves(moves);
            emit();
        }));
        return label;
    }

    /// <summary>An out-of-line exit to the interpreter before the current op (for guards and slow paths).</summary>
    private Label ColdExit(ExitReason reason)
    {
        var record = ExitOperand(reason, _k);
        var counter = _stats.ExitCounter(reason);
        return ColdPath(() => _unit.Emit(_s.Control.Exit, counter, record));
    }

    /// <summary>An out-of-line slow path that runs the current op through the interpreter's
    /// implementation and rejoins the fast path at <paramref name="rejoin"/> (bind it after the fast
    /// path). Only for ops whose fast path leaves its inputs untouched when it declines and whose
    /// result type the continuation does not rely on.</summary>
    private Label ColdHelper(Label rejoin)
    {
        long k = _k, depth = _depth;
        _classVersionChecked = false; // the helper may have changed a class before the rejoin
        var helperCalls = _stats.HelperCalls;
        _stats.HelperCallsEmitted++;
        return ColdPath(() =>
        {
            if (helperCalls is { } c) _unit.Emit(_s.Counter.Increment, c);
            _unit.Emit(_s.Call.Helper(3), Operand.Pointer(OpHelpers.GenericOpAddress), Operand.Imm(k), Operand.Imm(depth), Operand.Imm(0), Operand.To(_returnStatus));
            _unit.Emit(_s.Control.Jump, Operand.To(rejoin));
        });
    }

    /// <summary>An out-of-line jump through a fresh indirect slot whose stub compiles <paramref name="request"/>.</summary>
    private Operand SlotJump(CompileRequest request, string name)
    {
        if (!_tier.TryAllocateSlot(request, name, out var slot)) return ColdExit(ExitReason.CompileFailed);
        var indirect = _stats.IndirectJumps;
        return ColdPath(() =>
        {
            if (indirect is { } c) _unit.Emit(_s.Counter.Increment, c);
            _unit.Emit(_s.Control.JumpThroughSlot, slot);
        });
    }

    /// <summary>Where a specialized op goes when its fast path declines (an int overflow, a zero
    /// divisor): a stub that compiles a version of this op that runs it unspecialized (the
    /// interpreter's implementation: big ints, exceptions) and continues in machine code. Before
    /// this, such a decline left to the interpreter, which in a directly called frame means
    /// finishing the whole call there.</summary>
    private Operand Declined() =>
        SlotJump(new CompileRequest(RequestKind.Unspecialized, _cv, _k, _ctx), $"{_cr.Code.QualName}@{_k}:declined");

    /// <summary>Where a guard at the current op goes when it fails: a chain stub that compiles a
    /// version speculating on the value's actual type (the context is the op's entry context).</summary>
    private Operand ChainTarget(TypeContext entryContext) =>
        SlotJump(new CompileRequest(RequestKind.Chain, _cv, _k, entryContext), $"{_cr.Code.QualName}@{_k}:chain");

    /// <summary>The target for a branch to block <paramref name="target"/> with <paramref name="context"/>:
    /// an existing version directly, else a stub that compiles it when first taken.</summary>
    private Operand BranchTarget(int target, TypeContext context)
    {
        MaterializeAll(); // successors find the whole stack in the frame
        context = _cv.Canonical(context, target);
        var selection = VersionSelector.Select(_cv.VersionsAt(target), context, _options.MaxVersions);
        if (selection.Existing is { } v) return v.IsPublished ? Operand.Code(v.Address) : Operand.To(v.Label);
        return SlotJump(new CompileRequest(RequestKind.Block, _cv, target, context), $"{_cr.Code.QualName}@{target}");
    }

    /// <summary>Ends the version with control continuing at <paramref name="target"/>: an existing
    /// version is jumped to; a new one is compiled next in this unit, right after this code.</summary>
    private void FallThrough(int target, TypeContext context)
    {
        MaterializeAll();
        context = _cv.Canonical(context, target);
        var selection = VersionSelector.Select(_cv.VersionsAt(target), context, _options.MaxVersions);
        if (selection.Existing is { } v)
        {
            _unit.Emit(_s.Control.Jump, v.IsPublished ? Operand.Code(v.Address) : Operand.To(v.Label));
            return;
        }
        if (_unitVersions.Count >= _options.MaxVersionsPerUnit)
        {
            _unit.Emit(_s.Control.Jump, SlotJump(new CompileRequest(RequestKind.Block, _cv, target, context), $"{_cr.Code.QualName}@{target}"));
            return;
        }
        var next = NewVersion(target, selection.NewContext, selection.NewIsGeneric);
        // Emitted next, so it sits right after this code and needs no jump.
        _inline.Enqueue(next);
        if (_inline.Count > 1) _unit.Emit(_s.Control.Jump, Operand.To(next.Label));
    }

    /// <summary>Emits a type guard for <paramref name="type"/> on <paramref name="slot"/>; false when
    /// the lattice type has no single-test guard (the caller then runs the op unspecialized).</summary>
    private bool Guard(int slot, AbstractType type, Operand fail)
    {
        Stencil? stencil = type switch
        {
            AbstractType.Int => _s.Guards.Int,
            AbstractType.Float => _s.Guards.Float,
            AbstractType.Bool => _s.Guards.Bool,
            AbstractType.None => _s.Guards.None,
            AbstractType.Heap => _s.Guards.Object,
            AbstractType.Bound => _s.Guards.NotEmpty,
            AbstractType.Str or AbstractType.List or AbstractType.Tuple or AbstractType.Dict or AbstractType.Instance
                or AbstractType.Function or AbstractType.Iterator => _s.Guards.ObjectKind,
            _ => null,
        };
        if (stencil is null) return false;
        CountTypeTest();
        if (stencil == _s.Guards.ObjectKind)
            _unit.Emit(stencil, In(slot), Operand.Imm((long)type.Guarantee().ObjectKind!.Value), fail);
        else
            _unit.Emit(stencil, In(slot), fail);
        SetType(slot, type);
        return true;
    }

    /// <summary>A class (shape) check: counted apart from type tests.</summary>
    private void CountClassCheck()
    {
        _stats.ClassChecksEmitted++;
        _version.GuardsEmitted++;
        if (_stats.ClassChecksExecuted is { } c) _unit.Emit(_s.Counter.Increment, c);
    }

    private void CountTypeTest()
    {
        _stats.TypeTestsEmitted++;
        _version.GuardsEmitted++;
        EmitTypeTestCounters(_stats.TypeTestsExecuted, _version.TypeTestCounter);
    }

    /// <summary>Bumps the run's and the version's type-test counters (statistics only).</summary>
    private void EmitTypeTestCounters(ExitCounter? run, ExitCounter? version)
    {
        if (run is { } c) _unit.Emit(_s.Counter.Increment, c);
        if (version is { } v) _unit.Emit(_s.Counter.Increment, v);
    }

    /// <summary>An op the compiler does not specialize, run by its own helper (the runtime's code for
    /// it, as the interpreter's op calls it, without the interpreter's one-instruction step): pops
    /// <paramref name="inputs"/> entries and pushes <paramref name="result"/>, if any.</summary>
    private bool GenHelperOp(nint helper, int inputs, AbstractType? result, long extra = 0)
    {
        FlushOps();
        CallHelper(helper, extra);
        Pop(inputs);
        if (result is { } type) Push(type);
        return Done();
    }

    /// <summary>Calls a helper with (offset, depth, extra); a non-zero status leaves with that exit record.</summary>
    private void CallHelper(nint helper, long extra = 0)
    {
        MaterializeAll(); // the helper runs the op on the frame's stack
        _classVersionChecked = false;
        _stats.HelperCallsEmitted++;
        if (_stats.HelperCalls is { } c) _unit.Emit(_s.Counter.Increment, c);
        _unit.Emit(_s.Call.Helper(3), Operand.Pointer(helper), Operand.Imm(_k), Operand.Imm(_depth), Operand.Imm(extra), Operand.To(_returnStatus));
    }
}
