// Gen<Op> for calls: a call whose callee is a known Python function (the callable the compiler saw,
// checked by identity) pushes the callee's frame and calls its machine code through an indirect
// slot whose stub compiles the callee's entry for the argument types the caller knows — no .NET
// on the way in or out. Builtins and classes: BuiltinCallOps, InstantiationOps. Anything else
// runs the interpreter's implementation of the call.
using Lbbv.Backend.Emission;
using Lbbv.Backend.Stencils;
using Lbbv.Bytecode;
using Lbbv.Jit.Frames;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Jit.Lowering.Ops;

internal sealed partial class CallOps(Lowerer lowerer) : OpFamily(lowerer)
{
    public bool GenCall(int argc)
    {
        // Lowerer.KeepsCachedLocals: only an inlined leaf keeps cached locals (GenInlinedLeaf).
        if (!InlinesLeafHere(argc)) Frame.WriteBackLocals(SpillReason.Op);
        if (Ops.Iteration.IsRangeLoop(argc)) return Ops.Iteration.GenRangeIter(argc);
        return GenCallFunction(Opcode.Call, argc, Top(argc), argc > 0 ? Top(argc - 1) : StackSlot(Depth), argc);
    }

    public bool GenCallMethod(int argc)
    {
        int function = Top(argc + 1), self = Top(argc);
        // `math.sqrt(x)`: a module's builtin function read as a constant, no self.
        if (TypeOf(self) == AbstractType.Empty && MaySpeculate && TryLive(function, out var builtin)
            && builtin.Is(ObjectKind.BuiltinFunction) && Obj.Get<BuiltinFunctionObject>(builtin).ResultTag is { } tag)
            return Ops.BuiltinCalls.GenCallTypedBuiltin(argc, function, builtin, tag, method: true);
        // LoadMethod left (function, self) for a method and (callable, Empty) otherwise; a
        // non-empty self is checked below unless known.
        if (TryLive(self, out var selfValue) && selfValue.IsEmpty) return Ops.Generic.GenGeneric(Opcode.CallMethod, argc);
        return GenCallFunction(Opcode.CallMethod, argc, function, self, argc + 1);
    }

    /// <summary>Whether the Call of <paramref name="argc"/> arguments here is lowered by
    /// <see cref="GenInlinedLeaf"/> (the same tests as <see cref="GenCallFunction"/>'s, in its order).</summary>
    private bool InlinesLeafHere(int argc)
    {
        if (Frame.CachedLocals == 0 || Ops.Iteration.IsRangeLoop(argc) || !Policy.InlinesLeafCalls || !MaySpeculate)
            return false;
        int functionSlot = Top(argc), firstArgument = argc > 0 ? Top(argc - 1) : StackSlot(Depth);
        if (!TryLive(functionSlot, out var callable)) return false;
        if (callable.Is(ObjectKind.BuiltinFunction) || callable.Is(ObjectKind.Class)) return false;
        if (!DirectCallable(callable, argc, out var data, out var callee) || !data.Closure.IsEmpty) return false;
        var argumentTypes = new AbstractType[argc];
        for (int i = 0; i < argc; i++) argumentTypes[i] = TypeOf(firstArgument + i);
        return InlinableLeaf(callee, argumentTypes);
    }

