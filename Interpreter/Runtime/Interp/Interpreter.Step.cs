// The interpreter's single-step entry: exactly one instruction of a frame, run by the main loop's
// own code (Run in step mode). The JIT tiers' generic fallbacks call it, so every op has one
// implementation.
using System.Runtime.CompilerServices;
using Lbbv.Bytecode;

namespace Lbbv.Runtime;

/// <summary>How one instruction run by <see cref="Interpreter.Step"/> ended.</summary>
public enum StepResult
{
    /// <summary>It completed: continue at f->Ip (the next instruction, or a jump's target) with the stack at f->Sp.</summary>
    Completed,
    /// <summary>It raised and a handler of this frame caught it: f->Ip/f->Sp are at the handler.</summary>
    Handled,
    /// <summary>It raised and this frame has no handler: ThreadState.Pending holds the exception
    /// (its traceback names the instruction), f->Ip is still the instruction.</summary>
    Raised,
}

public static unsafe partial class Interpreter
{
    struct Stepping : IMode { }

    /// <summary>Runs the instruction at f->Ip with the operand stack at f->Sp, as the interpreter
    /// loop does, and unwinds a raised exception as the loop does (traceback entry at the
    /// instruction, then this frame's exception table). Bytecodes are not counted, and a jump
    /// backwards is not offered to the tier. Not for ReturnValue and YieldValue (they leave the frame).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static StepResult Step(Frame* f)
    {
        var op = OpcodeInfo.OpOf(f->Code.Instrs[f->Ip]);
        if (op is Opcode.ReturnValue or Opcode.YieldValue) throw new InvalidOperationException($"{op} leaves the frame: it cannot be stepped");
        try
        {
            var r = Run<Stepping>(f);
            return r.IsEmpty ? StepResult.Raised : (StepResult)r.Payload;
        }
        catch (Exception e) when (IsPythonException(e))
        {
            return CatchAt(f, e);
        }
    }

    /// <summary>A Python exception (<see cref="IsPythonException"/>) thrown by .NET code that ran
    /// part of the instruction at f->Ip outside the loop (a JIT helper): unwound as Step unwinds it.</summary>
    public static StepResult CatchAt(Frame* f, Exception e) => Catch(f, e) ? StepResult.Handled : StepResult.Raised;

    static Value Stepped(StepResult result) => Value.Int((long)result);
}
