// Instances of user subclasses of the builtin data types (list, dict, tuple, str, int, float, set,
// frozenset). Such an instance is an ordinary instance (ObjectKind.Instance, its class in the
// header, attribute slots), whose companion holds the builtin value it extends: a plain list,
// dict, int, ... Machine code and the interpreter's fast paths test the object kind, so they never
// treat the instance as a plain list; every builtin operation reaches it through the class's
// dunders (list.__len__, int.__add__, ..., BuiltinSlotWrappers), and a method of the builtin type
// called on it (`self.append(x)`, `list.append(self, x)`, `super().__getitem__(i)`) runs on the
// value it holds (Calls.CallBuiltin unwraps `self`).
namespace Lbbv.Runtime;

/// <summary>The builtin value an instance of a builtin subclass extends.</summary>
public sealed class BuiltinBaseValue(Value value) : ITraceable
{
    public readonly Value Value = value;
    public void Trace() => Gc.Mark(Value);
}

public static unsafe class BuiltinSubclasses
{
    /// <summary>An instance of `cls` (a user subclass of a builtin data type) extending `inner`.</summary>
    public static Value New(ClassObject cls, Value inner)
    {
        using var root = TempRoots.Push(inner);
        var v = Instances.New(cls);
        // SAFETY: a fresh instance; its header's companion handle is unused until now.
        ((ObjectHeader*)v.Ptr)->Handle = Handles.Add(new BuiltinBaseValue(inner));
        return v;
    }

    /// <summary>The builtin value `v` extends when it is an instance of a builtin subclass.</summary>
    public static bool TryUnwrap(Value v, out Value inner)
    {
        if (v.IsObject && v.Kind == ObjectKind.Instance && Obj.Companion(v) is BuiltinBaseValue b)
        {
            inner = b.Value;
            return true;
        }
        inner = Value.Empty;
        return false;
    }

    /// <summary>`v`, or the builtin value it extends.</summary>
    public static Value Unwrap(Value v) => TryUnwrap(v, out var inner) ? inner : v;

    /// <summary>A method of builtin type `owner` gets an instance of a subclass as self, or (str's
    /// methods) a str subclass as another argument.</summary>
    public static bool NeedsUnwrapping(ClassObject owner, ReadOnlySpan<Value> args)
    {
        if (TryUnwrap(args[0], out _)) return true;
        if (owner != Types.Str) return false;
        for (int i = 1; i < args.Length; i++)
            if (TryUnwrap(args[i], out var inner) && inner.Is(ObjectKind.Str)) return true;
        return false;
    }

    /// <summary>Calls a method of builtin type `owner` with self replaced by the value it extends
    /// (and, for str's methods, str subclass arguments by their str).</summary>
    public static Value CallOnInner(ClassObject owner, NativeFn fn, ReadOnlySpan<Value> args, Value kwnames)
    {
        int n = args.Length;
        Span<Value> buf = n <= 16 ? stackalloc Value[16] : new Value[n];
        args.CopyTo(buf);
        buf[0] = Unwrap(args[0]);
        if (owner == Types.Str)
            for (int i = 1; i < n; i++)
                if (TryUnwrap(args[i], out var s) && s.Is(ObjectKind.Str)) buf[i] = s;
        int nkw = kwnames.IsEmpty ? 0 : (int)Tuples.Count(kwnames);
        var a = nkw == 0 ? new Args(buf[..n]) : new Args(buf[..(n - nkw)], buf[(n - nkw)..n], kwnames);
        var r = fn(in a);
        // A mutable value returned as itself is the instance (x += y); an immutable one is a plain value
        // (str(s) of a str subclass is a str).
        return r.IsObject && r.Same(buf[0]) && !args[0].Same(buf[0]) && IsMutable(Types.Of(r)) ? args[0] : r;
    }

    /// <summary>The builtin data types a user class may extend (ClassObject.ExtendsValue).</summary>
    public static bool IsExtensible(ClassObject c) =>
        c == Types.List || c == Types.Dict || c == Types.Tuple || c == Types.Str || c == Types.Int
        || c == Types.Float || c == Types.Set || c == Types.FrozenSet;

    /// <summary>Mutable bases start empty and are filled by __init__; immutable ones take their value
    /// from __new__'s arguments.</summary>
    public static bool IsMutable(ClassObject c) => c == Types.List || c == Types.Dict || c == Types.Set;
}