    /// <summary>Calls the function in <paramref name="functionSlot"/> with the <paramref name="nargs"/>
    /// values from <paramref name="firstArgument"/>; the result replaces the op's inputs.</summary>
    private bool GenCallFunction(Opcode op, int arg, int functionSlot, int firstArgument, int nargs)
    {
        if (!TryLive(functionSlot, out var callable)) return Speculation.ShouldDefer() ? Speculation.Defer() : Ops.Generic.GenGeneric(op, arg);
        if (op == Opcode.Call && callable.Is(ObjectKind.BuiltinFunction) && MaySpeculate
            && Obj.Get<BuiltinFunctionObject>(callable).ResultTag is { } resultTag)
            return Ops.BuiltinCalls.GenCallTypedBuiltin(arg, functionSlot, callable, resultTag);
        if (op == Opcode.Call && callable.Is(ObjectKind.Class) && MaySpeculate
            && Ops.Instantiation.TryGenCallClass(arg, functionSlot, callable))
            return true;
        if (!DirectCallable(callable, nargs, out var data, out var callee)) return GenCallHelper(op, arg);
        var calleeCode = callee.Code;
        var argumentTypes = new AbstractType[nargs];
        for (int i = 0; i < nargs; i++) argumentTypes[i] = TypeOf(firstArgument + i);
        if (op == Opcode.Call && Policy.InlinesLeafCalls && MaySpeculate && data.Closure.IsEmpty
            && InlinableLeaf(callee, argumentTypes))
            return GenInlinedLeaf(callee, callable, firstArgument, nargs);
        if (!Policy.TryCalleeEntry(callee, argumentTypes, "call", out var entry)) return Ops.Generic.GenGeneric(op, arg);
        L.Runtime.KeepAlive(data.Globals); // the module: its pointer is in the code

        // Pending entries (copies of locals, constants) are not written on the way in: arguments go
        // into the callee's frame straight from the local or as immediates, and the caller's
        // recorded Sp stops below the lowest pending entry under the call (UnwrittenFrom), so the
        // collector never reads an unwritten slot. The slow paths write them first (ColdPath; the
        // exit record is in r8 on FinishSlowly's path), as the interpreter's Call and FinishCall expect.
        int callerSp = UnwrittenFrom(functionSlot);
        for (int slot = StackSlot(0); slot < callerSp; slot++) Frame.Materialize(slot);
        int cells = data.Closure.IsEmpty ? 0 : (int)Tuples.Count(data.Closure), firstCell = calleeCode.SlotCount - cells;
        // A function read as a constant (a watched global) is that function: no check, and its
        // frame is pushed with the function as an immediate.
        bool exact = Frame.HoldsExactly(functionSlot, callable);
        FlushOps();
        var rejoin = Unit.NewLabel();
        var generic = Emit.ColdHelper(rejoin);
        // Any function object of this code will do (each call of an outer function makes a new
        // closure): its code, globals and shape are the same; its closure cells are read below.
        if (!exact)
        {
            // A value known to be a function needs only its code compared.
            bool function = TypeOf(functionSlot) == AbstractType.Function;
            if (function) Emit.CountClassCheck(); else Emit.CountTypeTest();
            Unit.Emit(function ? S.Invoke.CodeOfFunction : S.Guards.FunctionCode, In(functionSlot),
                Operand.Imm(calleeCode.Id), generic);
        }
        if (op == Opcode.CallMethod && !TypeOf(firstArgument).IsSubtypeOf(AbstractType.Bound))
        {
            Emit.CountTypeTest();
            Unit.Emit(S.Guards.NotEmpty, In(firstArgument), generic);
        }

        int depthAfter = Depth + StackEffects.Of(op, arg, jump: false);
        int result = StackSlot(depthAfter - 1);
        if (exact)
            EmitPushFrame(S.Invoke.PushFrameOf, Operand.Imm(callable.Payload), callerSp, calleeCode, data.Globals, generic);
        else
            EmitPushFrame(S.Invoke.PushFrame, In(functionSlot), callerSp, calleeCode, data.Globals, generic);
        for (int i = 0; i < nargs; i++) EmitArgument(firstArgument + i, i);
        for (int i = nargs; i < firstCell; i++) Unit.Emit(S.Invoke.ClearLocal, Operand.Slot(i));
        EmitClosureCells(cells, firstCell, exact ? data : null, functionSlot);
        // Return versioning: a call whose callee is predicted to return one type continues typed
        // when the callee's return site reports that type; every other way back (another type, a
        // callee finished by the interpreter, the generic call) leaves for the untyped continuation.
        var expected = Policy.TypedReturns ? TypedReturns.Predicted(calleeCode) : AbstractType.Unknown;
        // A float or int the callee returns goes straight into the result's cache register (every
        // entry was written or is pending, so no register is in use across the call).
        bool toRegister = expected is AbstractType.Float or AbstractType.Int && NoEntryInRegister();
        EmitEnterCallee(entry, result, FinishSlowly(rejoin), expected, rejoin, toRegister);
        if (expected == AbstractType.Unknown) Emit.Rejoin(rejoin);

        Frame.Pop(Depth - depthAfter + 1);
        Frame.Push(AbstractType.Bound);
        if (expected != AbstractType.Unknown) ContinueTyped(rejoin, result, expected);
        if (toRegister) Frame.NowInRegister(result, isInt: expected == AbstractType.Int);
        return Done();
    }

    private bool NoEntryInRegister()
    {
        for (int e = 0; e < Depth; e++)
            if (Frame[StackSlot(e)].InRegister) return false;
        return true;
    }

    /// <summary>The slot the caller's recorded Sp stops at during a direct call whose callable is in
    /// <paramref name="functionSlot"/>: the callable's, or lower while the entries below it are pending
    /// (a copy of a local or a constant, not in a register). The entries from there up may stay
    /// unwritten: the callable and the arguments are kept alive by the callee's frame, a copy by its
    /// local, a constant by the code.</summary>
    private int UnwrittenFrom(int functionSlot)
    {
        int from = functionSlot;
        while (from > StackSlot(0) && Frame.IsPending(from - 1)) from--;
        return from;
    }

    /// <summary>Copies the caller's entry <paramref name="slot"/> into the callee's local
    /// <paramref name="local"/>: a pending constant as an immediate, without writing the caller's slot.</summary>
    private void EmitArgument(int slot, int local)
    {
        if (Frame.IsPending(slot) && Frame[slot].PendingConstant is { } constant)
            Unit.Emit(S.Invoke.ArgumentConstant, Operand.Imm(constant.Payload), Operand.Imm(constant.TagWord), Operand.Slot(local));
        else Unit.Emit(S.Invoke.Argument, In(slot), Operand.Slot(local));
    }

