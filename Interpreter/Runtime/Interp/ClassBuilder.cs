// `class C(bases, **keywords): body` (CPython's __build_class__ and type.__new__): bases given by
// __mro_entries__, the metaclass (the `metaclass=` keyword or the most derived of the bases'),
// its __prepare__, the body run in that namespace, then the class made by the metaclass; type's
// own creation sets the __class__ cell, calls __set_name__ on the new attributes and the parent's
// __init_subclass__.
namespace Lbbv.Runtime;

public static class ClassBuilder
{
    /// <summary>[body function, name, bases..., (keyword values..., kwnames)] -> the class, or Empty
    /// when the body (or a hook it triggers) raised.</summary>
    public static Value Build(ReadOnlySpan<Value> items, int nbases)
    {
        int mark = TempRoots.Count;
        try { return BuildRooted(items, nbases); }
        finally { TempRoots.PopTo(mark); }
    }

    static Value BuildRooted(ReadOnlySpan<Value> items, int nbases)
    {
        var body = items[0];
        string name = Strs.Get(items[1]);
        var origBases = Tuples.FromSpan(items.Slice(2, nbases));
        TempRoots.Add(origBases);
        var keywords = Keywords(items[(2 + nbases)..]);
        var bases = MroEntries(origBases);
        TempRoots.Add(bases);
        Value meta = keywords.Remove("metaclass", out var explicitMeta) ? explicitMeta : Value.Empty;
        if (meta.IsEmpty || meta.Is(ObjectKind.Class)) meta = WinningMetaclass(meta, bases).Self;
        TempRoots.Add(meta);

        var ns = Prepare(meta, name, bases, keywords);
        TempRoots.Add(ns);
        var r = Calls.CallFunction(body, ReadOnlySpan<Value>.Empty, Value.Empty, ns.Ptr);
        if (r.IsEmpty) return r;
        var dict = Dicts.Get(ns);
        if (r.Is(ObjectKind.Cell)) dict.Set(Strs.New("__classcell__"), r);
        if (!bases.Same(origBases)) dict.Set(Strs.New("__orig_bases__"), origBases);

        var args = new List<Value> { Strs.New(name), bases, ns };
        args.AddRange(keywords.Values);
        return Calls.InvokeRaw(meta, args.ToArray(), keywords.NamesTuple());
    }

    /// <summary>type.__new__(meta, name, bases, ns, **keywords): the class itself.</summary>
    public static Value NewClass(ClassObject meta, string name, Value bases, Value ns, Keywords keywords)
    {
        if (!bases.Is(ObjectKind.Tuple))
            throw Errors.Type($"type.__new__() argument 2 must be tuple, not {Types.NameOf(bases)}");
        if (!ns.Is(ObjectKind.Dict))
            throw Errors.Type($"type.__new__() argument 3 must be dict, not {Types.NameOf(ns)}");
        var baseClass = SingleBase(name, Tuples.Span(bases));
        var cls = new ClassObject(name) { Base = baseClass, Meta = meta == Types.Type ? null : meta };
        Value cell = Value.Empty;
        foreach (var (k, v) in Dicts.Get(ns).Items())
        {
            if (!k.Is(ObjectKind.Str)) continue;
            string key = Strs.Get(k);
            switch (key)
            {
                case "__qualname__":
                    cls.QualName = v.Is(ObjectKind.Str)
                        ? Strs.Get(v)
                        : throw Errors.Type($"type __qualname__ must be a str, not {Types.NameOf(v)}");
                    continue;
                case "__module__": if (v.Is(ObjectKind.Str)) cls.Module = Strs.Get(v); continue;
                case "__classcell__": cell = v; continue;
            }
            cls.Dict[key] = v;
        }
        cls.Self = Obj.New(ObjectKind.Class, cls);
        cls.ComputeMro();
        ClassObject.GlobalVersion++;
        if (cell.Is(ObjectKind.Cell)) unsafe { Cells.P(cell)->Value = cls.Self; }
        using var root = TempRoots.Push(cls.Self);
        SetNames(cls);
        InitSubclass(cls, keywords);
        return cls.Self;
    }

    static ClassObject SingleBase(string name, ReadOnlySpan<Value> bases)
    {
        if (bases.Length > 1) throw Errors.Type($"class {name}: multiple inheritance is not supported by Lbbv");
        if (bases.Length == 0) return Types.Object;
        if (!bases[0].Is(ObjectKind.Class)) throw Errors.Type("bases must be types");
        var baseClass = ClassObject.Of(bases[0]);
        if (baseClass.IsBuiltin && baseClass != Types.Object && baseClass != Types.Type
            && !baseClass.IsSubclassOf(Types.BaseException))
            throw Errors.Type($"subclassing the builtin type '{baseClass.Name}' is not supported by Lbbv");
        return baseClass;
    }

