// Attribute access (getattr/setattr/delattr, LoadMethod) with per-instruction caches for instances.
using System.Runtime.CompilerServices;
namespace Lbbv.Runtime;

public sealed class SuperObject(ClassObject start, Value self) : ITraceable
{
    public readonly ClassObject Start = start;
    public readonly Value Self = self;
    public void Trace() => Gc.Mark(Self);
}

public static unsafe class Attributes
{
    static AttrCache scratch;

    public static Value Get(Value o, string name) => GetCached(o, name, ref scratch);

    /// <summary>getattr(o, name, Empty): the attribute or Empty when missing (AttributeError absorbed).</summary>
    public static Value TryGet(Value o, string name)
    {
        try { return Get(o, name); }
        catch (PyException e) when (Exceptions.Matches(e.Exc, Types.AttributeError)) { return Value.Empty; }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Value GetCached(Value o, string name, ref AttrCache cache)
    {
        if (o.IsObject)
        {
            switch (o.Kind)
            {
                case ObjectKind.Instance: return InstanceGet(o, name, ref cache);
                case ObjectKind.Exception: return ExceptionGet(o, name);
                case ObjectKind.Class: return ClassGet(o, name);
                case ObjectKind.Module:
                    {
                        var m = ModuleObject.Of(o);
                        var v = m.Get(name);
                        if (!v.IsEmpty) return v;
                        if (name == "__name__") return Strs.New(m.Name);
                        throw Errors.NoAttribute(o, name);
                    }
                case ObjectKind.Function:
                    {
                        var v = FunctionAttributes.Get(Functions.Data(o), name);
                        if (!v.IsEmpty) return v;
                        break;
                    }
                case ObjectKind.BoundMethod:
                    {
                        var bm = Obj.Get<BoundMethodObject>(o);
                        if (name == "__self__") return bm.Self;
                        if (name == "__func__") return bm.Func;
                        return Get(bm.Func, name);
                    }
                case ObjectKind.BuiltinFunction:
                    if (name == "__name__") return Strs.New(Obj.Get<BuiltinFunctionObject>(o).Name);
                    break;
                case ObjectKind.Slice:
                    {
                        var s = Slices.Get(o);
                        if (name == "start") return s.Start;
                        if (name == "stop") return s.Stop;
                        if (name == "step") return s.Step;
                        break;
                    }
                case ObjectKind.Range:
                    {
                        var r = Ranges.Get(o);
                        if (name == "start") return Value.Int(r.Start);
                        if (name == "stop") return Value.Int(r.Stop);
                        if (name == "step") return Value.Int(r.Step);
                        break;
                    }
                case ObjectKind.Property:
                    {
                        var p = Obj.Get<PropertyObject>(o);
                        if (name == "fget") return p.Get.IsEmpty ? Value.None : p.Get;
                        if (name == "fset") return p.Set.IsEmpty ? Value.None : p.Set;
                        break;
                    }
                case ObjectKind.Other:
                    if (Obj.Companion(o) is SuperObject sup) return SuperGet(sup, name);
                    break;
            }
        }
        if (name == "__class__") return Types.Of(o).Self;
        var ca = Types.Of(o).Lookup(name);
        if (!ca.IsEmpty) return Bind(ca, o);
        if (name == "real" && Ints.IsNumber(o)) return o.IsBool ? Value.Int(o.Payload) : o;
        if (name == "imag" && Ints.IsNumber(o)) return o.IsFloat ? Value.Float(0) : Value.Int(0);
        throw Errors.NoAttribute(o, name);
    }

    /// <summary>Binds a class attribute found for instance `o` (the descriptor protocol).</summary>
    public static Value Bind(Value ca, Value o)
    {
        if (!ca.IsObject) return ca;
        switch (ca.Kind)
        {
            case ObjectKind.Function: return Obj.New(ObjectKind.BoundMethod, new BoundMethodObject(o, ca));
            case ObjectKind.BuiltinFunction:
                {
                    var b = Obj.Get<BuiltinFunctionObject>(ca);
                    if (!b.Self.IsEmpty || b.Owner == null) return ca;
                    return Obj.New(ObjectKind.BuiltinFunction, new BuiltinFunctionObject(b.Name, b.Fn, b.Owner, o));
                }
            case ObjectKind.ClassMethod:
                return Obj.New(ObjectKind.BoundMethod, new BoundMethodObject(Types.Of(o).Self, Obj.Get<ClassMethodObject>(ca).Func));
            case ObjectKind.StaticMethod: return Obj.Get<StaticMethodObject>(ca).Func;
            case ObjectKind.Property:
                {
                    var p = Obj.Get<PropertyObject>(ca);
                    if (p.Get.IsEmpty || p.Get.IsNone) throw Errors.Attribute("unreadable attribute");
                    return Calls.Call(p.Get, o);
                }
            case ObjectKind.Instance:
                return Descriptors.TryGet(ca, o, Types.Of(o).Self, out var described) ? described : ca;
        }
        return ca;
    }

    static Value InstanceGet(Value o, string name, ref AttrCache cache)
    {
        var cls = ClassObject.FromPtr(Obj.ClassPtr(o));
        var hook = cls.Lookup("__getattribute__");
        if (!hook.IsEmpty) return UserGet(o, cls, hook, name);
        var v = InstanceFind(o, cls, name, ref cache);
        if (!v.IsEmpty) return v;
        var ga = cls.Lookup("__getattr__");
        if (!ga.IsEmpty) return Calls.CallMethod(ga, o, Strs.New(name));
        throw Errors.Attribute($"'{cls.Name}' object has no attribute '{name}'");
    }

    /// <summary>object.__getattribute__ for an instance: a data descriptor (property) of the class,
    /// the instance's own attribute, the class attribute (bound), or Empty when none.</summary>
    static Value InstanceFind(Value o, ClassObject cls, string name, ref AttrCache cache)
    {
        var ca = cls.Lookup(name);
        if (ca.Is(ObjectKind.Property)) return Bind(ca, o);
        if (Descriptors.IsData(ca) && Descriptors.TryGet(ca, o, cls.Self, out var described)) return described;
        if (cls.Slots.TryGetValue(name, out int slot))
        {
            var v = Instances.Get(o, slot);
            if (!v.IsEmpty)
            {
                cache.Class = cls.Self.Ptr; cache.Version = ClassObject.GlobalVersion; cache.Slot = slot; cache.Kind = 1;
                return v;
            }
        }
        if (name == "__class__") return cls.Self;
        if (name == "__dict__" && cls.FixedAttributes == null)
            return Dicts.New(new DictObject(new InstanceNamespace(o)));
        if (ca.IsEmpty) ca = InheritedMethods.Find(cls.Mro, 0, name);
        return ca.IsEmpty ? ca : Bind(ca, o);
    }

    /// <summary>`o.name` for a class with its own __getattribute__: that, then __getattr__ when it
    /// raises AttributeError.</summary>
    static Value UserGet(Value o, ClassObject cls, Value hook, string name)
    {
        var ga = cls.Lookup("__getattr__");
        if (ga.IsEmpty) return Calls.CallMethod(hook, o, Strs.New(name));
        try { return Calls.CallMethod(hook, o, Strs.New(name)); }
        catch (PyException e) when (Exceptions.Matches(e.Exc, Types.AttributeError))
        {
            return Calls.CallMethod(ga, o, Strs.New(name));
        }
    }

    /// <summary>object.__getattribute__(o, name): no user __getattribute__ or __getattr__.</summary>
    public static Value GenericGet(Value o, string name)
    {
        if (o.Is(ObjectKind.Instance))
        {
            var cls = Types.Of(o);
            var v = InstanceFind(o, cls, name, ref scratch);
            return v.IsEmpty ? throw Errors.Attribute($"'{cls.Name}' object has no attribute '{name}'") : v;
        }
        if (o.Is(ObjectKind.Exception)) return ExceptionFind(o, name);
        return Get(o, name);
    }

    static Value ExceptionGet(Value o, string name)
    {
        var cls = Types.Of(o);
        var hook = cls.Lookup("__getattribute__");
        if (!hook.IsEmpty) return UserGet(o, cls, hook, name);
        try { return ExceptionFind(o, name); }
        catch (PyException e) when (Exceptions.Matches(e.Exc, Types.AttributeError))
        {
            var ga = cls.Lookup("__getattr__");
            if (ga.IsEmpty) throw;
            return Calls.CallMethod(ga, o, Strs.New(name));
        }
    }

    static Value ExceptionFind(Value o, string name)
    {
        var e = Exceptions.Data(o);
        switch (name)
        {
            case "args": return e.Args.IsEmpty ? Tuples.New(0) : e.Args;
            case "__cause__": return e.Cause;
            case "__context__": return e.Context;
            case "__suppress_context__": return Value.Bool(e.SuppressContext);
            case "__traceback__": return Value.None;
            case "__class__": return Types.Of(o).Self;
        }
        var cls = Types.Of(o);
        var ca = cls.Lookup(name);
        if (ca.Is(ObjectKind.Property)) return Bind(ca, o);
        if (e.Attrs != null && e.Attrs.TryGetValue(name, out var v)) return v;
        if (name == "code" && cls.IsSubclassOf(Types.SystemExit))
            return Tuples.Count(e.Args) == 0 ? Value.None : Tuples.Count(e.Args) == 1 ? Tuples.Span(e.Args)[0] : e.Args;
        if (name == "value" && cls.IsSubclassOf(Types.StopIteration))
            return Tuples.Count(e.Args) > 0 ? Tuples.Items(e.Args)[0] : Value.None;
        if (ca.IsEmpty) ca = InheritedMethods.Find(cls.Mro, 0, name);
        if (!ca.IsEmpty) return Bind(ca, o);
        throw Errors.Attribute($"'{cls.Name}' object has no attribute '{name}'");
    }

    static Value ClassGet(Value o, string name)
    {
        var cls = ClassObject.Of(o);
        switch (name)
        {
            case "__name__": return Strs.New(cls.Name);
            case "__qualname__": return Strs.New(cls.QualName);
            case "__module__": return Strs.New(cls.Module);
            case "__bases__": return Tuples.FromSpan(cls.Bases.Select(c => c.Self).ToArray());
            case "__base__": return cls.Base == null ? Value.None : cls.Base.Self;
            case "__mro__": return Tuples.FromSpan(cls.Mro.Select(c => c.Self).ToArray());
            case "__class__": return (cls.Meta ?? Types.Type).Self;
            case "__doc__": if (!cls.Dict.ContainsKey("__doc__")) return Value.None; break;
            case "__annotations__":
                // the class's own (never a base's); a class without annotations gets an empty dict
                if (cls.Dict.TryGetValue(name, out var own)) return own;
                if (cls.IsBuiltin) break;
                var annotations = Dicts.New();
                cls.SetAttr(name, annotations);
                return annotations;
        }
        if (cls.Meta != null && cls.Meta.Lookup(name) is { } metaAttr && metaAttr.Is(ObjectKind.Property))
            return Bind(metaAttr, o); // a data descriptor of the metaclass comes first, as in CPython
        var v = cls.Lookup(name);
        if (v.IsEmpty) v = InheritedMethods.Find(cls.Mro, 0, name);
        if (!v.IsEmpty)
        {
            if (v.Is(ObjectKind.ClassMethod))
                return Obj.New(ObjectKind.BoundMethod, new BoundMethodObject(o, Obj.Get<ClassMethodObject>(v).Func));
            if (v.Is(ObjectKind.StaticMethod)) return Obj.Get<StaticMethodObject>(v).Func;
            if (Descriptors.TryGet(v, Value.None, o, out var described)) return described;
            return v;
        }
        var fromMeta = Metaclasses.Method(cls, name);
        if (!fromMeta.IsEmpty) return Bind(fromMeta, o);
        if (name == "mro") return Bind(Types.Type.Dict[name], o); // type.mro, a method of every class
        // attributes of `type` itself (e.g. type.__name__) are not modelled further
        throw Errors.NoAttribute(o, name);
    }

    static Value SuperGet(SuperObject sup, string name)
    {
        // super(C, cls) inside a classmethod walks cls's MRO; super(M, cls) inside a metaclass
        // method walks type(cls)'s, as for any instance.
        bool classContext = sup.Self.Is(ObjectKind.Class) && ClassObject.Of(sup.Self).IsSubclassOf(sup.Start);
        var selfType = classContext ? ClassObject.Of(sup.Self) : Types.Of(sup.Self);
        var mro = selfType.Mro;
        var v = InheritedMethods.Find(mro, Array.IndexOf(mro, sup.Start) + 1, name);
        if (v.IsEmpty) throw Errors.Attribute($"'super' object has no attribute '{name}'");
        if (classContext)
        {
            if (v.Is(ObjectKind.ClassMethod))
            {
                var func = Obj.Get<ClassMethodObject>(v).Func;
                return Obj.New(ObjectKind.BoundMethod, new BoundMethodObject(sup.Self, func));
            }
            if (v.Is(ObjectKind.StaticMethod)) return Obj.Get<StaticMethodObject>(v).Func;
            return v;
        }
        return Bind(v, sup.Self);
    }

    /// <summary>LoadMethod: true with the plain function/builtin in `m` when `o.name` is a method
    /// found on the class (the call then passes o as the first argument); else m is the attribute.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    /// <summary>The cache entry for `name` on instances of `cls`, decided without running Python code
    /// (the JIT asks too): kind 1/3 an existing instance slot that no property shadows, kind 2 a
    /// plain function found on the class that no instance slot shadows.</summary>
    public static bool TryInstanceCacheEntry(ClassObject cls, string name, byte kind, out AttrCache entry)
    {
        entry = default;
        // A class with its own __getattribute__ / __setattr__ runs it for every access.
        if (!cls.Lookup(kind == 3 ? "__setattr__" : "__getattribute__").IsEmpty) return false;
        var ca = cls.Lookup(name);
        bool inSlot = cls.Slots.TryGetValue(name, out int slot);
        if (kind == 2 ? !ca.Is(ObjectKind.Function) || inSlot
            : ca.Is(ObjectKind.Property) || Descriptors.IsData(ca) || !inSlot) return false;
        entry.Class = cls.Self.Ptr; entry.Version = ClassObject.GlobalVersion; entry.Kind = kind;
        if (kind == 2) entry.Value = ca;
        else { entry.Slot = slot; entry.SlotTag = cls.SlotTag(slot); entry.SlotClass = cls.SlotClass(slot); }
        return true;
    }

    public static bool LoadMethod(Value o, string name, out Value m, ref AttrCache cache)
    {
        if (o.IsObject)
        {
            var k = o.Kind;
            if (k == ObjectKind.Instance)
            {
                var cls = ClassObject.FromPtr(Obj.ClassPtr(o));
                if (TryInstanceCacheEntry(cls, name, 2, out var entry))
                {
                    cache = entry;
                    m = entry.Value;
                    return true;
                }
                // A method of the builtin type a subclass extends (self.append(x)): called with the
                // instance as self, no bound method (no cache entry: the lookup is the class's own cache).
                if (cls.ValueBase != null && cls.Lookup("__getattribute__").IsEmpty && !cls.Slots.ContainsKey(name)
                    && cls.Lookup(name) is var builtin && builtin.Is(ObjectKind.BuiltinFunction)
                    && Obj.Get<BuiltinFunctionObject>(builtin).Owner != null)
                {
                    m = builtin;
                    return true;
                }
            }
            else if (k is not (ObjectKind.Class or ObjectKind.Module or ObjectKind.Exception or ObjectKind.Other or ObjectKind.Function))
            {
                var ca = Types.Of(o).Lookup(name);
                if (ca.Is(ObjectKind.BuiltinFunction) && Obj.Get<BuiltinFunctionObject>(ca).Owner != null) { m = ca; return true; }
            }
        }
        else
        {
            var ca = Types.Of(o).Lookup(name);
            if (ca.Is(ObjectKind.BuiltinFunction) && Obj.Get<BuiltinFunctionObject>(ca).Owner != null) { m = ca; return true; }
        }
        m = GetCached(o, name, ref cache);
        return false;
    }

    // ---------------------------------------------------------------- set / delete

    public static void Set(Value o, string name, Value v) => SetCached(o, name, v, ref scratch);

    public static void SetCached(Value o, string name, Value v, ref AttrCache cache)
    {
        if (o.IsObject)
        {
            switch (o.Kind)
            {
                case ObjectKind.Instance:
                    {
                        var cls = ClassObject.FromPtr(Obj.ClassPtr(o));
                        // A class with its own __setattr__ never gets a store cache entry, so the
                        // interpreter's and the JIT's fast paths never bypass it.
                        var hook = cls.Lookup("__setattr__");
                        if (!hook.IsEmpty) { Calls.CallMethod(hook, o, Strs.New(name), v); return; }
                        InstanceSet(o, cls, name, v, ref cache);
                        return;
                    }
                case ObjectKind.Exception:
                    {
                        var hook = Types.Of(o).Lookup("__setattr__");
                        if (!hook.IsEmpty) { Calls.CallMethod(hook, o, Strs.New(name), v); return; }
                        ExceptionSet(o, name, v);
                        return;
                    }
                case ObjectKind.Class:
                    {
                        var hook = Metaclasses.Method(ClassObject.Of(o), "__setattr__");
                        if (!hook.IsEmpty) { Calls.CallMethod(hook, o, Strs.New(name), v); return; }
                        SetOnClass(o, name, v);
                        return;
                    }
                case ObjectKind.Module:
                    ModuleObject.Of(o).Set(name, v);
                    return;
                case ObjectKind.Function:
                    {
                        FunctionAttributes.Set(Functions.Data(o), name, v);
                        return;
                    }
            }
        }
        if (name == "__class__") ClassAssignment.Set(o, v); // raises: no other object's class changes
        var t = Types.Of(o);
        if (!t.Lookup(name).IsEmpty)
            throw Errors.Attribute($"'{t.Name}' object attribute '{name}' is read-only");
        throw Errors.Attribute($"'{t.Name}' object has no attribute '{name}'");
    }

    /// <summary>object.__setattr__ for an instance: a property's setter, else the instance's slot.</summary>
    public static void InstanceSet(Value o, ClassObject cls, string name, Value v, ref AttrCache cache)
    {
        if (name == "__class__")
        {
            ClassAssignment.Set(o, v);
            return;
        }
        var ca = cls.Lookup(name);
        if (cls.IsBuiltin && !ca.Is(ObjectKind.Property)) // object(), a deque, an array: no instance attributes
        {
            string type = cls.Module == "builtins" ? cls.Name : cls.Module + "." + cls.Name;
            throw Errors.Attribute(ca.IsEmpty
                ? $"'{type}' object has no attribute '{name}'"
                : $"'{type}' object attribute '{name}' is read-only");
        }
        if (SetProperty(ca, o, name, v) || Descriptors.TrySet(ca, o, name, v)) return;
        if (cls.FixedAttributes is { } allowed && !allowed.Contains(name)) // __slots__
            throw Errors.Attribute(ca.IsEmpty ? $"'{cls.Name}' object has no attribute '{name}'"
                : $"'{cls.Name}' object attribute '{name}' is read-only");
        int slot = StoreSlot(o, cls, name, v);
        cache.Class = cls.Self.Ptr; cache.Version = ClassObject.GlobalVersion; cache.Slot = slot; cache.Kind = 3;
        cache.SlotTag = cls.SlotTag(slot);
        cache.SlotClass = cls.SlotClass(slot);
    }

    static void ExceptionSet(Value o, string name, Value v)
    {
        var e = Exceptions.Data(o);
        switch (name)
        {
            case "__class__": ClassAssignment.Set(o, v); return;
            case "args": e.Args = Tuples.FromSpan(Protocols.ToList(v).ToArray()); return;
            case "__cause__": e.Cause = v; e.SuppressContext = true; return;
            case "__context__": e.Context = v; return;
            case "__suppress_context__": e.SuppressContext = Protocols.IsTrue(v); return;
        }
        if (SetProperty(Types.Of(o).Lookup(name), o, name, v)) return;
        (e.Attrs ??= new())[name] = v;
    }

    /// <summary>Runs the setter when class attribute `ca` is a property (true), else false.</summary>
    static bool SetProperty(Value ca, Value o, string name, Value v)
    {
        if (!ca.Is(ObjectKind.Property)) return false;
        var p = Obj.Get<PropertyObject>(ca);
        if (p.Set.IsEmpty || p.Set.IsNone)
            throw Errors.Attribute($"property '{name}' of '{Types.NameOf(o)}' object has no setter");
        Calls.Call(p.Set, o, v);
        return true;
    }

    /// <summary>object.__setattr__(o, name, v): no user __setattr__.</summary>
    public static void GenericSet(Value o, string name, Value v)
    {
        if (o.Is(ObjectKind.Instance)) InstanceSet(o, Types.Of(o), name, v, ref scratch);
        else if (o.Is(ObjectKind.Exception)) ExceptionSet(o, name, v);
        else Set(o, name, v);
    }

    /// <summary>Binds instance attribute `name` of `o` (of class `cls`) in its slot, growing the
    /// class layout and recording the slot's tag: every store to an instance slot that no cache
    /// entry admits goes through here.</summary>
    public static int StoreSlot(Value o, ClassObject cls, string name, Value v)
    {
        int slot = cls.SlotFor(name);
        cls.NoteStore(slot, v);
        Instances.Set(o, slot, v);
        return slot;
    }

    public static void Delete(Value o, string name)
    {
        if (o.Is(ObjectKind.Instance) || o.Is(ObjectKind.Exception))
        {
            var hook = Types.Of(o).Lookup("__delattr__");
            if (!hook.IsEmpty) { Calls.CallMethod(hook, o, Strs.New(name)); return; }
        }
        GenericDelete(o, name);
    }

    /// <summary>object.__delattr__(o, name): no user __delattr__.</summary>
    public static void GenericDelete(Value o, string name)
    {
        if (name == "__class__") throw Errors.Type("can't delete __class__ attribute");
        if (o.Is(ObjectKind.Instance))
        {
            InstanceDelete(o, name);
            return;
        }
        DeleteOther(o, name);
    }

    /// <summary>object.__delattr__ for an instance.</summary>
    public static void InstanceDelete(Value o, string name)
    {
        var cls = ClassObject.FromPtr(Obj.ClassPtr(o));
        if (Descriptors.TryDelete(cls.Lookup(name), o)) return;
        if (cls.Slots.TryGetValue(name, out int slot) && !Instances.Get(o, slot).IsEmpty)
        {
            Instances.Set(o, slot, Value.Empty);
            return;
        }
        throw Errors.Attribute($"'{cls.Name}' object has no attribute '{name}'");
    }

    /// <summary>type.__setattr__: sets a class attribute (its names and module are fields).</summary>
    public static void SetOnClass(Value o, string name, Value v)
    {
        var cls = ClassObject.Of(o);
        if (cls.IsBuiltin) throw Errors.Type($"cannot set '{name}' attribute of immutable type '{cls.Name}'");
        switch (name)
        {
            case "__name__": cls.Name = ClassNameValue(v, name, cls); return;
            case "__qualname__": cls.QualName = ClassNameValue(v, name, cls); return;
            case "__module__": if (v.Is(ObjectKind.Str)) cls.Module = Strs.Get(v); break;
        }
        cls.SetAttr(name, v);
    }

    /// <summary>type.__delattr__.</summary>
    public static void DeleteFromClass(Value o, string name)
    {
        var cls = ClassObject.Of(o);
        if (cls.IsBuiltin) throw Errors.Type($"cannot delete '{name}' attribute of immutable type '{cls.Name}'");
        if (!cls.DelAttr(name)) throw Errors.NoAttribute(o, name);
    }

    static string ClassNameValue(Value v, string name, ClassObject cls) => v.Is(ObjectKind.Str)
        ? Strs.Get(v)
        : throw Errors.Type($"can only assign string to {cls.Name}.{name}, not '{Types.NameOf(v)}'");

    static void DeleteOther(Value o, string name)
    {
        if (o.Is(ObjectKind.Class))
        {
            var hook = Metaclasses.Method(ClassObject.Of(o), "__delattr__");
            if (!hook.IsEmpty) { Calls.CallMethod(hook, o, Strs.New(name)); return; }
            DeleteFromClass(o, name);
            return;
        }
        if (o.Is(ObjectKind.Exception))
        {
            var e = Exceptions.Data(o);
            if (e.Attrs != null && e.Attrs.Remove(name)) return;
        }
        if (o.Is(ObjectKind.Function) && FunctionAttributes.Delete(Functions.Data(o), name)) return;
        if (o.Is(ObjectKind.Module))
        {
            var m = ModuleObject.Of(o);
            if (!m.Get(name).IsEmpty) { m.Set(name, Value.Empty); return; }
        }
        throw Errors.NoAttribute(o, name);
    }
}
