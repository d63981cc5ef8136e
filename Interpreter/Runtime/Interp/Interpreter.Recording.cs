// The interpreter's recording mode, for a tracing JIT: the main loop (Run) instantiated once more,
// so the ops that run while a trace is recorded are the interpreter's own. Before each instruction
// of a frame it records, the loop shows the recorder the frame as the instruction finds it; the
// recorder may end the recording, and the frame it started in then returns to the tier.
namespace Lbbv.Runtime;

/// <summary>What a tracing JIT sees of the frames it records (Lbbv/Tracing implements it).</summary>
public unsafe interface ITraceRecorder
{
    /// <summary>Whether <paramref name="f"/>, about to run from f->Ip, is a call the recording follows
    /// (inlines): its instructions are then shown to the recorder too.</summary>
    bool Follows(Frame* f);

    /// <summary>Before the instruction at <paramref name="ip"/> of a followed frame runs, its operand
    /// stack ending at <paramref name="sp"/>. False when the recording has ended and
    /// <paramref name="f"/> is the frame it started in: the loop then stops before that instruction
    /// and returns to the tier (<see cref="Interpreter.Record"/>).</summary>
    bool BeforeInstruction(Frame* f, int ip, Value* sp);

    /// <summary>An exception is being unwound in <paramref name="f"/> (recorded or not).</summary>
    void OnUnwind(Frame* f);
}

/// <summary>How <see cref="Interpreter.Record"/> ended.</summary>
public enum RecordExit : byte
{
    /// <summary>The recording ended: the frame is stopped at f->Ip with f->Sp.</summary>
    Stopped,
    /// <summary>The frame returned its result.</summary>
    Returned,
    /// <summary>The frame raised; ThreadState.Pending holds the exception.</summary>
    Raised,
}

public static unsafe partial class Interpreter
{
    /// <summary>The recorder of the trace being recorded, or null (set by the tracing tier).</summary>
    public static ITraceRecorder? Recorder;

    struct Recording : IMode { }

    /// <summary>Set by the recording loop when it stopped at the recorder's word (not a return).</summary>
    static bool _recordingStopped;

    /// <summary>Runs <paramref name="f"/> from f->Ip in recording mode (its instructions, and those of
    /// the calls the recorder follows, are shown to <see cref="Recorder"/>) until the recorder ends
    /// the recording, or the frame returns or raises. f is the frame of a running Execute (a loop
    /// the tier was offered at its back-edge, or the frame a side exit left).</summary>
    public static RecordExit Record(Frame* f, out Value result)
    {
        while (true)
        {
            try
            {
                _recordingStopped = false;
                result = Run<Recording>(f);
                if (_recordingStopped) { _recordingStopped = false; return RecordExit.Stopped; }
                return result.IsEmpty ? RecordExit.Raised : RecordExit.Returned;
            }
            catch (Exception e) when (IsPythonException(e))
            {
                if (!Catch(f, e)) { result = Value.Empty; return RecordExit.Raised; }
            }
        }
    }

    /// <summary>The recording loop's check before an instruction: false stops the loop.</summary>
    static bool RecordBefore(Frame* f, int ip, Value* sp)
    {
        if (Recorder is not { } recorder || recorder.BeforeInstruction(f, ip, sp)) return true;
        _recordingStopped = true;
        return false;
    }
}
