// How a trace's exits reach the tier: the exit record of a side exit carries the exit's id beside
// the shared reason, and an exit taken inside inlined calls leaves their real frames on the frame
// stack, which the interpreter then finishes innermost first, exactly as it would have run them.
using Lbbv.Backend.Emission;
using Lbbv.Jit;
using Lbbv.Runtime;
using ThreadState = Lbbv.Runtime.ThreadState;

namespace Lbbv.Tracing;

internal static unsafe class TraceExits
{
    private const int IdShift = 8;

    /// <summary>The exit record of side exit <paramref name="exitId"/>: the shared reason in the low
    /// byte of the reason word, the exit's id above it.</summary>
    public static ExitRecord Record(ExitReason reason, int exitId, int offset) =>
        new((uint)reason | (uint)exitId << IdShift, offset);

    /// <summary>Splits a record from trace code into the shared reason's record and the side exit's id (0: none).</summary>
    public static (ExitRecord Exit, int ExitId) Decode(ExitRecord record)
    {
        if (record.Reason >= ExitRecord.ReasonNoLazyCompiler) return (record, 0);
        return (new ExitRecord(record.Reason & 0xFF, record.BytecodeOffset), (int)(record.Reason >> IdShift));
    }

    /// <summary>The exit left inside inlined calls (the current frame is not the root): finishes
    /// each inlined frame in the interpreter, innermost first, delivering its result at its call;
    /// returns the record with which the root frame continues (the op after its call, or where the
    /// callee's exception went).</summary>
    public static ExitRecord FinishInlinedFrames(Frame* root, ExitRecord exit)
    {
        while (ThreadState.Current != root)
        {
            Frame* callee = ThreadState.Current;
            Frame* caller = callee->Back;
            int k = caller->Ip;
            var shape = JitCode.Of(caller->Code).Shape;
            long status = CallHelpers.FinishCallee(caller, k, shape.DepthAt(k), exit, init: false);
            // 0: the call completed (the result is on the caller's stack): it goes on after the call.
            exit = status == 0
                ? new ExitRecord((uint)ExitReason.GuardFailed, k + 1)
                : ExitRecord.Unpack(unchecked((ulong)status));
        }
        return exit;
    }
}