    /// <summary>Copies the <paramref name="cells"/> cells of the callee's closure into its locals from
    /// <paramref name="firstCell"/>: the closure of a function known at compile time (<paramref name="known"/>)
    /// as an immediate (its slot may be an unwritten constant), else read once from the function.</summary>
    private void EmitClosureCells(int cells, int firstCell, FunctionData? known, int functionSlot)
    {
        if (cells == 0) return;
        if (known is not null)
        {
            L.Runtime.KeepAlive(known.Closure); // its pointer is in the code
            Unit.Emit(S.Invoke.LoadClosureOf, Operand.Imm(known.Closure.Payload));
        }
        else Unit.Emit(S.Invoke.LoadClosure, In(functionSlot));
        for (int i = 0; i < cells; i++) Unit.Emit(S.Invoke.ClosureCell, Operand.Slot(i), Operand.Slot(firstCell + i));
    }

    /// <summary>The call's untyped ways back join at <paramref name="untyped"/>, which leaves for the
    /// version of the next op without the result's type; straight on, the result has <paramref name="type"/>.</summary>
    private void ContinueTyped(Label untyped, int result, AbstractType type)
    {
        var target = UntypedTarget();
        Emit.ColdPath(() =>
        {
            Unit.Bind(untyped);
            Unit.Emit(S.Control.Jump, target);
        });
        Frame.SetType(result, type);
        Stats.TypedContinuationsEmitted++;
        L.Tally.TypedContinuations.Add($"@{K}:{type}");
    }

    /// <summary>Where the call's untyped ways back go (the next op's version without the result's
    /// type). Each of them wrote every entry under the call first (the generic call, the interpreter's
    /// finish, a typed return's miss), so the policy is asked with the frame taken as written, and
    /// the entries still pending on the straight way (a copy of a local under the call, as `s` in
    /// `s += f(x) * y`) stay pending there instead of being written after every return.</summary>
    private Operand UntypedTarget()
    {
        // Every untyped way ran a helper or Python code (the generic call, a finish in the interpreter, a
        // callee's return): the class version is not known to be checked there.
        var classVersion = Frame.ClassVersionState;
        Frame.RestoreClassVersion((false, false));
        // Cached locals kept across an inlined leaf (GenInlinedLeaf): every untyped way wrote them back
        // (and may have reused their registers since), so the target is asked without them.
        ulong cached = Frame.CachedLocals;
        SavedFrame? saved = null;
        try
        {
            if (cached != 0)
            {
                saved = Frame.Save(keepCachedLocals: true);
                Frame.AssumeLocalsWrittenBack(cached);
            }
            if (Frame.PendingWrites().Length == 0 || !NoEntryInRegister()) return Policy.BranchTo(K + 1, Frame.Context);
            saved ??= Frame.Save();
            Frame.AssumeWritten();
            var target = Policy.BranchTo(K + 1, Frame.Context);
            Stats.PendingKeptAcrossReturnsEmitted++;
            return target;
        }
        finally
        {
            if (saved is not null) Frame.Restore(saved);
            Frame.RestoreClassVersion(classVersion);
        }
    }

    /// <summary>ReturnValue's exit record, the value in <paramref name="top"/>: under return
    /// versioning it reports the type the compiler proved, after a guard when the value is not known
    /// to be an object, the code's returns so far predict one type (or none was seen yet) and the live
    /// value has it; the code's return profile notes what this site reports.</summary>
    public Operand ReturnExit(int top)
    {
        if (!Policy.TypedReturns) return Emitter.ExitOperand(ExitReason.Return, K);
        var type = TypeOf(top);
        var predicted = TypedReturns.Predicted(Cr);
        // A heap object is not tested for its kind: a caller's attribute and method ops check its
        // class anyway, so the test would only be added.
        if (!TypedReturns.Reportable(type) && !type.IsSubtypeOf(AbstractType.Heap) && MaySpeculate
            && (predicted != AbstractType.Unknown || Cr.ReturnsSeen == 0))
        {
            var speculated = Speculation.Speculate(top, predicted, out _);
            if (TypedReturns.Reportable(speculated) && Guards.Guard(top, speculated, Guards.Failure())) type = speculated;
        }
        if (TypedReturns.Reportable(type))
        {
            Cr.ReturnsSeen |= TypedReturns.ProfileBit(type);
            Stats.TypedReturnSitesEmitted++;
        }
        else Cr.ReturnsSeen |= ReturnProfile.Unproven;
        return Operand.Exit(new ExitRecord(TypedReturns.Reason(TypedReturns.Reportable(type) ? type : AbstractType.Unknown), K));
    }

