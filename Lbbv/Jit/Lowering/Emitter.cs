// The unit's code outside the ops' own stencils: out-of-line paths (emitted after the hot code),
// exits to the interpreter, helper calls and the counters the lowering emits.
using Lbbv.Backend.Emission;
using Lbbv.Backend.Stencils;
using Lbbv.Jit.Frames;

namespace Lbbv.Jit.Lowering;

public sealed class Emitter(Lowerer lowerer)
{
    private readonly List<(Label Label, Action Emit)> _cold = [];
    private VirtualFrame? _virtual;

    private CodeUnitBuilder Unit => lowerer.Unit;
    private StencilLibrary S => lowerer.Stencils;
    private JitStatistics Stats => lowerer.Statistics;
    private AbstractFrame Frame => lowerer.Frame;

    /// <summary>The unit's shared `ret` of a helper's non-zero status (an exit record).</summary>
    public Label ReturnStatus { get; private set; }

    /// <summary>The inlined callee whose frame the hot path here has not pushed (a virtual frame), or null.
    /// Set to a frame with <see cref="VirtualFrame.AboveBytes"/>, the hot path addresses its slots from the
    /// caller's r12 (CodeUnitBuilder.SlotBias) until the frame is pushed or left (set to null).</summary>
    public VirtualFrame? Virtual
    {
        get => _virtual;
        internal set
        {
            _virtual = value;
            Unit.SlotBias = value is { AboveBytes: > 0 } above ? above.AboveBytes / Lbbv.Runtime.Layout.ValueSize : 0;
        }
    }

    /// <summary>Bytes r12 lies below the slots of the virtual frame being lowered (its caller's frame size,
    /// <see cref="VirtualFrame.AboveBytes"/>): what code that needs r12 on them (a push, an exit) adds first.</summary>
    private int BytesBelow => Unit.SlotBias * Lbbv.Runtime.Layout.ValueSize;

    internal void Begin(string name, int group)
    {
        _cold.Clear();
        Virtual = null;
        Unit.Begin(name, group);
        ReturnStatus = Unit.NewLabel();
    }

    internal void Finish()
    {
        Virtual = null;
        Unit.Bind(ReturnStatus);
        Unit.Emit(S.Control.ReturnStatus);
        foreach (var (label, emit) in _cold)
        {
            Unit.Bind(label);
            emit();
        }
    }

    /// <summary>Out-of-line code at <paramref name="label"/> that writes nothing first (its entries are
    /// written wherever it is reached from: an inlined callee's helper status path).</summary>
    internal void ColdBlock(Label label, Action emit) => _cold.Add((label, emit));

    /// <summary>Out-of-line code at <paramref name="label"/> entered with the frame exact (a version's
    /// entry that loads its cached locals): writes nothing first.</summary>
    public void ColdEntry(Label label, Action emit) => ColdBlock(label, emit);

    /// <summary>Makes <paramref name="status"/> the target of helpers' non-zero status (an inlined
    /// callee's code: CallOps.GenInlinedLeaf) and returns the one it replaces, to put back after.</summary>
    internal Label SwapReturnStatus(Label status)
    {
        var previous = ReturnStatus;
        ReturnStatus = status;
        return previous;
    }

    public static Operand ExitOperand(ExitReason reason, int offset) => Operand.Exit(new ExitRecord((uint)reason, offset));

    /// <summary>Ends the straight-line code: leave to the interpreter before the current op.</summary>
    public bool ExitHere(ExitReason reason)
    {
        MaterializeHere();
        Frame.MaterializeAll();
        lowerer.FlushOps();
        Unit.Emit(S.Control.Exit, Stats.ExitCounter(reason), ExitOperand(reason, lowerer.Offset));
        return false;
    }

    /// <summary>Out-of-line code, emitted after the unit's hot code: it first writes the stack
    /// entries pending here (and those cached in registers, still there when it is reached), so whatever <paramref name="emit"/> leaves for (the interpreter, a helper,
    /// a stub, another region) finds the whole operand stack in the frame.</summary>
    public Label ColdPath(Action emit) => ColdPath(emit, first: null);

    /// <summary><see cref="ColdPath(Action)"/> that runs <paramref name="first"/> before the writes
    /// (to set aside a register they may use).</summary>
    public Label ColdPath(Action emit, Action? first)
    {
        var label = Unit.NewLabel();
        var writes = Frame.PendingWrites();
        var frame = Virtual; // where its arguments are read (VirtualFrame.ArgumentSources)
        int below = BytesBelow; // r12 on the caller's slots: onto the virtual frame's first, as pushes expect
        foreach (var write in writes)
            if (write.FromRegister) Frame.Counts.CountSpill(SpillReason.Exit);
        _cold.Add((label, () =>
        {
            if (below != 0) Unit.Emit(S.Invoke.EnterAbove, Operand.Imm(below));
            first?.Invoke();
            foreach (var write in writes) lowerer.Operands.Write(write, frame, deferred: true);
            emit();
        }));
        return label;
    }

