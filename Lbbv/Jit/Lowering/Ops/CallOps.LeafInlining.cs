// LBBV's inlined calls: a call of a small straight-line leaf function (arithmetic on int and float
// arguments, one return at the end) runs the callee's ops inside the caller's version, in a
// virtual frame (CallOps.GenInlinedCall: the frame is not pushed; its slots are where the push
// would put them). Every way off the inlined code pushes the frame and finishes the call in the
// interpreter from there (CallHelpers.FinishCall, as a direct call's callee that left its machine
// code), then continues the caller after the call, untyped; straight through, the result keeps its
// type (and its cache register) for the caller's next ops.
using Lbbv.Backend.Emission;
using Lbbv.Bytecode;
using Lbbv.Jit.Frames;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Jit.Lowering.Ops;

internal sealed partial class CallOps
{
    /// <summary>Most instructions of a callee inlined (its return included).</summary>
    private const int MaxInlinedInstructions = 40;

    /// <summary>Whether <paramref name="callee"/> is a leaf LBBV inlines when called with
    /// <paramref name="argumentTypes"/>: every argument an int or a float, no cells, and only loads
    /// and stores of locals, constants, arithmetic and a final return (nothing that calls, branches
    /// or needs a helper when its operands are ints and floats).</summary>
    private static bool InlinableLeaf(JitCode callee, AbstractType[] argumentTypes)
    {
        var code = callee.Code;
        if (code.IsGenerator || code.KwOnlyArgCount != 0 || code.SlotCount > TypeContext.Capacity) return false;
        foreach (var type in argumentTypes)
            if (type is not (AbstractType.Int or AbstractType.Float)) return false;
        int length = callee.Shape.Length;
        if (length > MaxInlinedInstructions || length == 0) return false;
        // Locals bound when read: the arguments, and those stored earlier (no unbound-local exit).
        var bound = new bool[code.SlotCount];
        for (int a = 0; a < code.ArgCount; a++) bound[a] = true;
        for (int k = 0; k < length; k++)
        {
            int instr = callee.InstrAt(k);
            var op = OpcodeInfo.OpOf(instr);
            int arg = OpcodeInfo.ArgOf(instr);
            bool last = k == length - 1;
            if (op == Opcode.ReturnValue) { if (!last) return false; continue; }
            if (last || !InlinableOp(op, arg)) return false;
            if (op == Opcode.LoadFast && !bound[arg]) return false;
            if (op == Opcode.StoreFast) bound[arg] = true;
        }
        return true;
    }

    private static bool InlinableOp(Opcode op, int arg) => op switch
    {
        Opcode.Nop or Opcode.LoadFast or Opcode.StoreFast or Opcode.LoadConst or Opcode.UnaryNegative => true,
        // + - * / % // (and their in-place forms): inline on ints and floats, an exit otherwise.
        Opcode.BinaryOp => (arg & 15) is 0 or 1 or 2 or 4 or 5 or 12,
        _ => false,
    };

    /// <summary>The call at the current op of the leaf <paramref name="callee"/> (checked by
    /// <see cref="InlinableLeaf"/>), whose callable is <paramref name="callable"/>: the callable is
    /// guarded, the callee's ops lowered inline in a virtual frame, and the result pushed typed.</summary>
    private bool GenInlinedLeaf(JitCode callee, Value callable, int firstArgument, int nargs)
    {
        int k = K;
        long depth = Depth;
        var arguments = new Value[nargs];
        for (int i = 0; i < nargs; i++)
            if (!TryLive(firstArgument + i, out arguments[i])) { arguments = []; break; }
        Label untyped = Unit.NewLabel();
        // The exits: push the frame (if not pushed yet), then finish the call from there.
        Operand FinishAt(int offset)
        {
            var frame = Emit.Virtual;
            var record = new ExitRecord((uint)ExitReason.GuardFailed, offset).Pack();
            return Operand.To(Emit.ColdPath(() =>
            {
                Emit.Materialize(frame);
                Unit.Emit(S.Invoke.RecordToR8, Operand.Imm(unchecked((long)record)));
                FinishInCaller(k, depth, untyped);
            }));
        }
        var caller = Policy;
        // The inlined code uses rbx, r14 and r15 but never xmm12..xmm15: cached float locals stay.
        Frame.WriteBackIntLocals(SpillReason.Op);
        FlushOps();
        // The callable is not this function's code, or no room for its frame: the interpreter's call
        // (which joins the untyped continuation: its path writes back the cached locals first).
        var checkedHere = Frame.ClassVersionState;
        var generic = Emit.ColdHelper(untyped, keepLocals: true);
        // Only the generic call runs a helper (and joins at the untyped continuation, which forgets the
        // class version: UntypedTarget): the hot path keeps what it knew of it.
        Frame.RestoreClassVersion(checkedHere);
        var call = GenInlinedCall(callee, callable, arguments, virtualFrame: true, Operand.To(generic),
            callerChecked: true);
        var body = new InlinedBodyPolicy(caller, FinishAt, () => L.Offset, target => Unit.Emit(S.Control.Jump, target));
        // A helper's non-zero status inside the inlined code (its frame pushed before the helper):
        // finished the same way, with the helper's record.
        var status = Unit.NewLabel();
        var callerStatus = Emit.SwapReturnStatus(status);
        L.Policy = body;
        bool straight = true;
        try
        {
            while (OpcodeInfo.OpOf(L.Code.InstrAt(L.Offset)) != Opcode.ReturnValue)
            {
                if (!L.LowerOp() || body.Ended) { straight = false; break; }
            }
        }
        finally
        {
            // Also when the compile fails: the lowering goes on serving the caller's frontend.
            L.Policy = caller;
            Emit.SwapReturnStatus(callerStatus);
        }
        EmitStatusPath(status, k, depth, untyped);
        if (straight)
        {
            L.ReturnFromInlinedCall(call, untyped);
            return Done(0);
        }
        // The inlined code left for good (an exit it always takes): so does the caller's.
        Emit.Virtual = null;
        Frame.Restore(call.Caller);
        Frame.AssumeLocalsWrittenBack(Frame.CachedLocals); // every way here wrote them
        L.MoveTo(call.Code, call.Offset);
        Frame.Pop(call.Operands);
        Frame.Push(AbstractType.Bound);
        ContinueTyped(untyped, call.ResultSlot, AbstractType.Bound);
        return false;
    }

    /// <summary>The cold code a helper's non-zero status (in rax) reaches inside inlined code.</summary>
    private void EmitStatusPath(Label status, int k, long depth, Label untyped) =>
        Emit.ColdBlock(status, () =>
        {
            Unit.Emit(S.Invoke.StatusToR8);
            FinishInCaller(k, depth, untyped);
        });

    /// <summary>With the callee's frame pushed and r12 on it, the exit record in r8: r12 back on the
    /// caller's slots, the call finished by the interpreter (its result in the caller's slot), and on
    /// to <paramref name="untyped"/>; a raised exception leaves with the caller's record.</summary>
    private void FinishInCaller(int k, long depth, Label untyped)
    {
        Unit.Emit(S.Invoke.ToCallerOfFrame);
        Unit.Emit(S.Invoke.Finish, Operand.Pointer(CallHelpers.FinishCallAddress), Operand.Imm(k), Operand.Imm(depth),
            Operand.To(Emit.ReturnStatus));
        Unit.Emit(S.Control.Jump, Operand.To(untyped));
    }
}