    /// <summary>Leaves the code with ReturnValue's exit record <paramref name="exit"/>, the value in the
    /// return registers. Counted as an exit only when statistics are counted in code: a return is
    /// the way out of every call, and its count is a statistic no policy reads.</summary>
    public void EmitReturnExit(Operand exit)
    {
        if (Stats.CountInCode) Unit.Emit(S.Control.Exit, Stats.ExitCounter(ExitReason.Return), exit);
        else Unit.Emit(S.Invoke.Return, exit);
    }

    /// <summary>A call whose callee a tracing frontend runs inline: the callable is checked to be a
    /// function of <paramref name="callee"/>'s code (a side exit before the call otherwise), the
    /// callee's frame is pushed and filled as for a direct call, and r12 moves to it with no call:
    /// the frontend lowers the callee's ops next, then <see cref="GenInlinedReturn"/>. A full frame
    /// stack or the recursion limit leaves before the call (the interpreter's call then raises).</summary>
    /// <remarks>With <paramref name="virtualFrame"/> (a leaf callee: the trace calls nothing from its
    /// code) the frame is not pushed: its slots are written where the push would put them and only
    /// the checks of the push run; whatever needs the VM to know the frame pushes it first
    /// (<see cref="VirtualFrame"/>, Emitter.MaterializeHere; every exit's path).</remarks>
    /// <remarks>With <paramref name="callerChecked"/> (the caller's frame was pushed with its room checked,
    /// not a virtual frame pushed since) a virtual frame that fits FrameStack.VirtualFrameReserve
    /// checks only the recursion limit.</remarks>
    public InlinedCall GenInlinedCall(JitCode callee, Value callable, ReadOnlySpan<Value> arguments,
        bool virtualFrame = false, Operand? fail = null, bool callerChecked = false)
    {
        var op = OpcodeInfo.OpOf(L.Code.InstrAt(K));
        int argc = OpcodeInfo.ArgOf(L.Code.InstrAt(K));
        bool method = op == Opcode.CallMethod;
        int functionSlot = method ? Top(argc + 1) : Top(argc);
        int nargs = method ? argc + 1 : argc;
        int firstArgument = StackSlot(Depth) - nargs;
        var data = Functions.Data(callable);
        var calleeCode = callee.Code;
        L.Runtime.KeepAlive(data.Globals);
        var argumentLocals = new int[nargs];
        for (int i = 0; i < nargs; i++) argumentLocals[i] = Frame.LocalOf(firstArgument + i);
        var callerWrites = new List<PendingWrite>();
        // Float locals cached in xmm12..xmm15 stay there across a virtual frame (GenInlinedLeaf, whose
        // code uses no such register): whatever pushes the frame writes them back first, before the
        // copies of them under the call.
        bool keepLocals = virtualFrame && Frame.CachedLocals != 0;
        if (keepLocals) callerWrites.AddRange(Frame.CachedLocalWriteBacks());
        for (int slot = StackSlot(0); slot < firstArgument; slot++)
        {
            // Under a virtual frame, a copy of a local or a function constant is written only when
            // the frame is pushed: nothing reads the caller's entries before.
            if (virtualFrame && PendingUntilPushed(slot) is { } write) callerWrites.Add(write);
            else Frame.Materialize(slot);
        }
        for (int i = 0; i < nargs; i++)
            if (Frame[firstArgument + i].PendingConstant.HasValue) Frame.Materialize(firstArgument + i);
        bool exact = Frame.HoldsExactly(functionSlot, callable);
        FlushOps();
        Emit.MaterializeHere(); // a virtual caller's frame: this frame goes above it
        var failed = fail ?? Guards.Failure();
        if (!exact)
        {
            if (TypeOf(functionSlot) == AbstractType.Function) Emit.CountClassCheck(); else Emit.CountTypeTest();
            Unit.Emit(S.Guards.FunctionCode, In(functionSlot), Operand.Imm(calleeCode.Id), failed);
        }
        if (method && !TypeOf(firstArgument).IsSubtypeOf(AbstractType.Bound))
        {
            Emit.CountTypeTest();
            Unit.Emit(S.Guards.NotEmpty, In(firstArgument), failed);
        }
        int cells = data.Closure.IsEmpty ? 0 : (int)Tuples.Count(data.Closure), firstCell = calleeCode.SlotCount - cells;
        var full = Emit.ColdPath(() => Unit.Emit(S.Control.Jump, failed));
        var function = exact ? Operand.Imm(callable.Payload) : In(functionSlot);
        VirtualFrame? frame = null;
        var types = new AbstractType[nargs];
        for (int i = 0; i < nargs; i++) types[i] = TypeOf(firstArgument + i);
        // A virtual frame right above the caller's (not a generator's, which is outside the frame
        // stack): its callee reads the int and float arguments it never rebinds from the caller's slots.
        var sources = virtualFrame && !L.Code.Code.IsGenerator && ReadsOnlyLocalsAndNumbers(callee)
            ? ArgumentSources(callee, firstArgument, types) : null;
        // Nothing to write into the frame (no other local to clear): r12 does not move at all, the callee's
        // slots are addressed from the caller's (VirtualFrame.AboveBytes), and no frame address is loaded.
        bool above = sources is not null && cells == 0 && firstCell == nargs
            && Array.TrueForAll(sources, s => s != VirtualFrame.OwnSlot);
        int callerBytes = Runtime.Frame.SizeFor(L.Code.Code);
        if (virtualFrame)
        {
            int size = Runtime.Frame.SizeFor(calleeCode);
            if (callerChecked && size <= FrameStack.VirtualFrameReserve && !HasBackEdge(callee))
            {
                // The depth once checked in this frame stays under the limit (AbstractFrame.LeafDepthChecked);
                // not in a generator's, whose depth is its resumer's plus one.
                if (above)
                {
                    if (!Frame.LeafDepthChecked) Unit.Emit(S.Invoke.DepthUnderLimit, full);
                }
                else if (Frame.LeafDepthChecked) Unit.Emit(S.Invoke.EnterVirtualChecked);
                else Unit.Emit(S.Invoke.EnterVirtualInReserve, full);
                if (!L.Code.Code.IsGenerator) Frame.NoteLeafDepthChecked();
                Stats.VirtualFramesInReserveEmitted++;
            }
            else
            {
                Unit.Emit(S.Invoke.EnterVirtual, Operand.Imm(size), full);
                above = false;
            }
            frame = new VirtualFrame(exact ? S.Invoke.MaterializeFrameOf : S.Invoke.MaterializeFrame,
                PushOperands(exact ? function : Operand.Slot(functionSlot), functionSlot, calleeCode, data.Globals),
                [.. callerWrites]);
            Stats.VirtualFramesEmitted++;
            if (Stats.VirtualFrames is { } entered) Unit.Emit(S.Counter.Increment, entered);
            if (Stats.CountInCode) Unit.Emit(S.Invoke.CountCall); // a call all the same (`calls`)
        }
        else
        {
            var push = exact ? S.Invoke.PushFrameOf : S.Invoke.PushFrame;
            EmitPushFrame(push, function, functionSlot, calleeCode, data.Globals, full);
        }
        for (int i = 0; i < nargs; i++)
        {
            if (sources is not null && sources[i] != VirtualFrame.OwnSlot) Stats.ArgumentsReadInPlaceEmitted++;
            else if (types[i] is AbstractType.Int or AbstractType.Float && types[i].Guarantee().ExactTag is { } tag)
                Unit.Emit(S.Invoke.ArgumentTyped, In(firstArgument + i), Operand.Imm(tag), Operand.Slot(i));
            else Unit.Emit(S.Invoke.Argument, In(firstArgument + i), Operand.Slot(i));
        }
        if (sources is not null)
            frame = frame! with { ArgumentSources = sources, AboveBytes = above ? callerBytes : 0 };
        for (int i = nargs; i < firstCell; i++) Unit.Emit(S.Invoke.ClearLocal, Operand.Slot(i));
        EmitClosureCells(cells, firstCell, exact ? data : null, functionSlot);
        // Above the caller's frame, r12 stays on the caller's slots: the callee's are addressed with its frame
        // size added (Emit.Virtual sets CodeUnitBuilder.SlotBias), and whatever pushes the frame moves r12 first.
        if (!above) Unit.Emit(S.Invoke.EnterInlined);

        int depthAfter = Depth + StackEffects.Of(op, argc, jump: false);
        var call = new InlinedCall(L.Code, K, Frame.Save(keepLocals), StackSlot(depthAfter - 1), Depth - depthAfter + 1)
        {
            Virtual = frame,
            ArgumentLocals = argumentLocals,
        };
        Emit.Virtual = frame;
        // The callee's frame: its arguments (with the types the caller knew and the values the
        // recording saw), its other locals unbound, its closure cells heap objects.
        var context = TypeContext.Generic;
        var live = new Value[calleeCode.SlotCount];
        for (int i = 0; i < calleeCode.SlotCount && i < TypeContext.Capacity; i++)
            context = context.With(i, i < nargs ? types[i] : i < firstCell ? AbstractType.Empty : AbstractType.Heap);
        bool argumentsLive = arguments.Length == nargs; // else (LBBV) none are known
        if (argumentsLive) arguments.CopyTo(live);
        bool versionChecked = Frame.ClassVersionChecked; // pushing a frame runs no code
        L.MoveTo(callee, 0);
        Frame.Enter(calleeCode.SlotCount, calleeCode.SlotCount + calleeCode.MaxStack + 1, 0, context,
            argumentsLive ? live.AsSpan(0, nargs) : default);
        if (versionChecked) Frame.NoteClassVersionChecked();
        return call;
    }