    /// <summary>PEP 560: a base that is not a class but has __mro_entries__ is replaced by what it returns.</summary>
    static Value MroEntries(Value bases)
    {
        var items = Tuples.Span(bases);
        List<Value>? resolved = null;
        for (int i = 0; i < items.Length; i++)
        {
            var b = items[i];
            var entries = b.Is(ObjectKind.Class) ? Value.Empty : Attributes.TryGet(b, "__mro_entries__");
            if (entries.IsEmpty) { resolved?.Add(b); continue; }
            resolved ??= new List<Value>(items[..i].ToArray());
            var r = Calls.Call(entries, bases);
            if (!r.Is(ObjectKind.Tuple)) throw Errors.Type("__mro_entries__ must return a tuple");
            resolved.AddRange(Tuples.Span(r).ToArray());
        }
        return resolved == null ? bases : Tuples.FromSpan(resolved.ToArray());
    }

    /// <summary>The most derived of the explicit metaclass (or type) and the bases' metaclasses.</summary>
    static ClassObject WinningMetaclass(Value explicitMeta, Value bases)
    {
        var winner = explicitMeta.IsEmpty ? Types.Type : ClassObject.Of(explicitMeta);
        foreach (var b in Tuples.Span(bases))
        {
            var m = Types.Of(b);
            if (winner.IsSubclassOf(m)) continue;
            if (m.IsSubclassOf(winner)) { winner = m; continue; }
            throw Errors.Type("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass "
                + "of the metaclasses of all its bases");
        }
        return winner;
    }

    /// <summary>The class body's namespace: a new dict, or what a metaclass's __prepare__ returns.</summary>
    static Value Prepare(Value meta, string name, Value bases, Keywords keywords)
    {
        var prepare = meta.Is(ObjectKind.Class) ? ClassObject.Of(meta).Lookup("__prepare__") : Value.Empty;
        if (prepare.IsEmpty) return Dicts.New();
        var args = new List<Value> { Strs.New(name), bases };
        args.AddRange(keywords.Values);
        var ns = Calls.Call(Attributes.Bind(prepare, meta), args.ToArray(), keywords.NamesTuple());
        if (!ns.Is(ObjectKind.Dict))
            throw Errors.Type($"a __prepare__ that returns a '{Types.NameOf(ns)}' (not a dict) is not supported by "
                + "Lbbv");
        return ns;
    }

    /// <summary>value.__set_name__(cls, name) for every attribute whose type defines it.</summary>
    static void SetNames(ClassObject cls)
    {
        foreach (var (key, v) in cls.Dict.ToArray())
        {
            if (!v.Is(ObjectKind.Instance)) continue;
            var setName = Types.Of(v).Lookup("__set_name__");
            if (!setName.IsEmpty) Calls.CallMethod(setName, v, cls.Self, Strs.New(key));
        }
    }

    /// <summary>super(cls, cls).__init_subclass__(**keywords): the first definition above cls (an
    /// implicit classmethod); object's accepts no keywords (ObjectAttributes).</summary>
    static void InitSubclass(ClassObject cls, Keywords keywords)
    {
        for (int i = 1; i < cls.Mro.Length; i++)
        {
            if (!cls.Mro[i].Dict.TryGetValue("__init_subclass__", out var hook)) continue;
            var fn = hook.Is(ObjectKind.ClassMethod) ? Obj.Get<ClassMethodObject>(hook).Func : hook;
            var args = new List<Value> { cls.Self };
            args.AddRange(keywords.Values);
            Calls.Call(fn, args.ToArray(), keywords.NamesTuple());
            return;
        }
    }

    static Keywords Keywords(ReadOnlySpan<Value> tail)
    {
        var kw = new Keywords();
        if (tail.Length == 0) return kw;
        var names = Tuples.Span(tail[^1]);
        for (int i = 0; i < names.Length; i++) kw.Add(Strs.Get(names[i]), tail[i]);
        return kw;
    }
}

/// <summary>Keyword arguments passed along to a metaclass, __prepare__ and __init_subclass__.</summary>
public sealed class Keywords
{
    readonly List<string> names = new();
    public readonly List<Value> Values = new();

    public int Count => names.Count;

    public void Add(string name, Value v)
    {
        names.Add(name);
        Values.Add(v);
        TempRoots.Add(v);
    }

    public bool Remove(string name, out Value v)
    {
        int i = names.IndexOf(name);
        v = i < 0 ? Value.Empty : Values[i];
        if (i < 0) return false;
        names.RemoveAt(i);
        Values.RemoveAt(i);
        return true;
    }

    /// <summary>The kwnames tuple of a call passing these keywords (Empty when there are none).</summary>
    public Value NamesTuple()
    {
        if (names.Count == 0) return Value.Empty;
        var t = Tuples.FromSpan(names.Select(Strs.New).ToArray());
        TempRoots.Add(t);
        return t;
    }
}
