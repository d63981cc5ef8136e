// Generators own a frame allocated outside the frame stack; resuming re-enters the interpreter at
// the frame's saved instruction.
using System.Runtime.InteropServices;

namespace Lbbv.Runtime;

public enum GenState { Yielded, Returned, Error }

public sealed unsafe class GeneratorObject : ITraceable, IFinalizable
{
    public Frame* Frame;
    public readonly CodeRuntime Code;
    public bool Running, Finished, Started;

    public GeneratorObject(Frame* frame, CodeRuntime code) { Frame = frame; Code = code; }

    public void Trace()
    {
        if (!Finished && Frame != null) Gc.MarkFrame(Frame);
    }

    public void Release()
    {
        // SAFETY: the generator is unreachable; its frame is no longer running.
        if (Frame != null) NativeMemory.Free(Frame);
        Frame = null;
    }
}

public static unsafe class Generators
{
    public static Value Create(Frame* stackFrame, CodeRuntime code)
    {
        int size = Frame.SizeFor(code);
        // SAFETY: a private copy of the freshly bound frame (its operand stack is empty).
        var f = (Frame*)NativeMemory.Alloc((nuint)size);
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
        if (g.Finished) return GenState.Returned;
        if (g.Running) throw Errors.ValueErr("generator already executing");
        Frame* f = g.Frame;
        if (!g.Started)
        {
            if (!sent.IsNone) throw Errors.Type("can't send non-None value to a just-started generator");
            g.Started = true;
        }
        else
        {
            // SAFETY: the suspended frame has room for the value YieldValue popped.
            *f->Sp++ = sent;
        }
        f->Back = ThreadState.Current;
        g.Running = true;
        Value r;
        try { r = Interpreter.Execute(f); }
        finally { g.Running = false; f->Back = null; }
        if (r.IsEmpty)
        {
            g.Finished = true;
            var exc = ThreadState.Pending;
            if (Exceptions.Matches(exc, Types.StopIteration))
            {
                var re = Exceptions.Create(Types.RuntimeError, "generator raised StopIteration");
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
        result = r;
        return GenState.Returned;
    }
}
