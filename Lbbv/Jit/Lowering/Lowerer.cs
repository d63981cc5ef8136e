// Lowers bytecode ops to stencils, one op at a time, for whichever frontend drives it. The frontend
// chooses the region (a block version, a trace), enters the abstract frame at its start, calls
// LowerOp while straight-line code continues, and answers through its IExitPolicy what a failed
// guard, a declined fast path and a branch lead to. Each op's lowering is in Ops/.
using Lbbv.Backend;
using Lbbv.Backend.Emission;
using Lbbv.Backend.Stencils;
using Lbbv.Bytecode;
using Lbbv.Jit.Frames;
using Lbbv.Jit.Lowering.Ops;
using Lbbv.Types;

namespace Lbbv.Jit.Lowering;

public sealed class Lowerer
{
    private int _pendingOps;

    public Lowerer(JitBackend backend, JitStatistics statistics, JitRuntime runtime)
    {
        Backend = backend;
        Statistics = statistics;
        Runtime = runtime;
        Stencils = backend.Stencils;
        Unit = backend.CreateUnitBuilder();
        Operands = new Operands(this);
        Frame = new AbstractFrame(Operands, statistics.RegisterCache);
        if (statistics.CountInCode) statistics.RegisterCache.Track(Unit); // frame loads and stores emitted
        if (backend.Options.CountFrameTraffic) statistics.RegisterCache.CountExecuted(Unit, backend); // and executed
        Emitter = new Emitter(this);
        Speculation = new Speculation(this);
        Guards = new Guards(this);
        Ops = new OpSet(this);
    }

    public JitBackend Backend { get; }
    public JitStatistics Statistics { get; }
    public JitRuntime Runtime { get; }
    public StencilLibrary Stencils { get; }
    /// <summary>The unit being emitted; the frontend publishes it.</summary>
    public CodeUnitBuilder Unit { get; }
    public AbstractFrame Frame { get; }
    public Emitter Emitter { get; }
    internal Operands Operands { get; }
    internal Speculation Speculation { get; }
    internal Guards Guards { get; }
    internal OpSet Ops { get; }

    /// <summary>The frontend's answers (set once, before the first region).</summary>
    public IExitPolicy Policy { get; set; } = null!;

    /// <summary>The code being lowered and the offset of the next op.</summary>
    public JitCode Code { get; private set; } = null!;
    public int Offset { get; private set; }

    /// <summary>What the current region counts (guards emitted, its type-test cell).</summary>
    public RegionTally Tally { get; private set; } = new();

    /// <summary>A note for the listing (a region's header), shown before the next op that emits code.</summary>
    public string? Note { get; set; }

    /// <summary>The opcode at <paramref name="offset"/> of the code being lowered (for listings and dumps).</summary>
    public Opcode OpAt(int offset) => OpcodeInfo.OpOf(Code.InstrAt(offset));

    public bool KeepListings => Backend.Options.KeepListings;

    /// <summary>Starts a unit of machine code (one or more regions, published together);
    /// <paramref name="group"/> is the frontend's grouping of units (see CodeUnitBuilder.Group).</summary>
    public void BeginUnit(string name, int group = 0)
    {
        Emitter.Begin(name, group);
        Ops.Iteration.ForgetHints();
    }

    /// <summary>Starts lowering <paramref name="code"/> at <paramref name="offset"/>; enter
    /// <see cref="Frame"/> for it too.</summary>
    public void BeginRegion(JitCode code, int offset, RegionTally tally)
    {
        Code = code;
        Offset = offset;
        Tally = tally;
        _pendingOps = 0;
    }

    /// <summary>Moves the cursor to <paramref name="offset"/> of <paramref name="code"/> within the
    /// current region (a tracing frontend following a jump it recorded, or entering and leaving
    /// inlined code): counts and the tally carry on.</summary>
    public void MoveTo(JitCode code, int offset)
    {
        Code = code;
        Offset = offset;
    }

    /// <summary>Lowers the op at <see cref="Offset"/> (a fused pair: both); false when control left
    /// the straight-line code (the policy was told where it continues, or it exited).</summary>
    public bool LowerOp()
    {
        _nesting++;
        try { return LowerOneOp(); }
        finally { _nesting--; }
    }

