// repr() and str() of every kind of value.
using System.Text;
using Lbbv.Support;

namespace Lbbv.Runtime;

public static class Repr
{
    static readonly HashSet<long> active = new();

    public static string Of(Value v)
    {
        switch (v.Tag)
        {
            case Tag.Int: return v.Payload.ToString(System.Globalization.CultureInfo.InvariantCulture);
            case Tag.Float: return FloatFormat.Repr(v.AsFloat);
            case Tag.Bool: return v.Payload != 0 ? "True" : "False";
            case Tag.None: return "None";
            case Tag.Empty: return "<NULL>";
        }
        switch (v.Kind)
        {
            case ObjectKind.Str: return PyStr.Repr(Strs.Get(v));
            case ObjectKind.BigInt: return PyInt.ToDecimalString(Ints.ToBig(v));
            case ObjectKind.List: return Guarded(v, "[...]", () => "[" + Join(Lists.ReadOnly(v).ToArray()) + "]");
            case ObjectKind.Tuple:
                {
                    var items = Tuples.Span(v).ToArray();
                    if (items.Length == 1) return Guarded(v, "(...)", () => "(" + Of(items[0]) + ",)");
                    return Guarded(v, "(...)", () => "(" + Join(items) + ")");
                }
            case ObjectKind.Dict:
                return Guarded(v, "{...}", () =>
                {
                    var sb = new StringBuilder("{");
                    bool first = true;
                    foreach (var (k, x) in Dicts.Get(v).Items().ToArray())
                    {
                        if (!first) sb.Append(", ");
                        first = false;
                        sb.Append(Of(k)).Append(": ").Append(Of(x));
                    }
                    return sb.Append('}').ToString();
                });
            case ObjectKind.Set:
                {
                    var items = Sets.Get(v).ToArray();
                    if (items.Length == 0) return "set()";
                    return Guarded(v, "{...}", () => "{" + Join(items) + "}");
                }
            case ObjectKind.FrozenSet:
                {
                    var items = Sets.Get(v).ToArray();
                    if (items.Length == 0) return "frozenset()";
                    return Guarded(v, "frozenset({...})", () => "frozenset({" + Join(items) + "})");
                }
            case ObjectKind.Range:
                {
                    var r = Ranges.Get(v);
                    return r.Step == 1 ? $"range({r.Start}, {r.Stop})" : $"range({r.Start}, {r.Stop}, {r.Step})";
                }
            case ObjectKind.Slice:
                {
                    var s = Slices.Get(v);
                    return $"slice({Of(s.Start)}, {Of(s.Stop)}, {Of(s.Step)})";
                }
            case ObjectKind.Class:
                {
                    var c = ClassObject.Of(v);
                    var metaRepr = Metaclasses.Method(c, "__repr__");
                    if (!metaRepr.IsEmpty) return StrResult(Calls.CallMethod(metaRepr, v), "__repr__");
                    return c.Module == "builtins" ? $"<class '{c.QualName}'>" : $"<class '{c.Module}.{c.QualName}'>";
                }
            case ObjectKind.Function: return $"<function {Functions.Data(v).QualName} at {Addr(v)}>";
            case ObjectKind.BuiltinFunction:
                {
                    var b = Obj.Get<BuiltinFunctionObject>(v);
                    if (!b.Self.IsEmpty) return $"<built-in method {b.Name} of {Types.NameOf(b.Self)} object at {Addr(b.Self)}>";
                    if (b.Owner != null) return $"<method '{b.Name}' of '{b.Owner.Name}' objects>";
                    return $"<built-in function {b.Name}>";
                }
            case ObjectKind.BoundMethod:
                {
                    var bm = Obj.Get<BoundMethodObject>(v);
                    string fname = bm.Func.Is(ObjectKind.Function) ? Functions.Data(bm.Func).QualName : "?";
                    return $"<bound method {fname} of {Of(bm.Self)}>";
                }
            case ObjectKind.Module:
                {
                    var m = ModuleObject.Of(v);
                    return m.File == null ? $"<module '{m.Name}' (built-in)>" : $"<module '{m.Name}' from '{m.File}'>";
                }
            case ObjectKind.Generator:
                return $"<{Generators.Get(v).KindName} object {Generators.Get(v).Code.Code.QualName} at {Addr(v)}>";
            case ObjectKind.Exception:
            case ObjectKind.Instance:
                {
                    var cls = Types.Of(v);
                    var m = cls.Lookup("__repr__");
                    if (!m.IsEmpty) return StrResult(Calls.CallMethod(m, v), "__repr__");
                    if (v.Kind == ObjectKind.Exception) return Exceptions.DefaultRepr(v);
                    return cls.Module == "builtins" ? $"<{cls.QualName} object at {Addr(v)}>"
                        : $"<{cls.Module}.{cls.QualName} object at {Addr(v)}>";
                }
            case ObjectKind.Cell: return $"<cell at {Addr(v)}>";
            case ObjectKind.Property: return $"<property object at {Addr(v)}>";
            case ObjectKind.StaticMethod: return $"<staticmethod({Of(Obj.Get<StaticMethodObject>(v).Func)})>";
            case ObjectKind.ClassMethod: return $"<classmethod({Of(Obj.Get<ClassMethodObject>(v).Func)})>";
            case ObjectKind.Code: return Obj.Get<CodeRuntime>(v).Code.ToString();
            case ObjectKind.Iterator:
            case ObjectKind.RangeIterator:
            case ObjectKind.ListIterator: return $"<{Types.NameOf(v)} object at {Addr(v)}>";
            case ObjectKind.Other:
                {
                    var c = Obj.Companion(v);
                    if (c is SingletonObject s) return s.Name;
                    if (c is DictView dv)
                    {
                        string name = dv.Mode == 0 ? "dict_keys" : dv.Mode == 1 ? "dict_values" : "dict_items";
                        var items = Protocols.ToList(v).ToArray();
                        return Guarded(v, "...", () => $"{name}([{Join(items)}])");
                    }
                    if (c is BigRangeObject br) return br.Repr();
                    if (c is SuperObject so) return $"<super: <class '{so.Start.Name}'>, <{Types.NameOf(so.Self)} object>>";
                    break;
                }
        }
        return $"<{Types.NameOf(v)} object at {Addr(v)}>";
    }

