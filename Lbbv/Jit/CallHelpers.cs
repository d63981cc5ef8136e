// The slow end of a machine-code-to-machine-code call: the callee left its machine code some other
// way than by returning (a side exit, a handled or raised exception, a failed compile). The callee's
// frame is still the current one; this finishes it in the interpreter and delivers its result to
// the caller exactly as the interpreter's Call does.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Lbbv.Backend.Emission;
using Lbbv.Bytecode;
using Lbbv.Runtime;
using ThreadState = Lbbv.Runtime.ThreadState;

namespace Lbbv.Jit;

public static unsafe class CallHelpers
{
    private static readonly bool Trace = Environment.GetEnvironmentVariable("LBBV_TRACE") == "1";

    public static nint FinishCallAddress => (nint)(delegate* unmanaged[Cdecl]<nint, Value*, long, long, ulong, long>)&FinishCall;

    /// <summary>(vm, caller slots, call offset, caller depth before the call, the callee's exit record):
    /// 0 with the result in the caller's result slot, or the caller's own exit record.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    static long FinishCall(nint vm, Value* slots, long offset, long depth, ulong record) => Finish(slots, offset, depth, record, init: false);

    public static nint FinishInitAddress => (nint)(delegate* unmanaged[Cdecl]<nint, Value*, long, long, ulong, long>)&FinishInit;

    /// <summary>The same for a class's `__init__` called from machine code: the call's result is the
    /// new instance (in the caller's slot at <c>depth</c>, where NewInstance put it), and `__init__`
    /// must have returned None, as the runtime's CallClass checks.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    static long FinishInit(nint vm, Value* slots, long offset, long depth, ulong record) => Finish(slots, offset, depth, record, init: true);

    static long Finish(Value* slots, long offset, long depth, ulong record, bool init)
    {
        // SAFETY: machine code passes r12, the base of the caller frame's Value slots.
        Frame* caller = (Frame*)((byte*)slots - FrameLayout.HeaderSize);
        Frame* callee = ThreadState.Current;
        int k = (int)offset;
        var exit = ExitRecord.Unpack(record);
        // The tier reads its own bits of the record first (the tracer's exit ids); then a typed return's
        // type bits are dropped (return versioning's protocol, TypedReturns).
        if (JitRuntime.Active is { } active) exit = active.CalleeLeft(caller, exit);
        exit = TypedReturns.Normalize(exit);
        var reason = (ExitReason)exit.Reason;
        // A directly called frame's side exits reach here, not the tier: counted with the tier's.
        if (JitRuntime.Active is { } runtime && (uint)reason < (uint)runtime.ExitsSeen.Length) runtime.ExitsSeen[(int)reason]++;
        if (Trace) Console.Error.WriteLine($"[lbbv] finish call {callee->Code.Code.QualName} from {caller->Code.Code.QualName}@{offset} depth {depth}: {exit}");
        return FinishCallee(caller, k, depth, exit, init);
    }

    /// <summary>Finishes the current frame, a callee of <paramref name="caller"/> suspended at its
    /// call at <paramref name="k"/> (stack depth <paramref name="depth"/> before the call), whose
    /// machine code left with <paramref name="exit"/>: the interpreter runs the rest of it, and its
    /// result (or exception) is delivered at the call as the interpreter's Call delivers it. 0 with
    /// the result in the caller's stack (its Sp past it), or the caller's own exit record. A tracing
    /// frontend finishes the frames of its inlined calls with it.</summary>
    public static long FinishCallee(Frame* caller, int k, long depth, ExitRecord exit, bool init)
    {
        Frame* callee = ThreadState.Current;
        var reason = (ExitReason)exit.Reason;
        ulong record = exit.Pack();
        // The callee leaves the frame chain; the interpreter re-enters it below when it must finish it.
        ThreadState.Current = caller;
        ThreadState.Depth--;
        Value result;
        try
        {
            switch (reason)
            {
                case ExitReason.Raised:
                    result = Value.Empty;
                    break;
                case ExitReason.Crash:
                    FrameStack.Pop(callee);
                    return unchecked((long)record);
                default:
                    if (reason != ExitReason.Handled)
                    {
                        callee->Ip = exit.BytecodeOffset;
                        // The callee ran machine code, so its code has a JIT record (and shape).
                        var shape = JitCode.Of(callee->Code).Shape;
                        callee->Sp = callee->StackBase + shape.DepthAt(exit.BytecodeOffset);
                    }
                    result = Interpreter.Execute(callee);
                    break;
            }
        }
        catch (Exception e)
        {
            FrameStack.Pop(callee);
            return OpHelpers.CrashExit(k, e);
        }
        FrameStack.Pop(callee);

        var cr = caller->Code;
        caller->Ip = k;
        caller->Sp = caller->StackBase + depth;
        if (result.IsEmpty)
        {
            // The callee's exception is raised at the call, as the interpreter's Call does.
            return OpHelpers.RaiseAt(caller, k, depth, ThreadState.TakePending());
        }
        if (init)
        {
            if (!result.IsNone)
                return OpHelpers.RaiseAt(caller, k, depth, Errors.Type($"__init__() should return None, not '{Runtime.Types.NameOf(result)}'"));
            result = caller->StackBase[depth];
        }
        int instr = cr.Instrs[k];
        int after = (int)depth + StackEffects.Of((Opcode)(byte)instr, instr >> 8, jump: false);
        caller->StackBase[after - 1] = result;
        caller->Sp = caller->StackBase + after;
        if (NativeHeap.GcRequested) Gc.Collect();
        return 0;
    }
}
