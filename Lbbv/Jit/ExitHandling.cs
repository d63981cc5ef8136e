// Where the interpreter continues after machine code left a frame: the same for every frontend,
// since every exit resumes the interpreter at a bytecode offset of the frame it was entered with.
using Lbbv.Backend.Emission;
using Lbbv.Runtime;

namespace Lbbv.Jit;

public static unsafe class ExitHandling
{
    /// <summary>Counts <paramref name="exit"/> (unless <paramref name="count"/> is false: the frontend
    /// counted the exit its machine code took, and this record is where the frame goes on after it)
    /// and positions the frame for the interpreter (Ip, Sp); a crash recorded by a helper is rethrown.</summary>
    public static TierExit Resume(Frame* f, JitCode code, ExitRecord exit, JitRuntime runtime, out Value result, bool count = true)
    {
        result = default;
        exit = TypedReturns.Normalize(exit);
        var reason = (ExitReason)exit.Reason;
        if (count && (uint)reason < ExitReasons.Count) runtime.ExitsSeen[(int)reason]++;
        switch (reason)
        {
            case ExitReason.Return:
                {
                    int depth = code.Shape.DepthAt(exit.BytecodeOffset);
                    f->Ip = exit.BytecodeOffset;
                    f->Sp = f->StackBase + depth - 1;
                    result = VmState.P->ReturnValue; // the entry trampoline left it there (the slot may be unwritten)
                    return TierExit.Returned;
                }
            case ExitReason.Raised:
                return TierExit.Raised;
            case ExitReason.Handled:
                return TierExit.ContinueAt;
            case ExitReason.Crash:
                runtime.RethrowCrash();
                return TierExit.NotHandled;
            default:
                if (exit.Reason == ExitRecord.ReasonNoLazyCompiler || exit.BytecodeOffset < 0)
                    throw new InvalidOperationException($"JIT code left with {exit}");
                f->Ip = exit.BytecodeOffset;
                f->Sp = f->StackBase + code.Shape.DepthAt(exit.BytecodeOffset);
                return TierExit.ContinueAt;
        }
    }
}