    static string StrResult(Value r, string what)
    {
        if (!r.Is(ObjectKind.Str)) throw Errors.Type($"{what} returned non-string (type {Types.NameOf(r)})");
        return Strs.Get(r);
    }

    public static string Addr(Value v) => "0x" + v.Payload.ToString("x12");

    public static string Join(Value[] items)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < items.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(Of(items[i]));
        }
        return sb.ToString();
    }

    public static string Guarded(Value v, string recursive, Func<string> f)
    {
        if (!active.Add(v.Payload)) return recursive;
        try
        {
            using var _ = TempRoots.Push(v);
            return f();
        }
        finally { active.Remove(v.Payload); }
    }

    public static string Str(Value v)
    {
        if (v.IsObject)
        {
            switch (v.Kind)
            {
                case ObjectKind.Str: return Strs.Get(v);
                case ObjectKind.Instance:
                case ObjectKind.Exception:
                    {
                        var cls = Types.Of(v);
                        var m = cls.Lookup("__str__");
                        if (!m.IsEmpty) return StrResult(Calls.CallMethod(m, v), "__str__");
                        if (v.Kind == ObjectKind.Exception) return Exceptions.DefaultStr(v);
                        break;
                    }
                case ObjectKind.Class when Metaclasses.Has(v):
                    {
                        var m = Metaclasses.Method(ClassObject.Of(v), "__str__");
                        if (!m.IsEmpty) return StrResult(Calls.CallMethod(m, v), "__str__");
                        break;
                    }
            }
        }
        return Of(v);
    }

    public static string FuncName(Value callable)
    {
        if (callable.Is(ObjectKind.Function)) return Functions.Data(callable).QualName + "()";
        if (callable.Is(ObjectKind.BoundMethod)) return FuncName(Obj.Get<BoundMethodObject>(callable).Func);
        if (callable.Is(ObjectKind.BuiltinFunction)) return Obj.Get<BuiltinFunctionObject>(callable).Name + "()";
        if (callable.Is(ObjectKind.Class)) return ClassObject.Of(callable).Name + "()";
        return Types.NameOf(callable) + " object";
    }
}
