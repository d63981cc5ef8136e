// generator.throw() and generator.close(), as CPython 3.11's gen_throw and gen_close: the exception
// is raised at the suspended yield, so `finally` blocks and `except` clauses of the generator run;
// a generator suspended in `yield from` passes throw() on to its sub-iterator (close() closes it).
using Lbbv.Bytecode;

namespace Lbbv.Runtime;

public static unsafe partial class Generators
{
    /// <summary>gen.throw(exc): what the generator yields next (Yielded), returns (Returned), or the
    /// exception it lets out, pending (Error).</summary>
    public static GenState Throw(Value gen, Value exc, out Value result)
    {
        var g = Get(gen);
        result = Value.Empty;
        if (g.Running) throw Errors.ValueErr($"{g.KindName} already executing");
        if (g.Finished || !g.Started)
        {
            // Nothing suspended to raise at: the exception comes straight out (once started it ends).
            if (!g.Finished) Exceptions.AddTraceback(exc, g.Code, -1);
            g.Started = g.Finished = true;
            ThreadState.Pending = exc;
            return GenState.Error;
        }
        var sub = Delegate(g);
        if (sub.IsEmpty) return Run(g, exc, out result);
        if (Exceptions.Matches(exc, Types.GeneratorExit))
        {
            var closeError = CloseDelegate(g, sub);
            return Run(g, closeError.IsEmpty ? exc : closeError, out result);
        }
        GenState st;
        g.Running = true;
        try { st = ThrowIntoDelegate(sub, exc, out result); }
        finally { g.Running = false; }
        if (st == GenState.Yielded) return st;
        if (st == GenState.Returned) return FinishYieldFrom(g, result, out result);
        var raised = ThreadState.Pending;
        ThreadState.Pending = Value.Empty;
        if (Exceptions.Matches(raised, Types.StopIteration))
            return FinishYieldFrom(g, StopIterationValue(raised), out result);
        return Run(g, raised, out result);
    }

    /// <summary>gen.close(): raises GeneratorExit at the yield; a generator that yields again raises
    /// RuntimeError, one that lets GeneratorExit or StopIteration out (or returns) is closed, any
    /// other exception propagates. An unstarted or finished generator just closes.</summary>
    public static void Close(Value gen)
    {
        var g = Get(gen);
        if (g.Running) throw Errors.ValueErr($"{g.KindName} already executing");
        if (g.Finished) return;
        if (!g.Started) { g.Started = g.Finished = true; return; }
        var sub = Delegate(g);
        var exc = sub.IsEmpty ? Value.Empty : CloseDelegate(g, sub);
        if (exc.IsEmpty) exc = Exceptions.CreateWithArgs(Types.GeneratorExit, Tuples.New(0));
        var st = Run(g, exc, out _);
        if (st == GenState.Yielded) throw Errors.New(Types.RuntimeError, $"{g.KindName} ignored GeneratorExit");
        if (st == GenState.Returned) return;
        var raised = ThreadState.TakePending();
        if (Exceptions.Matches(raised.Exc, Types.GeneratorExit)) return;
        if (Exceptions.Matches(raised.Exc, Types.StopIteration)) return;
        throw raised;
    }

    /// <summary>The sub-iterator of a generator suspended in `yield from` (its Send precedes the
    /// yield and leaves the sub-iterator on top of the stack), else Empty.</summary>
    static Value Delegate(GeneratorObject g)
    {
        Frame* f = g.Frame;
        int yieldAt = f->Ip - 1;
        if (yieldAt < 1 || OpcodeInfo.OpOf(g.Code.Instrs[yieldAt - 1]) != Opcode.Send) return Value.Empty;
        return f->Sp[-1];
    }

    /// <summary>Closes the sub-iterator of a `yield from` (its close() when it has one); Empty, or
    /// the exception that raised, which the outer generator then receives instead of GeneratorExit.</summary>
    static Value CloseDelegate(GeneratorObject g, Value sub)
    {
        g.Running = true;
        try
        {
            if (sub.Is(ObjectKind.Generator)) Close(sub);
            else
            {
                var close = Attributes.TryGet(sub, "close");
                if (!close.IsEmpty) Calls.Call(close);
            }
            return Value.Empty;
        }
        catch (PyException e) { return e.Exc; }
        catch (Lbbv.Support.PyError e) { return Errors.From(e).Exc; }
        finally { g.Running = false; }
    }

    /// <summary>throw() passed to the sub-iterator of a `yield from`: a generator's throw, another
    /// iterator's throw method; one without a throw method gets none (Error with `exc` pending, so
    /// the outer generator receives it).</summary>
    static GenState ThrowIntoDelegate(Value sub, Value exc, out Value result)
    {
        result = Value.Empty;
        if (sub.Is(ObjectKind.Generator)) return Throw(sub, exc, out result);
        var throwMethod = Attributes.TryGet(sub, "throw");
        if (throwMethod.IsEmpty) { ThreadState.Pending = exc; return GenState.Error; }
        try
        {
            result = Calls.Call(throwMethod, exc);
            return GenState.Yielded;
        }
        catch (PyException e) { ThreadState.Pending = e.Exc; }
        catch (Lbbv.Support.PyError e) { ThreadState.Pending = Errors.From(e).Exc; }
        return GenState.Error;
    }

    /// <summary>The sub-iterator of `yield from` finished with `value`: the outer generator goes on
    /// after its Send loop with the value as the expression's result.</summary>
    static GenState FinishYieldFrom(GeneratorObject g, Value value, out Value result)
    {
        Frame* f = g.Frame;
        int send = f->Ip - 2;
        // SAFETY: the suspended frame's stack holds the sub-iterator, which the result replaces.
        f->Sp[-1] = value.IsEmpty ? Value.None : value;
        f->Ip = g.Code.Instrs[send] >> 8;
        return Run(g, Value.Empty, out result);
    }

    static Value StopIterationValue(Value stop)
    {
        var args = Exceptions.Data(stop).Args;
        return args.IsEmpty || Tuples.Count(args) == 0 ? Value.None : Tuples.Items(args)[0];
    }
}
