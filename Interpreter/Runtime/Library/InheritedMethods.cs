// The methods every class inherits from object and every exception from BaseException
// (object.__repr__, object.__eq__, BaseException.__str__, ...). They are not entries of the
// builtin classes' dicts, because the runtime recognises a user override by finding the name on
// the class (Repr, Compare, Protocols.Hash test cls.Lookup); an explicit lookup that finds nothing
// on the classes consults them: super().name, Base.name, obj.name.
namespace Lbbv.Runtime;

public static class InheritedMethods
{
    static readonly Dictionary<string, Value> objectMethods = new();
    static readonly Dictionary<string, Value> exceptionMethods = new();

    /// <summary>Fills the tables for a run (Builtins.Init: the heap and the builtin classes are new).</summary>
    public static void Register()
    {
        objectMethods.Clear();
        exceptionMethods.Clear();
        Add(objectMethods, Types.Object, "__init__", static (in Args a) =>
        {
            var self = Self(a, Types.Object, "__init__");
            if (a.Count > 1 || a.HasKw)
            {
                // CPython's object_init: excess arguments are an error unless only __new__ is overridden.
                var cls = Types.Of(self);
                if (!cls.Lookup("__init__").IsEmpty)
                    throw Errors.Type("object.__init__() takes exactly one argument (the instance to initialize)");
                if (!Instantiation.OverridesNew(cls)) throw Errors.Type($"{cls.Name}() takes no arguments");
            }
            return Value.None;
        });
        var objectNew = Obj.New(ObjectKind.StaticMethod, new StaticMethodObject(
            Obj.New(ObjectKind.BuiltinFunction, new BuiltinFunctionObject("__new__", Instantiation.ObjectNew, null))));
        PermanentRoots.Add(objectNew);
        objectMethods["__new__"] = objectNew;
        Add(objectMethods, Types.Object, "__repr__", static (in Args a) =>
            Strs.New(ObjectRepr(Self(a, Types.Object, "__repr__"))));
        Add(objectMethods, Types.Object, "__str__", static (in Args a) =>
            Strs.New(Repr.Of(Self(a, Types.Object, "__str__"))));
        Add(objectMethods, Types.Object, "__format__", static (in Args a) =>
        {
            var self = Self(a, Types.Object, "__format__");
            Arity(a, 2, "__format__");
            if (!a[1].Is(ObjectKind.Str))
                throw Errors.Type($"__format__() argument must be str, not {Types.NameOf(a[1])}");
            if (Strs.Get(a[1]).Length != 0)
                throw Errors.Type($"unsupported format string passed to {Types.NameOf(self)}.__format__");
            return Strs.New(Repr.Str(self));
        });
        Add(objectMethods, Types.Object, "__hash__", static (in Args a) =>
            Value.Int(Protocols.IdHash(Self(a, Types.Object, "__hash__"))));
        Add(objectMethods, Types.Object, "__eq__", static (in Args a) =>
        {
            var self = Self(a, Types.Object, "__eq__");
            Arity(a, 2, "__eq__");
            return self.Same(a[1]) ? Value.True : Types.NotImplemented;
        });
        Add(objectMethods, Types.Object, "__ne__", static (in Args a) =>
        {
            var self = Self(a, Types.Object, "__ne__");
            Arity(a, 2, "__ne__");
            // object.__ne__ inverts the type's __eq__ unless that is NotImplemented.
            var eq = Types.Of(self).Lookup("__eq__");
            var r = !eq.IsEmpty ? Calls.CallMethod(eq, self, a[1])
                : self.Same(a[1]) ? Value.True : Types.NotImplemented;
            return r.Same(Types.NotImplemented) ? r : Value.Bool(!Protocols.IsTrue(r));
        });
        foreach (var order in (string[])["__lt__", "__le__", "__gt__", "__ge__"])
            Add(objectMethods, Types.Object, order, (in Args a) =>
            {
                Self(a, Types.Object, order);
                Arity(a, 2, order);
                return Types.NotImplemented;
            });
        Add(objectMethods, Types.Object, "__getattribute__", static (in Args a) =>
        {
            var self = Self(a, Types.Object, "__getattribute__");
            Arity(a, 2, "__getattribute__");
            return Attributes.GenericGet(self, AttributeName(a[1]));
        });
        Add(objectMethods, Types.Object, "__setattr__", static (in Args a) =>
        {
            var self = Self(a, Types.Object, "__setattr__");
            Arity(a, 3, "__setattr__");
            Attributes.GenericSet(self, AttributeName(a[1]), a[2]);
            return Value.None;
        });
        Add(objectMethods, Types.Object, "__delattr__", static (in Args a) =>
        {
            var self = Self(a, Types.Object, "__delattr__");
            Arity(a, 2, "__delattr__");
            Attributes.GenericDelete(self, AttributeName(a[1]));
            return Value.None;
        });
        Add(exceptionMethods, Types.BaseException, "__str__", static (in Args a) =>
            Strs.New(Exceptions.DefaultStr(Self(a, Types.BaseException, "__str__"))));
        Add(exceptionMethods, Types.BaseException, "__repr__", static (in Args a) =>
            Strs.New(Exceptions.DefaultRepr(Self(a, Types.BaseException, "__repr__"))));
    }

    static void Add(Dictionary<string, Value> table, ClassObject owner, string name, NativeFn fn)
    {
        var v = Obj.New(ObjectKind.BuiltinFunction, new BuiltinFunctionObject(name, fn, owner));
        PermanentRoots.Add(v);
        table[name] = v;
    }

    /// <summary>The method `name` that builtin class `cls` provides to its subclasses, or Empty.</summary>
    public static Value Of(ClassObject cls, string name)
    {
        var table = cls == Types.Object ? objectMethods : cls == Types.BaseException ? exceptionMethods : null;
        return table != null && table.TryGetValue(name, out var m) ? m : Value.Empty;
    }

    /// <summary>`name` along the MRO of `cls` from position `from`: a class's own attribute, else
    /// what a builtin class there provides; Empty when none has it.</summary>
    public static Value Find(ClassObject[] mro, int from, string name)
    {
        for (int j = from; j < mro.Length; j++)
        {
            if (mro[j].Dict.TryGetValue(name, out var v)) return v;
            if (mro[j].IsBuiltin && !(v = Of(mro[j], name)).IsEmpty) return v;
        }
        return Value.Empty;
    }

    /// <summary>object.__repr__: &lt;module.Name object at 0x...&gt; (no module for builtins).</summary>
    public static string ObjectRepr(Value v)
    {
        var cls = Types.Of(v);
        string name = cls.IsBuiltin || cls.Module == "builtins" ? cls.Name : cls.Module + "." + cls.Name;
        return $"<{name} object at {Repr.Addr(v)}>";
    }

    static Value Self(in Args a, ClassObject owner, string name)
    {
        if (a.Count == 0) throw Errors.Type($"descriptor '{name}' of '{owner.Name}' object needs an argument");
        var self = a[0];
        if (!Types.Of(self).IsSubclassOf(owner))
            throw Errors.Type($"descriptor '{name}' requires a '{owner.Name}' object "
                + $"but received a '{Types.NameOf(self)}'");
        return self;
    }

    static void Arity(in Args a, int n, string name)
    {
        a.NoKw(name);
        if (a.Count != n) throw Errors.Type($"expected {n - 1} argument{(n == 2 ? "" : "s")}, got {a.Count - 1}");
    }

    static string AttributeName(Value name) => name.Is(ObjectKind.Str)
        ? Strs.Get(name)
        : throw Errors.Type($"attribute name must be string, not '{Types.NameOf(name)}'");
}
