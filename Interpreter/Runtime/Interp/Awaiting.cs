// What `await v` and `yield from v` send into (CPython 3.11's GET_AWAITABLE and GET_YIELD_FROM_ITER):
// a coroutine is awaited as it is; another object through its type's __await__, which must return
// an iterator. There is no event loop: whoever drives the outermost coroutine (coro.send(None))
// receives what the innermost awaitable yields.
namespace Lbbv.Runtime;

public static class Awaiting
{
    /// <summary>`await v`: the iterator the await sends into.</summary>
    public static Value Awaitable(Value v)
    {
        if (v.Is(ObjectKind.Generator))
        {
            if (Generators.Get(v).IsCoroutine) return v;
            throw Errors.Type("object generator can't be used in 'await' expression");
        }
        var m = Arith.IsUser(v) ? Types.Of(v).Lookup("__await__") : Value.Empty;
        if (m.IsEmpty || m.IsNone) throw Errors.Type($"object {Types.NameOf(v)} can't be used in 'await' expression");
        var it = Calls.CallMethod(m, v);
        if (it.Is(ObjectKind.Generator) && Generators.Get(it).IsCoroutine)
            throw Errors.Type("__await__() returned a coroutine");
        if (!Protocols.IsIterator(it))
            throw Errors.Type($"__await__() returned non-iterator of type '{Types.NameOf(it)}'");
        return it;
    }

    /// <summary>`yield from v` in the code `running`: a generator as it is, another iterable's iterator.</summary>
    public static Value YieldFromIter(Value v, CodeRuntime running)
    {
        if (!v.Is(ObjectKind.Generator)) return Protocols.Iter(v);
        if (Generators.Get(v).IsCoroutine && !running.Code.IsCoroutine)
            throw Errors.Type("cannot 'yield from' a coroutine object in a non-coroutine generator");
        return v;
    }
}