    /// <summary>Whether <paramref name="callee"/>'s code is a straight line of the ops a leaf inlined by
    /// LBBV may have (<see cref="InlinableOp"/>: locals, constants, arithmetic) and a final return,
    /// whose lowering reads locals only through Operands.In (or writes them as pending copies), so a
    /// local may be read from another slot (VirtualFrame.ArgumentSources).</summary>
    private static bool ReadsOnlyLocalsAndNumbers(JitCode callee)
    {
        int length = callee.Shape.Length;
        if (length == 0 || OpcodeInfo.OpOf(callee.InstrAt(length - 1)) != Opcode.ReturnValue) return false;
        for (int k = 0; k < length - 1; k++)
        {
            int instr = callee.InstrAt(k);
            if (!InlinableOp(OpcodeInfo.OpOf(instr), OpcodeInfo.ArgOf(instr))) return false;
        }
        return true;
    }

    /// <summary>For each argument (from caller slot <paramref name="firstArgument"/>, of
    /// <paramref name="types"/>), the slot relative to the callee's slots, right above the caller's
    /// frame, that a callee which never rebinds it reads it from: the local it is a pending copy of, or
    /// its own stack slot (written at the call). Ints and floats only (their tag is the one known).</summary>
    private int[] ArgumentSources(JitCode callee, int firstArgument, AbstractType[] types)
    {
        int callerSize = Runtime.Frame.SizeFor(L.Code.Code) / Layout.ValueSize;
        var sources = new int[types.Length];
        for (int i = 0; i < types.Length; i++)
            sources[i] = types[i] is AbstractType.Int or AbstractType.Float && types[i].Guarantee().ExactTag is not null
                && !Rebinds(callee, i) ? Frame.SourceOf(firstArgument + i) - callerSize : VirtualFrame.OwnSlot;
        return sources;
    }

