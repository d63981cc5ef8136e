// The two steps of `with` that call into the context manager (BeforeWith, WithExceptStart), as
// CPython 3.11's BEFORE_WITH and WITH_EXCEPT_START: __enter__ and __exit__ are looked up on the type.
namespace Lbbv.Runtime;

public static class ContextManagers
{
    /// <summary>mgr.__enter__(), with the bound __exit__ in <paramref name="exit"/>; Empty when
    /// __enter__ raised (ThreadState.Pending).</summary>
    public static Value Enter(Value mgr, out Value exit)
    {
        var cls = Types.Of(mgr);
        var enter = cls.Lookup("__enter__");
        if (enter.IsEmpty)
            throw Errors.Type($"'{cls.Name}' object does not support the context manager protocol");
        var exitFn = cls.Lookup("__exit__");
        if (exitFn.IsEmpty)
            throw Errors.Type($"'{cls.Name}' object does not support the context manager protocol (missed __exit__ "
                + "method)");
        exit = Attributes.Bind(exitFn, mgr);
        using var root = TempRoots.Push(exit);
        return Calls.CallBound(enter, mgr, ReadOnlySpan<Value>.Empty, Value.Empty);
    }

    /// <summary>exit(type(exc), exc, traceback) for an exception leaving a `with` body; Empty when
    /// __exit__ raised. (Lbbv has no traceback objects: the third argument is None.)</summary>
    public static Value ExitWithException(Value exit, Value exc)
    {
        Span<Value> args = [Types.Of(exc).Self, exc, Value.None];
        return Calls.InvokeRaw(exit, args, Value.Empty);
    }
}