    /// <summary>An out-of-line exit to the interpreter before the current op (for guards and slow paths).</summary>
    public Label ColdExit(ExitReason reason)
    {
        var record = ExitOperand(reason, lowerer.Offset);
        var counter = Stats.ExitCounter(reason);
        var frame = Virtual;
        return ColdPath(() =>
        {
            Materialize(frame);
            Unit.Emit(S.Control.Exit, counter, record);
        });
    }

    /// <summary>Pushes the virtual frame of the inlined call being lowered, if any, here in the hot
    /// path: before code that needs the VM to know it (a helper call, a call, an exit). From here
    /// on the frame is real, and the inlined call's return pops it.</summary>
    public void MaterializeHere()
    {
        if (Virtual is not { } frame) return;
        int below = BytesBelow;
        Virtual = null;
        if (below != 0) Unit.Emit(S.Invoke.EnterAbove, Operand.Imm(below));
        Materialize(frame);
    }

    /// <summary>Pushes <paramref name="frame"/> (null: no frame is virtual), on an exit's path or in
    /// the hot path: the exit then leaves from inside the inlined callee as if its frame had been
    /// pushed at the call.</summary>
    public void Materialize(VirtualFrame? frame)
    {
        if (frame is null) return;
        Stats.FrameMaterializationsEmitted++;
        if (Stats.FramesMaterialized is { } c) Unit.Emit(S.Counter.Increment, c);
        if (frame.CallerWrites.Length > 0)
        {
            Unit.Emit(S.Invoke.ToCallerSlots);
            foreach (var write in frame.CallerWrites)
            {
                // A caller's cached local written back (first: the copies below read its slot).
                if (write.FromRegister) lowerer.Operands.Write(write, null, deferred: true);
                else if (write.From >= 0) Unit.Emit(S.Frame.Move, Operand.Slot(write.From), Operand.Slot(write.To));
                else Unit.Emit(S.Frame.StoreObject, Operand.Slot(write.To), Operand.Imm(write.Constant.Payload));
            }
            Unit.Emit(S.Invoke.ToVirtualSlots);
        }
        Unit.Emit(frame.Stencil, frame.Operands);
        // The arguments the callee read from the caller's slots (VirtualFrame.ArgumentSources).
        for (int local = 0; local < frame.ArgumentSources.Length; local++)
            if (frame.ArgumentSources[local] != VirtualFrame.OwnSlot)
                Unit.Emit(S.Frame.Move, Operand.Slot(frame.ArgumentSources[local]), Operand.Slot(local));
    }

    /// <summary>An out-of-line slow path that runs the current op through the interpreter's
    /// implementation and rejoins the fast path at <paramref name="rejoin"/> (bind it after the fast
    /// path with <see cref="Rejoin"/>). Only for ops whose fast path leaves its inputs untouched when
    /// it declines and whose result type the continuation does not rely on.</summary>
    public Label ColdHelper(Label rejoin) => ColdHelper(rejoin, OpHelpers.GenericOpAddress, 0);

    /// <summary><see cref="ColdHelper(Label)"/> that, with <paramref name="keepLocals"/>, leaves the cached
    /// locals in their registers in the hot path: its slow path writes them back before the helper, so
    /// <paramref name="rejoin"/> must be code that takes them as written back (an inlined leaf's untyped
    /// continuation, CallOps.UntypedTarget), never the hot path's continuation.</summary>
    public Label ColdHelper(Label rejoin, bool keepLocals) =>
        ColdHelper(rejoin, OpHelpers.GenericOpAddress, 0, 0, null, keepLocals);

    /// <summary><see cref="ColdHelper(Label)"/> whose slow path calls <paramref name="helper"/> (the
    /// runtime's code for the op, no interpreter step) with <paramref name="extra"/>.</summary>
    public Label ColdHelper(Label rejoin, nint helper, long extra) => ColdHelper(rejoin, helper, extra, 0, null);

    /// <summary><see cref="ColdHelper(Label)"/> for an op whose stencil reads its top <paramref name="operands"/>
    /// entries from their cache registers: they stay cached in the hot path (the slow path writes them,
    /// and the op consumes them); <paramref name="after"/> runs on the slow path after the helper (to
    /// move the result into the local of a StoreFast fused with the op).</summary>
    public Label ColdHelperKeeping(Label rejoin, int operands, Action? after) =>
        ColdHelper(rejoin, OpHelpers.GenericOpAddress, 0, operands, after);