    /// <summary>Whether <paramref name="callee"/>'s code stores to or deletes its local
    /// <paramref name="local"/>.</summary>
    private static bool Rebinds(JitCode callee, int local)
    {
        for (int k = 0; k < callee.Shape.Length; k++)
        {
            int instr = callee.InstrAt(k);
            if (OpcodeInfo.OpOf(instr) is Opcode.StoreFast or Opcode.DeleteFast && OpcodeInfo.ArgOf(instr) == local)
                return true;
        }
        return false;
    }

    /// <summary>Whether <paramref name="callee"/>'s code has a loop. A frame in the frame stack's reserve
    /// is pushed past its limit when an exit materializes it; a callee without a loop never starts a
    /// loop trace in that frame, so a trace's own frame never lies past the limit.</summary>
    private static bool HasBackEdge(JitCode callee)
    {
        for (int k = 0; k < callee.Shape.Length; k++)
        {
            int instr = callee.InstrAt(k);
            if (OpcodeInfo.IsJump(OpcodeInfo.OpOf(instr)) && OpcodeInfo.ArgOf(instr) <= k) return true;
        }
        return false;
    }

    /// <summary>The write that caller entry <paramref name="slot"/> still owes, when it may wait until a
    /// virtual frame is pushed: a copy of a local (the local is not written while the callee runs)
    /// or a function, class or other object constant (kept alive by the code); null otherwise.</summary>
    private PendingWrite? PendingUntilPushed(int slot)
    {
        if (!Frame.IsPending(slot)) return null;
        var state = Frame[slot];
        if (state.PendingConstant is { } constant)
            return constant.Tag == Tag.Object ? new PendingWrite(-1, slot, constant) : null;
        return new PendingWrite(state.Alias, slot, default);
    }

