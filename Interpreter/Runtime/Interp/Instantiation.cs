// type.__call__ for a class whose instances are not made by object.__new__: a class with its own
// __new__, a subclass of a builtin data type (list, int, ...) or of a class implemented in C#.
// CPython's rules: cls.__new__(cls, *args, **kw), then __init__ only when the result is an
// instance of cls.
namespace Lbbv.Runtime;

public static unsafe class Instantiation
{
    /// <summary>A class above the builtin classes in cls's MRO defines __new__.</summary>
    public static bool HasOwnNew(ClassObject cls)
    {
        foreach (var c in cls.Mro)
        {
            if (c.IsBuiltin) return false;
            if (c.Dict.ContainsKey("__new__")) return true;
        }
        return false;
    }

    /// <summary>CPython's `type->tp_new != object_new`: instances are not made by object.__new__.</summary>
    public static bool OverridesNew(ClassObject cls) =>
        HasOwnNew(cls) || cls.ValueBase != null || cls.BuiltinBase is { NativeCompanion: true } || cls.HoldsValue;

    /// <summary>An instance of cls made by its __new__ and initialized by its __init__; Empty when a
    /// Python frame raised.</summary>
    public static Value NewThenInit(ClassObject cls, ReadOnlySpan<Value> args, Value kwnames)
    {
        Value made;
        if (!HasOwnNew(cls) && cls.BuiltinBase is { NativeCompanion: true } native)
            made = NewNative(cls, native, args, kwnames);
        else
        {
            var newFn = InheritedMethods.Find(cls.Mro, 0, "__new__");
            if (newFn.Is(ObjectKind.StaticMethod)) newFn = Obj.Get<StaticMethodObject>(newFn).Func;
            var withCls = new Value[args.Length + 1];
            withCls[0] = cls.Self;
            args.CopyTo(withCls.AsSpan(1));
            made = Calls.InvokeRaw(newFn, withCls, kwnames);
        }
        if (made.IsEmpty || !Types.Of(made).IsSubclassOf(cls)) return made;
        using var root = TempRoots.Push(made);
        var init = InheritedMethods.Find(cls.Mro, 0, "__init__");
        var r = Calls.CallBound(init, made, args, kwnames);
        if (r.IsEmpty) return r;
        if (!r.IsNone) throw Errors.Type($"__init__() should return None, not '{Types.NameOf(r)}'");
        return made;
    }

    /// <summary>A subclass of deque, array or random.Random: the builtin's constructor makes the instance
    /// (its data is the companion), which then becomes an instance of cls.</summary>
    static Value NewNative(ClassObject cls, ClassObject native, ReadOnlySpan<Value> args, Value kwnames)
    {
        int nkw = kwnames.IsEmpty ? 0 : (int)Tuples.Count(kwnames);
        var a = nkw == 0 ? new Args(args) : new Args(args[..^nkw], args[^nkw..], kwnames);
        var v = native.Ctor!(in a);
        // SAFETY: v is a fresh instance of `native` (NativeInstances.New); cls extends native, and its
        // attribute slots grow on the first store.
        ((ObjectHeader*)v.Ptr)->Class = cls.Self.Ptr;
        return v;
    }

    /// <summary>object.__new__(cls, *args).</summary>
    public static Value ObjectNew(in Args a)
    {
        if (a.Count == 0) throw Errors.Type("object.__new__(): not enough arguments");
        if (!a[0].Is(ObjectKind.Class))
            throw Errors.Type($"object.__new__(X): X is not a type object ({Types.NameOf(a[0])})");
        var cls = ClassObject.Of(a[0]);
        if (a.Count > 1 || a.HasKw)
        {
            if (OverridesNew(cls) && !cls.IsException)
                throw Errors.Type("object.__new__() takes exactly one argument (the type to instantiate)");
            if (InheritedMethods.Find(cls.Mro, 0, "__init__").Is(ObjectKind.BuiltinFunction) && !cls.IsException)
                throw Errors.Type($"{cls.Name}() takes no arguments");
        }
        if (cls.IsException) return Exceptions.CreateWithArgs(cls, Tuples.FromSpan(a.Pos[1..]));
        if (cls.ValueBase != null || cls.BuiltinBase is { NativeCompanion: true }
            || cls.IsBuiltin && cls != Types.Object)
        {
            var safe = cls.ValueBase ?? cls.BuiltinBase!;
            throw Errors.Type($"object.__new__({cls.Name}) is not safe, use {safe.Name}.__new__()");
        }
        if (cls.BuiltinBase == Types.Type)
            throw Errors.Type($"object.__new__({cls.Name}) is not safe, use type.__new__()");
        return Instances.New(cls);
    }
}
