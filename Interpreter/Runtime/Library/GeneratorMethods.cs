// Methods of generators: send, __next__, throw, close (Interp/Generators.cs, GeneratorThrow.cs).
using System.Runtime.CompilerServices;
namespace Lbbv.Runtime;

public static class GeneratorMethods
{
    /// <summary>A coroutine has send, throw and close but is no iterator (no __next__ or __iter__).</summary>
    public static void Register(TypeBuilder t, bool coroutine = false)
    {
        t.Method("send", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            a.Exactly(2, "send");
            return Outcome(Generators.Resume(a[0], a[1], out var r), r);
        });
        if (!coroutine)
        {
            t.Method("__next__", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
                Outcome(Generators.Resume(a[0], Value.None, out var r), r));
            t.Method("__iter__", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => a[0]);
        }
        t.Method("throw", static (in Args a) =>
        {
            a.Range(2, 4, "throw");
            var exc = Thrown(a[1], a.Count > 2 ? a[2] : Value.None);
            return Outcome(Generators.Throw(a[0], exc, out var r), r);
        });
        t.Method("close", static (in Args a) =>
        {
            a.Exactly(1, "close");
            Generators.Close(a[0]);
            return Value.None;
        });
    }

    /// <summary>What send/__next__/throw return: the yielded value, else StopIteration or the
    /// generator's exception.</summary>
    static Value Outcome(GenState st, Value r)
    {
        if (st == GenState.Yielded) return r;
        if (st == GenState.Error) throw ThreadState.TakePending();
        throw Errors.StopIteration(r.IsEmpty || r.IsNone ? Value.Empty : r);
    }

    /// <summary>throw(type[, value]) or throw(instance): the exception instance, as CPython normalizes it.</summary>
    static Value Thrown(Value type, Value value)
    {
        if (type.Is(ObjectKind.Class) && ClassObject.Of(type).IsSubclassOf(Types.BaseException))
        {
            var cls = ClassObject.Of(type);
            if (Exceptions.IsException(value) && Types.Of(value).IsSubclassOf(cls)) return value;
            var e = value.IsNone ? Calls.Call(type)
                : value.Is(ObjectKind.Tuple) ? Calls.Call(type, Tuples.Span(value))
                : Calls.Call(type, value);
            if (!Exceptions.IsException(e))
                throw Errors.Type($"calling {Repr.Of(type)} should have returned an instance of BaseException, "
                    + $"not {Types.NameOf(e)}");
            return e;
        }
        if (Exceptions.IsException(type))
        {
            if (!value.IsNone) throw Errors.Type("instance exception may not have a separate value");
            return type;
        }
        throw Errors.Type("exceptions must be classes or instances deriving from BaseException, "
            + $"not {Types.NameOf(type)}");
    }
}