    /// <summary>The inlined callee's ReturnValue: its frame is popped, r12 is the caller's again, and
    /// the value (of the type the callee's code proved) replaces the call's operands. With
    /// <paramref name="untyped"/>, the call's other ways back (exits finished in the interpreter) join
    /// there and leave for the next op's version without the result's type.</summary>
    public void GenInlinedReturn(InlinedCall call, Label? untyped = null)
    {
        int top = Top();
        var type = TypeOf(top);
        Value? live = TryLive(top, out var value) ? value : null;
        L.CountOp();
        FlushOps();
        // Still virtual unless something in the callee's code pushed the frame (a helper, a call).
        bool stillVirtual = call.Virtual is not null && ReferenceEquals(Emit.Virtual, call.Virtual);
        // A float or int in its cache register stays in one: no frame to pop, nothing written.
        bool inXmm = stillVirtual && Frame.InXmm(top), inGpr = stillVirtual && Frame.InGpr(top);
        int result = call.ResultSlot;
        // Still addressed from the caller's r12 (CodeUnitBuilder.SlotBias): r12 need not move back.
        bool inPlace = stillVirtual && call.Virtual!.AboveBytes > 0;
        if (inXmm && inPlace)
        {
            if (AbstractFrame.RegisterOf(top) != AbstractFrame.RegisterOf(result))
                Unit.Emit(S.Invoke.ReturnInPlaceInXmm(AbstractFrame.RegisterOf(top), AbstractFrame.RegisterOf(result)));
        }
        else if (inGpr && inPlace)
        {
            if (AbstractFrame.IntRegisterOf(top) != AbstractFrame.IntRegisterOf(result))
                Unit.Emit(S.Invoke.ReturnInPlaceInGpr(AbstractFrame.IntRegisterOf(top),
                    AbstractFrame.IntRegisterOf(result)));
        }
        else if (inPlace)
        {
            // A copy from the callee's slot (with the bias) to the caller's (without).
            Frame.Spill(top, SpillReason.Op);
            int bias = Unit.SlotBias;
            var source = In(top);
            Unit.SlotBias = 0;
            Unit.Emit(S.Frame.Move, Operand.Slot((int)source.Value + bias), Operand.Slot(result));
        }
        else if (inXmm)
            Unit.Emit(S.Invoke.ReturnVirtualInXmm(AbstractFrame.RegisterOf(top), AbstractFrame.RegisterOf(result)));
        else if (inGpr)
            Unit.Emit(S.Invoke.ReturnVirtualInGpr(AbstractFrame.IntRegisterOf(top), AbstractFrame.IntRegisterOf(result)));
        else
        {
            Frame.Spill(top, SpillReason.Op);
            Unit.Emit(stillVirtual ? S.Invoke.ReturnVirtual : S.Invoke.ReturnInlined, In(top), Operand.Slot(result));
        }
        // After the value is read: an argument the callee read from the caller's slot is read there.
        Emit.Virtual = null;
        // The callee's code ran inline: the class version is still checked if nothing in it (a
        // call, a helper) forgot that.
        bool versionChecked = Frame.ClassVersionChecked;
        var proved = ArgumentTypesProved(call.ArgumentLocals.Length);
        Frame.Restore(call.Caller);
        // Pushed on the way (before a helper, which may reuse xmm12..xmm15): the push wrote back the
        // caller's cached locals (VirtualFrame.CallerWrites).
        if (!stillVirtual) Frame.AssumeLocalsWrittenBack(Frame.CachedLocals);
        L.MoveTo(call.Code, call.Offset);
        Frame.Pop(call.Operands);
        if (untyped is { } join)
        {
            Frame.Push(AbstractType.Bound);
            ContinueTyped(join, call.ResultSlot, type);
        }
        else Frame.Push(type, live);
        if (inXmm || inGpr) Frame.NowInRegister(call.ResultSlot, isInt: inGpr);
        if (versionChecked) Frame.NoteClassVersionChecked(); else Frame.ForgetClassVersion();
        GiveBackArgumentTypes(call.ArgumentLocals, proved);
        OpDone();
    }

    /// <summary>At an inlined callee's return (its frame current): the types its code proved of its
    /// first <paramref name="nargs"/> locals, the arguments, Unknown for one it rebinds somewhere.</summary>
    private AbstractType[] ArgumentTypesProved(int nargs)
    {
        var types = new AbstractType[nargs];
        for (int i = 0; i < nargs; i++) types[i] = TypeOf(i);
        for (int k = 0; k < Shape.Length; k++)
        {
            int instr = L.Code.InstrAt(k);
            if (OpcodeInfo.OpOf(instr) is Opcode.StoreFast or Opcode.DeleteFast && OpcodeInfo.ArgOf(instr) < nargs)
                types[OpcodeInfo.ArgOf(instr)] = AbstractType.Unknown;
        }
        return types;
    }

    /// <summary>After an inlined call, straight through (the callee's guards all passed): an argument
    /// the callee proved more of than the caller knew (a trace's `i`, tested by the callee's first use)
    /// types the caller's local it copied too, which nothing could change meanwhile, so the caller's
    /// code after the call, and a trace's loop body, neither tests it again nor copies its tag.
    /// The untyped continuation (every exit) was already made with what the caller knew.</summary>
    private void GiveBackArgumentTypes(int[] argumentLocals, AbstractType[] proved)
    {
        for (int i = 0; i < argumentLocals.Length; i++)
        {
            int local = argumentLocals[i];
            if (local < 0 || !Speculation.IsLeaf(proved[i])) continue;
            var known = Frame.TypeOf(local);
            if (proved[i] == known || !proved[i].IsSubtypeOf(known)) continue;
            Frame.SetType(local, proved[i]);
            Stats.ArgumentTypesGivenBackEmitted++;
        }
    }

    /// <summary>A call the compiler does not enter directly (a builtin function or method, a class,
    /// a bound method, ...): the runtime's call from a helper, as the interpreter's op makes it,
    /// without the interpreter's one-instruction step around it.</summary>
    public bool GenCallHelper(Opcode op, int argc) => op == Opcode.Call
        ? Ops.Generic.GenHelperOp(OpHelpers.CallAddress, argc + 1, AbstractType.Bound, argc)
        : Ops.Generic.GenHelperOp(OpHelpers.CallMethodAddress, argc + 2, AbstractType.Bound, argc);