    /// <summary>How many <see cref="LowerOp"/> calls are running (more than one: an inlined leaf's ops,
    /// lowered inside its call's).</summary>
    private int _nesting;

    private bool LowerOneOp()
    {
        int instr = Code.InstrAt(Offset);
        var op = OpcodeInfo.OpOf(instr);
        int arg = OpcodeInfo.ArgOf(instr);
        if (KeepListings)
        {
            string line = Frame.CacheState() is { } cached ? $"@{Offset} {op} {arg} [cached {cached}]" : $"@{Offset} {op} {arg}";
            string text = Note is { } header ? $"{header}\n;   {line}" : line;
            // Inside a call's op whose own code emitted nothing yet (a virtual frame entered with no
            // stencil): keep the call's note (and its region's header) before the callee's first op.
            Unit.Annotate(_nesting > 1 && Unit.PendingNote is { } outer ? $"{outer}\n; {text}" : text);
        }
        // An op that emits nothing (a pending LoadFast or LoadConst) hands the region's header on to
        // the next op's code, where the listing shows it.
        string? note = Note;
        int sizeBefore = Unit.Size;
        Note = null;
        // Only the register-aware ops find entries in cache registers: every other op may read the
        // frame generically or run code that reuses the registers. Ops whose lowering reads their
        // operands where they are may find them pending; every other op finds the whole operand
        // stack in the frame.
        // Branches keep cached locals: they read no local, and a block edge keeps them (the successor
        // is compiled for them) or writes them back.
        bool keepsLocals = KeepsCachedLocals(op);
        if (!IsRegisterAware(op))
        {
            if (keepsLocals) Frame.SpillStackRegisters(SpillReason.Op);
            else Frame.SpillRegisters(SpillReason.Op);
        }
        if (!OpTable.Of(op).Has(OpTraits.LazyOperands))
        {
            if (keepsLocals) Frame.MaterializeStack();
            else Frame.MaterializeAll();
        }
        bool more = Ops.Lower(op, arg);
        if (Unit.Size == sizeBefore && more) Note ??= note;
        return more;
    }

    /// <summary>Ops whose lowering knows the register cache (reads cached operands, leaves results
    /// there, or spills what it needs): everything else runs with the cache spilled.</summary>
    private static bool IsRegisterAware(Opcode op) =>
        op is Opcode.Nop or Opcode.LoadFast or Opcode.LoadConst or Opcode.StoreFast or Opcode.BinaryOp or Opcode.CompareOp
            or Opcode.LoadAttr or Opcode.StoreAttr or Opcode.Swap or Opcode.ReturnValue
            or Opcode.BinarySubscr or Opcode.StoreSubscr;

    /// <summary>Ops that leave cached locals in their registers though they do not know the stack cache
    /// (docs/JIT-CORE.md, "The register cache across block edges"): their helpers write them back. A
    /// Call writes them back itself unless it inlines a leaf, which keeps the float ones
    /// (CallOps.GenCall).</summary>
    public static bool KeepsCachedLocals(Opcode op) =>
        op is Opcode.Jump or Opcode.PopJumpIfFalse or Opcode.PopJumpIfTrue or Opcode.Nop or Opcode.ForIter
            or Opcode.LoadGlobal or Opcode.Call;

    /// <summary>Loads <paramref name="local"/>, of <paramref name="type"/> (Int or Float), from its exact
    /// frame slot into the register the register cache keeps it in (AbstractFrame.EnterCachedLocals).</summary>
    public void LoadCachedLocal(int local, Types.AbstractType type) =>
        Unit.Emit(AbstractFrame.LoadsAsFloat(type) ? Stencils.Xmm.Load(AbstractFrame.XmmLocalRegisterOf(local))
            : Stencils.Gpr.Load(AbstractFrame.IntRegisterOf(local)), Operand.Slot(local));

