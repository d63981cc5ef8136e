// Metaclasses: user subclasses of `type`. A class made by one records it (ClassObject.Meta), and
// the operations CPython looks up on type(cls) consult it: calling the class (__call__), iteration,
// len, `in`, subscription, repr, isinstance/issubclass (__instancecheck__/__subclasscheck__) and
// attributes the class itself lacks. Creating a class through a metaclass runs its __new__ (type's
// by default) and its __init__, as type.__call__ does.
namespace Lbbv.Runtime;

public static class Metaclasses
{
    /// <summary>True when v is a class whose metaclass is a user subclass of type.</summary>
    public static bool Has(Value v) => v.Is(ObjectKind.Class) && ClassObject.Of(v).Meta != null;

    /// <summary>The method `name` that cls's metaclass (not type itself) defines, or Empty.</summary>
    public static Value Method(ClassObject cls, string name)
    {
        if (cls.Meta == null) return Value.Empty;
        var m = cls.Meta.Lookup(name);
        return m.IsEmpty || m.Is(ObjectKind.BuiltinFunction) ? Value.Empty : m;
    }

    /// <summary>Registers what `type` offers to metaclasses: type(x) and type(name, bases, ns),
    /// type.__new__, type.__call__ (create and initialize, ignoring the metaclass's __call__),
    /// type.__init__, type.__setattr__ and type.__delattr__.</summary>
    public static void Register()
    {
        Types.Type.Ctor = static (in Args a) =>
        {
            if (a.Count == 1 && !a.HasKw) return Types.Of(a[0]).Self;
            if (a.Count != 3) throw Errors.Type("type() takes 1 or 3 arguments");
            return NewClass(Types.Type, a);
        };
        var t = new TypeBuilder(Types.Type);
        t.Method("__new__", static (in Args a) =>
        {
            if (a.Count != 4)
                throw Errors.Type($"type.__new__() takes exactly 3 arguments ({Math.Max(0, a.Count - 1)} given)");
            if (!a[0].Is(ObjectKind.Class) || !ClassObject.Of(a[0]).IsSubclassOf(Types.Type))
                throw Errors.Type($"type.__new__(X): X is not a type object ({Types.NameOf(a[0])})");
            return NewClass(ClassObject.Of(a[0]), new Args(a.Pos[1..], a.KwValues, a.KwNames));
        });
        t.Method("__call__", static (in Args a) =>
        {
            if (a.Count == 0 || !a[0].Is(ObjectKind.Class))
                throw Errors.Type("descriptor '__call__' requires a 'type' object");
            var all = new Value[a.Count - 1 + a.KwValues.Length];
            a.Pos[1..].CopyTo(all);
            a.KwValues.CopyTo(all.AsSpan(a.Count - 1));
            var r = Calls.CallClassIgnoringMetaclass(ClassObject.Of(a[0]), all, a.HasKw ? a.KwNames : Value.Empty);
            if (r.IsEmpty) throw ThreadState.TakePending();
            return r;
        });
        t.Method("__init__", static (in Args a) => Value.None);
        t.Method("__setattr__", static (in Args a) =>
        {
            a.Exactly(3, "__setattr__");
            Attributes.SetOnClass(ClassOf(a[0], "__setattr__"), AttributeName(a[1]), a[2]);
            return Value.None;
        });
        t.Method("__delattr__", static (in Args a) =>
        {
            a.Exactly(2, "__delattr__");
            Attributes.DeleteFromClass(ClassOf(a[0], "__delattr__"), AttributeName(a[1]));
            return Value.None;
        });
    }

    static Value ClassOf(Value v, string method) => v.Is(ObjectKind.Class)
        ? v
        : throw Errors.Type($"descriptor '{method}' requires a 'type' object but received a '{Types.NameOf(v)}'");

    static string AttributeName(Value v) => v.Is(ObjectKind.Str)
        ? Strs.Get(v)
        : throw Errors.Type($"attribute name must be string, not '{Types.NameOf(v)}'");

    static Value NewClass(ClassObject meta, in Args a)
    {
        if (!a[0].Is(ObjectKind.Str))
            throw Errors.Type($"type.__new__() argument 1 must be str, not {Types.NameOf(a[0])}");
        int mark = TempRoots.Count;
        try
        {
            var keywords = new Keywords();
            for (int i = 0; i < a.KwValues.Length; i++) keywords.Add(a.KwName(i), a.KwValues[i]);
            return ClassBuilder.NewClass(meta, Strs.Get(a[0]), a[1], a[2], keywords);
        }
        finally { TempRoots.PopTo(mark); }
    }

    /// <summary>meta(name, bases, ns, **kw) for a user metaclass: its __new__ (type's unless it
    /// defines one), then its __init__ when the result is an instance of meta. Empty when a
    /// Python frame raised.</summary>
    public static Value Instantiate(ClassObject meta, ReadOnlySpan<Value> args, Value kwnames)
    {
        var newFn = meta.Lookup("__new__");
        if (newFn.Is(ObjectKind.StaticMethod)) newFn = Obj.Get<StaticMethodObject>(newFn).Func;
        int n = args.Length + 1;
        var withMeta = new Value[n];
        withMeta[0] = meta.Self;
        args.CopyTo(withMeta.AsSpan(1));
        var made = Calls.InvokeRaw(newFn, withMeta, kwnames);
        if (made.IsEmpty || !Types.Of(made).IsSubclassOf(meta)) return made;
        var init = meta.Lookup("__init__");
        if (!init.Is(ObjectKind.Function)) return made;
        using var root = TempRoots.Push(made);
        var r = Calls.CallBound(init, made, args, kwnames);
        return r.IsEmpty ? r : made;
    }
}