    /// <summary>A plain Python function the call can enter directly: exact positional arity, not a
    /// generator, code the frontend compiles (closures too: their cells are copied from the function).</summary>
    public bool DirectCallable(Value callable, int nargs, out FunctionData data, out JitCode callee)
    {
        data = null!;
        callee = null!;
        if (!callable.Is(ObjectKind.Function)) return false;
        data = Functions.Data(callable);
        var code = data.Code;
        if (code.IsGenerator || !code.SimpleArgs || code.ArgCount != nargs) return false;
        if (Policy.CodeOf(code) is not { } jitCode) return false;
        callee = jitCode;
        return true;
    }

    /// <summary>Pushes the callee's frame (a full frame stack or the recursion limit goes to
    /// <paramref name="fail"/>), the caller stopped at this op with its Sp at <paramref name="callerSp"/>.</summary>
    public void EmitPushFrame(Stencil pushFrame, Operand function, int callerSp, CodeRuntime calleeCode, Value globals, Label fail)
    {
        Emit.MaterializeHere(); // a virtual frame of an inlined call: this frame goes above it
        Unit.Emit(pushFrame, [.. PushOperands(function, callerSp, calleeCode, globals), fail]);
        // The VM's call count is a statistic: kept when statistics are counted in code (--stats).
        if (Stats.CountInCode) Unit.Emit(S.Invoke.CountCall);
    }

    /// <summary>A frame push's operands before its failure target (Invoke.PushFrame's and
    /// Invoke.MaterializeFrame's).</summary>
    private Operand[] PushOperands(Operand function, int callerSp, CodeRuntime calleeCode, Value globals) =>
    [
        Operand.Imm(Runtime.Frame.SizeFor(calleeCode)), Operand.Slot(callerSp), Operand.Imm(K),
        function, Operand.Imm(globals.Payload), Operand.Imm(calleeCode.Id),
        Operand.Imm((long)calleeCode.SlotCount << 32),
        Operand.Imm(FrameLayout.HeaderSize + calleeCode.SlotCount * Layout.ValueSize),
    ];

    /// <summary>Runs the callee whose frame is filled: its return value goes to <paramref name="resultSlot"/>
    /// (a typed float or int return into the slot's cache register when <paramref name="toRegister"/>),
    /// any other way out of its machine code to <paramref name="finish"/>.</summary>
    public void EmitEnterCallee(IndirectSlot entry, int resultSlot, Label finish,
        AbstractType expected = AbstractType.Unknown, Label untyped = default, bool toRegister = false)
    {
        if (Stats.DirectCalls is { } calls) Unit.Emit(S.Counter.Increment, calls);
        Unit.EmitSlotCall(entry);
        var any = Operand.Imm((long)ExitReason.Return);
        if (expected == AbstractType.Unknown)
            Unit.Emit(S.Invoke.ReturnedAny, any, Operand.Slot(resultSlot), finish);
        else
        {
            var misses = Stats.TypedReturnMisses;
            var miss = Emit.ColdPath(() =>
            {
                if (misses is { } m) Unit.Emit(S.Counter.Increment, m);
                Unit.Emit(S.Invoke.RecordFromR8);
                Unit.Emit(S.Invoke.ReturnedAny, any, Operand.Slot(resultSlot), finish);
                Unit.Emit(S.Control.Jump, Operand.To(untyped));
            }, first: () => Unit.Emit(S.Invoke.UnrotateRecord));
            var reason = Operand.Imm(TypedReturns.Reason(expected));
            // A typed return proves the value's tag: only its payload is read back.
            if (toRegister && expected == AbstractType.Float)
                Unit.Emit(S.Invoke.ReturnedToXmm(AbstractFrame.RegisterOf(resultSlot)), reason, miss);
            else if (toRegister && expected == AbstractType.Int)
                Unit.Emit(S.Invoke.ReturnedToGpr(AbstractFrame.IntRegisterOf(resultSlot)), reason, miss);
            else if (expected.Guarantee().ExactTag is { } tag)
                Unit.Emit(S.Invoke.ReturnedTyped, reason, Operand.Imm(tag), Operand.Slot(resultSlot), miss);
            else Unit.Emit(S.Invoke.Returned, reason, Operand.Slot(resultSlot), miss);
            if (Stats.TypedReturns is { } typed) Unit.Emit(S.Counter.Increment, typed);
        }
        Stats.DirectCallsEmitted++;
        Frame.ForgetClassVersion(); // the callee may have changed a class
    }

    /// <summary>The callee left its machine code without returning: finish it in the interpreter
    /// (for a class's `__init__`, the call's result is the new instance).</summary>
    public Label FinishSlowly(Label rejoin, bool init = false)
    {
        long k = K, depth = Depth;
        nint finish = init ? CallHelpers.FinishInitAddress : CallHelpers.FinishCallAddress;
        return Emit.ColdPath(() =>
        {
            Unit.Emit(S.Invoke.Finish, Operand.Pointer(finish), Operand.Imm(k), Operand.Imm(depth), Operand.To(Emit.ReturnStatus));
            Unit.Emit(S.Control.Jump, Operand.To(rejoin));
        }, first: () => Unit.Emit(S.Invoke.UnrotateRecord)); // the record to r8, before the writes use rax
    }
}
