// Generators own a frame allocated outside the frame stack; resuming re-enters the interpreter at
// the frame's saved instruction. throw() and close() raise at the suspended yield (GeneratorThrow.cs).

namespace Lbbv.Runtime;

public enum GenState { Yielded, Returned, Error }

public sealed unsafe class GeneratorObject : ITraceable
{
    public Frame* Frame;
    public readonly CodeRuntime Code;
    public bool Running, Finished, Started;
    /// <summary>The exception the suspended frame is handling (an `except` block around its yield),
    /// None when none: CPython's gi_exc_state, swapped in while the generator runs.</summary>
    public Value Handled = Value.None;

    /// <summary>Made by an `async def` function: not iterable, awaited instead.</summary>
    public bool IsCoroutine => Code.Code.IsCoroutine;
    /// <summary>"generator" or "coroutine", for the messages.</summary>
    public string KindName => IsCoroutine ? "coroutine" : "generator";

    public GeneratorObject(Frame* frame, CodeRuntime code) { Frame = frame; Code = code; }

    public void Trace()
    {
        if (!Finished && Frame != null) Gc.MarkFrame(Frame);
        Gc.Mark(Handled);
    }

    /// <summary>Gives the frame back once nothing runs or reads it: when the generator finishes
    /// (a finished generator's frame is neither traced nor resumed) or is swept.</summary>
    public void Release()
    {
        if (Frame != null) GeneratorFrames.Return(Frame, Runtime.Frame.SizeFor(Code));
        Frame = null;
    }
}

public static unsafe partial class Generators
{
    public static Value Create(Frame* stackFrame, CodeRuntime code)
    {
        int size = Frame.SizeFor(code);
        // SAFETY: a private copy of the freshly bound frame (its operand stack is empty).
        var f = GeneratorFrames.Rent(size);
        Buffer.MemoryCopy(stackFrame, f, size, FrameLayout.HeaderSize + code.SlotCount * Layout.ValueSize);
        f->Back = null;
        f->Flags = Frame.FlagOwned;
        f->Sp = f->StackBase;
        var g = new GeneratorObject(f, code);
        var v = Obj.New(ObjectKind.Generator, g);
        f->Generator = v.Ptr;
        return v;
    }

    public static GeneratorObject Get(Value v) => Obj.Get<GeneratorObject>(v);

    public static GenState Resume(Value gen, Value sent, out Value result)
    {
        var g = Get(gen);
        result = Value.Empty;
        if (g.Finished)
        {
            if (g.IsCoroutine) throw Errors.New(Types.RuntimeError, "cannot reuse already awaited coroutine");
            return GenState.Returned;
        }
        if (g.Running) throw Errors.ValueErr($"{g.KindName} already executing");
        Frame* f = g.Frame;
        if (!g.Started)
        {
            if (!sent.IsNone) throw Errors.Type($"can't send non-None value to a just-started {g.KindName}");
            g.Started = true;
        }
        else
        {
            // SAFETY: the suspended frame has room for the value YieldValue popped.
            *f->Sp++ = sent;
        }
        return Run(g, Value.Empty, out result);
    }

    /// <summary>Runs the generator's frame from f->Ip, first raising `thrown` at the suspended yield
    /// when it is not Empty. The generator's handled exception replaces the caller's meanwhile.</summary>
    static GenState Run(GeneratorObject g, Value thrown, out Value result)
    {
        Frame* f = g.Frame;
        result = Value.Empty;
        Value callerHandled = ThreadState.Handled;
        if (!g.Handled.IsNone) ThreadState.Handled = g.Handled;
        f->Back = ThreadState.Current;
        g.Running = true;
        Value r;
        try
        {
            r = thrown.IsEmpty || RaiseAtYield(g, thrown) ? Interpreter.Execute(f) : Value.Empty;
        }
        finally
        {
            g.Running = false;
            f->Back = null;
            // Still the caller's exception: the generator handles none of its own at this yield.
            g.Handled = ThreadState.Handled.Same(callerHandled) ? Value.None : ThreadState.Handled;
            ThreadState.Handled = callerHandled;
        }
        if (r.IsEmpty)
        {
            g.Finished = true;
            g.Release();
            var exc = ThreadState.Pending;
            if (Exceptions.Matches(exc, Types.StopIteration))
            {
                var re = Exceptions.Create(Types.RuntimeError, $"{g.KindName} raised StopIteration");
                var eo = Exceptions.Data(re);
                eo.Cause = exc; eo.Context = exc; eo.SuppressContext = true;
                ThreadState.Pending = re;
            }
            return GenState.Error;
        }
        if ((f->Flags & Frame.FlagYielded) != 0)
        {
            f->Flags &= ~Frame.FlagYielded;
            result = r;
            return GenState.Yielded;
        }
        g.Finished = true;
        g.Release();
        result = r;
        return GenState.Returned;
    }

    /// <summary>Raises `exc` at the yield the frame is suspended at (f->Ip is the instruction after
    /// it; the exception table covers the yield itself). True when a handler of the frame takes it;
    /// false with the exception pending when it propagates out.</summary>
    static bool RaiseAtYield(GeneratorObject g, Value exc)
    {
        // CPython chains the generator's own handled exception only, not the caller's.
        if (!g.Handled.IsNone) Exceptions.SetContext(exc);
        Frame* f = g.Frame;
        f->Ip--;
        return Interpreter.CatchAt(f, new PyException(exc, false)) == StepResult.Handled;
    }
}
