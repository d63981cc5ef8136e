// Core builtin functions: print, len, repr, isinstance, getattr, ...
using System.Runtime.CompilerServices;
using System.Text;

namespace Lbbv.Runtime;

public static class BuiltinFunctions
{
    public static void Register(ModuleBuilder m)
    {
        m.Function("print", Print);
        m.Function("len", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => { a.Exactly(1, "len"); return Value.Int(Protocols.Len(a[0])); });
        m.Function("repr", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => { a.Exactly(1, "repr"); return Strs.New(Repr.Of(a[0])); });
        m.Function("ascii", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => { a.Exactly(1, "ascii"); return Strs.New(AsciiRepr.Of(a[0])); });
        m.Function("format", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            a.Range(1, 2, "format");
            return Strs.New(Formatting.Format(a[0], a.Count > 1 ? Strs.Get(a[1]) : ""));
        });
        m.Function("isinstance", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            if (a.Count != 2) throw Errors.Type($"isinstance expected 2 arguments, got {a.Count}");
            return Value.Bool(IsInstance(a[0], a[1]));
        });
        m.Function("issubclass", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            if (a.Count != 2) throw Errors.Type($"issubclass expected 2 arguments, got {a.Count}");
            if (!a[0].Is(ObjectKind.Class)) throw Errors.Type("issubclass() arg 1 must be a class");
            return Value.Bool(IsSubclass(ClassObject.Of(a[0]), a[1], "issubclass"));
        });
        m.Function("hash", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => { a.Exactly(1, "hash"); return Value.Int(Protocols.Hash(a[0])); });
        m.Function("id", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            a.Exactly(1, "id");
            var v = a[0];
            return Value.Int(v.IsObject ? v.Payload : (v.Payload * 31 + (long)v.Tag) & long.MaxValue);
        });
        m.Function("callable", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => { a.Exactly(1, "callable"); return Value.Bool(IsCallable(a[0])); });
        m.Function("getattr", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            a.Range(2, 3, "getattr");
            if (!a[1].Is(ObjectKind.Str)) throw Errors.Type("attribute name must be string");
            if (a.Count == 3)
            {
                var v = Attributes.TryGet(a[0], Strs.Get(a[1]));
                return v.IsEmpty ? a[2] : v;
            }
            return Attributes.Get(a[0], Strs.Get(a[1]));
        });
        m.Function("setattr", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            a.Exactly(3, "setattr");
            if (!a[1].Is(ObjectKind.Str)) throw Errors.Type("attribute name must be string");
            Attributes.Set(a[0], Strs.Get(a[1]), a[2]);
            return Value.None;
        });
        m.Function("delattr", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            a.Exactly(2, "delattr");
            Attributes.Delete(a[0], Strs.Get(a[1]));
            return Value.None;
        });
        m.Function("hasattr", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            a.Exactly(2, "hasattr");
            if (!a[1].Is(ObjectKind.Str)) throw Errors.Type("attribute name must be string");
            return Value.Bool(!Attributes.TryGet(a[0], Strs.Get(a[1])).IsEmpty);
        });
        m.Function("globals", static (in Args a) =>
        {
            a.Exactly(0, "globals");
            return CurrentModuleDict();
        });
        m.Function("vars", static (in Args a) =>
        {
            a.Range(0, 1, "vars");
            if (a.Count == 0) return CurrentLocalsDict();
            var d = Attributes.TryGet(a[0], "__dict__");
            if (d.IsEmpty) throw Errors.Type("vars() argument must have __dict__ attribute");
            return d;
        });
    }

    /// <summary>The live namespace of the running code's module (globals()).</summary>
    static unsafe Value CurrentModuleDict() => ModuleObject.Of(Value.Obj(ThreadState.Current->Globals)).NamespaceDict;

    /// <summary>vars() with no argument: the module's namespace at module level.</summary>
    static unsafe Value CurrentLocalsDict()
    {
        var f = ThreadState.Current;
        if (f->Locals != 0 || (f->Code.Code.Flags & Lbbv.Bytecode.CodeFlags.Module) == 0)
            throw Errors.New(Types.NotImplementedError, "vars() without an argument is supported at module level only");
        return CurrentModuleDict();
    }

    /// <summary>print(..., file=obj) for a Python-level file: one obj.write call per piece, as CPython.</summary>
    static void PrintToObject(in Args a, Value file, string sep, string end, bool flush)
    {
        var write = Attributes.Get(file, "write");
        using var root = TempRoots.Push(write);
        for (int i = 0; i < a.Count; i++)
        {
            if (i > 0) Calls.Call(write, Strs.New(sep));
            Calls.Call(write, Strs.New(Repr.Str(a[i])));
        }
        Calls.Call(write, Strs.New(end));
        if (flush) Calls.Call(Attributes.Get(file, "flush"));
    }

    static Value Print(in Args a)
    {
        string sep = " ", end = "\n";
        Value file = Value.Empty;
        bool flush = false;
        for (int i = 0; i < a.KwValues.Length; i++)
        {
            string n = a.KwName(i);
            var v = a.KwValues[i];
            switch (n)
            {
                case "sep":
                    if (!v.IsNone && !v.Is(ObjectKind.Str)) throw Errors.Type($"sep must be None or a string, not {Types.NameOf(v)}");
                    if (!v.IsNone) sep = Strs.Get(v);
                    break;
                case "end":
                    if (!v.IsNone && !v.Is(ObjectKind.Str)) throw Errors.Type($"end must be None or a string, not {Types.NameOf(v)}");
                    if (!v.IsNone) end = Strs.Get(v);
                    break;
                case "file": file = v; break;
                case "flush": flush = Protocols.IsTrue(v); break;
                default: throw Errors.Type($"'{n}' is an invalid keyword argument for print()");
            }
        }
        if (!file.IsEmpty && !file.IsNone && !(file.Is(ObjectKind.Other) && Obj.Companion(file) is StreamObject))
        {
            PrintToObject(a, file, sep, end, flush);
            return Value.None;
        }
        var sb = new StringBuilder();
        for (int i = 0; i < a.Count; i++)
        {
            if (i > 0) sb.Append(sep);
            sb.Append(Repr.Str(a[i]));
        }
        sb.Append(end);
        var writer = file.IsEmpty || file.IsNone ? Builtins.Out : Obj.Get<StreamObject>(file).Writer;
        if (writer == Builtins.Err) Builtins.Out.Flush();
        writer.Write(sb.ToString());
        if (flush) writer.Flush();
        return Value.None;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsInstance(Value obj, Value spec)
    {
        if (spec.Is(ObjectKind.Tuple))
        {
            foreach (var s in Tuples.Span(spec)) if (IsInstance(obj, s)) return true;
            return false;
        }
        if (!spec.Is(ObjectKind.Class))
        {
            var hook = Arith.IsUser(spec) ? Types.Of(spec).Lookup("__instancecheck__") : Value.Empty;
            if (!hook.IsEmpty) return Protocols.IsTrue(Calls.CallMethod(hook, spec, obj));
            throw Errors.Type("isinstance() arg 2 must be a type, a tuple of types, or a union");
        }
        var type = Types.Of(obj);
        var cls = ClassObject.Of(spec);
        if (type == cls) return true;
        var check = Metaclasses.Method(cls, "__instancecheck__");
        if (!check.IsEmpty) return Protocols.IsTrue(Calls.CallMethod(check, spec, obj));
        return type.IsSubclassOf(cls);
    }

    static bool IsSubclass(ClassObject c, Value spec, string fname)
    {
        if (spec.Is(ObjectKind.Tuple))
        {
            foreach (var s in Tuples.Span(spec)) if (IsSubclass(c, s, fname)) return true;
            return false;
        }
        if (!spec.Is(ObjectKind.Class))
        {
            var hook = Arith.IsUser(spec) ? Types.Of(spec).Lookup("__subclasscheck__") : Value.Empty;
            if (!hook.IsEmpty) return Protocols.IsTrue(Calls.CallMethod(hook, spec, c.Self));
            throw Errors.Type("issubclass() arg 2 must be a class, a tuple of classes, or a union");
        }
        var check = Metaclasses.Method(ClassObject.Of(spec), "__subclasscheck__");
        if (!check.IsEmpty) return Protocols.IsTrue(Calls.CallMethod(check, spec, c.Self));
        return c.IsSubclassOf(ClassObject.Of(spec));
    }

    public static bool IsCallable(Value v)
    {
        if (!v.IsObject) return false;
        switch (v.Kind)
        {
            case ObjectKind.Function:
            case ObjectKind.BuiltinFunction:
            case ObjectKind.BoundMethod:
            case ObjectKind.Class:
                return true;
            case ObjectKind.Instance:
            case ObjectKind.Exception:
                return !Types.Of(v).Lookup("__call__").IsEmpty;
        }
        return false;
    }
}