    private Label ColdHelper(Label rejoin, nint helper, long extra, int operands, Action? after,
        bool keepLocals = false)
    {
        long offset = lowerer.Offset, depth = Frame.Depth;
        // The helper runs in the callee's frame: the slow path rejoins with it pushed, so push it here.
        MaterializeHere();
        // The helper may reuse the cache registers before the rejoin: spill the cache here, in the
        // hot path, so that the code after the rejoin finds every entry in the frame.
        // Float locals in xmm12..xmm15 stay cached in the hot path: the slow path writes them back before
        // the helper (ColdPath's pending writes) and loads them again after it (a helper cannot rebind
        // a fast local; the op's own store into one, `after`, comes later and the hot path drops it).
        ulong floats = 0;
        if (keepLocals) Frame.SpillStackRegisters(SpillReason.Op);
        else
        {
            Frame.SpillRegistersBelow(Frame.Depth - operands, SpillReason.Op, keepFloatLocals: true);
            floats = Frame.CachedFloatLocals;
        }
        Frame.ForgetClassVersion(); // the helper may have changed a class before the rejoin
        var helperCalls = Stats.HelperCalls;
        Stats.HelperCallsEmitted++;
        var status = ReturnStatus; // the one in force here (an inlined callee's, SwapReturnStatus)
        return ColdPath(() =>
        {
            if (helperCalls is { } c) Unit.Emit(S.Counter.Increment, c);
            Unit.Emit(S.Call.Helper(3), Operand.Pointer(helper), Operand.Imm(offset), Operand.Imm(depth),
                Operand.Imm(extra), Operand.To(status));
            for (int local = 0; local < 64; local++)
                if ((floats >> local & 1) != 0)
                    Unit.Emit(S.Xmm.Load(AbstractFrame.XmmLocalRegisterOf(local)), Operand.Slot(local));
            after?.Invoke();
            Unit.Emit(S.Control.Jump, Operand.To(rejoin));
        });
    }

    /// <summary>Where a slow path (<see cref="ColdHelper"/>, a direct call's finish) joins the fast
    /// path again. The slow path ran Python code (the interpreter's op: a widening attribute store,
    /// a watched global's store) that may have bumped the class version, so code after the join
    /// checks the version again even if the fast path checked it after the slow path left.</summary>
    public void Rejoin(Label rejoin)
    {
        Unit.Bind(rejoin);
        Frame.ForgetClassVersion();
    }

    /// <summary>Calls a helper with (offset, depth, extra) on the frame's whole stack; a non-zero
    /// status leaves with that exit record.</summary>
    public void CallHelper(nint helper, long extra = 0)
    {
        MaterializeHere(); // the helper runs in the VM's current frame
        Frame.MaterializeAll(); // the helper runs the op on the frame's stack
        Frame.ForgetClassVersion();
        Stats.HelperCallsEmitted++;
        if (Stats.HelperCalls is { } c) Unit.Emit(S.Counter.Increment, c);
        Unit.Emit(S.Call.Helper(3), Operand.Pointer(helper), Operand.Imm(lowerer.Offset), Operand.Imm(Frame.Depth),
            Operand.Imm(extra), Operand.To(ReturnStatus));
    }

    /// <summary>A class (shape) check: counted apart from type tests.</summary>
    public void CountClassCheck()
    {
        Stats.ClassChecksEmitted++;
        lowerer.Tally.GuardsEmitted++;
        if (Stats.ClassChecksExecuted is { } c) Unit.Emit(S.Counter.Increment, c);
    }

    public void CountTypeTest()
    {
        CountColdTypeTest();
        EmitTypeTestCounters(Stats.TypeTestsExecuted, lowerer.Tally.TypeTests);
    }

    /// <summary>Counts a type test emitted out of line (its code bumps the counters itself).</summary>
    public void CountColdTypeTest()
    {
        Stats.TypeTestsEmitted++;
        lowerer.Tally.GuardsEmitted++;
        // Only when counting (--stats, --dump-versions): the string costs compile time on every test.
        if (lowerer.Tally.TypeTests is not null)
            lowerer.Tally.TypeTestSites.Add($"@{lowerer.Offset}:{lowerer.OpAt(lowerer.Offset)}");
    }

    /// <summary>Bumps the run's and the region's type-test counters (statistics only).</summary>
    public void EmitTypeTestCounters(ExitCounter? run, ExitCounter? region)
    {
        if (run is { } c) Unit.Emit(S.Counter.Increment, c);
        if (region is { } v) Unit.Emit(S.Counter.Increment, v);
    }
}