    /// <summary>A tracing frontend's inlined call at <see cref="Offset"/> (Call or CallMethod of a
    /// function of <paramref name="callee"/>'s code, seen as <paramref name="callable"/>, with
    /// <paramref name="arguments"/>): pushes the callee's frame (or, with <paramref name="virtualFrame"/>,
    /// only fills its slots) and continues lowering in it, at its offset 0 (CallOps.GenInlinedCall).</summary>
    /// <remarks><paramref name="callerChecked"/>: the caller's frame is the root frame of the code (pushed
    /// with its room checked), not an inlined one (CallOps.GenInlinedCall).</remarks>
    public InlinedCall EnterInlinedCall(JitCode callee, Runtime.Value callable, ReadOnlySpan<Runtime.Value> arguments,
        bool virtualFrame = false, bool callerChecked = false)
    {
        // As for any Call op: the frame push and argument copies read the caller's frame generically.
        // A virtual frame's code uses no xmm12..xmm15: cached float locals stay (written back by
        // whatever pushes the frame, CallOps.GenInlinedCall).
        if (virtualFrame)
        {
            Frame.SpillStackRegisters(SpillReason.Op);
            Frame.WriteBackIntLocals(SpillReason.Op);
        }
        else Frame.SpillRegisters(SpillReason.Op);
        return Ops.Calls.GenInlinedCall(callee, callable, arguments, virtualFrame, callerChecked: callerChecked);
    }

    /// <summary>The inlined callee's ReturnValue: lowering continues in the caller after the call.</summary>
    public void ReturnFromInlinedCall(InlinedCall call, Backend.Emission.Label? untyped = null)
    {
        // As for any ReturnValue, while r12 is the callee's frame (the value itself: GenInlinedReturn).
        Frame.SpillRegistersBelow(Frame.Depth - 1, SpillReason.Op);
        Ops.Calls.GenInlinedReturn(call, untyped);
    }

    /// <summary>The op at <see cref="Offset"/>, whose <paramref name="pops"/> inputs a tracing
    /// frontend's constant folding computed, pushes <paramref name="value"/> instead (its inputs,
    /// pending constants, emit no code).</summary>
    public void LowerConstant(Runtime.Value value, int pops)
    {
        Frame.Pop(pops);
        var type = Types.TagMapping.FromTag((byte)value.Tag, value.IsObject ? (byte)value.Kind : (byte)0);
        Frame.PushConstant(value, type, exact: false);
        OpDone();
    }

    /// <summary>The op at <see cref="Offset"/> (popping <paramref name="pops"/> entries) is lowered as
    /// <paramref name="op"/> <paramref name="arg"/> after popping them (a tracing frontend's load
    /// elimination: a LoadFast of the local that already holds the loaded value).</summary>
    public bool LowerReplacement(Opcode op, int arg, int pops)
    {
        Frame.Pop(pops);
        if (!IsRegisterAware(op)) Frame.SpillRegisters(SpillReason.Op);
        return Ops.Lower(op, arg);
    }

    /// <summary>A tracing frontend's guard: <paramref name="slot"/> holds a <paramref name="type"/>,
    /// or the policy's side exit before the op at <see cref="Offset"/>. No code when the frame
    /// already proves it; false when the type has no single test (nothing emitted).</summary>
    public bool GuardType(int slot, AbstractType type)
    {
        if (Frame.TypeOf(slot) != AbstractType.Unknown && Frame.TypeOf(slot).IsSubtypeOf(type)) return true;
        if (!Guards.CanGuard(type)) return false;
        FlushOps();
        return Guards.Guard(slot, type, Guards.Failure());
    }

    /// <summary>Checks the class version here unless the frame knows it was checked since the last
    /// call or helper (a tracing frontend's loop end, where its body assumes it was).</summary>
    public void CheckClassVersion() => Guards.GuardClassVersion(Lbbv.Runtime.ClassObject.GlobalVersion);

    /// <summary>Lowers the unit's shared return and its out-of-line paths after its hot code.</summary>
    public void FinishUnit() => Emitter.Finish();

    /// <summary>The op (or fused ops) at <see cref="Offset"/> completed inline.</summary>
    public void OpDone(int ops = 1)
    {
        Offset += ops;
        _pendingOps += ops;
    }

    /// <summary>Counts the ops completed inline since the last flush (statistics only).</summary>
    public void FlushOps()
    {
        if (_pendingOps > 0 && Statistics.BytecodesInCode is { } counter)
            Unit.Emit(Stencils.Counter.Add, counter, Operand.Imm(_pendingOps));
        _pendingOps = 0;
    }

    /// <summary>The op about to leave the code is counted as done (ReturnValue).</summary>
    internal void CountOp() => _pendingOps++;
}
