// Calling any callable: Python functions (argument binding into a new native frame), bound
// methods, builtins, classes, and objects with __call__.
using System.Runtime.CompilerServices;
using Lbbv.Bytecode;

namespace Lbbv.Runtime;

public static unsafe class Calls
{
    /// <summary>Python function calls (JIT-to-JIT calls count in the same cell).</summary>
    public static long CallCount { get => VmState.P->Calls; set => VmState.P->Calls = value; }

    /// <summary>Calls `callable`; the last len(kwnames) args are keyword values. Returns Empty when a
    /// Python frame raised (ThreadState.Pending holds the exception); .NET errors throw PyException.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Value InvokeRaw(Value callable, ReadOnlySpan<Value> args, Value kwnames)
    {
        if (callable.IsObject)
        {
            switch (callable.Kind)
            {
                case ObjectKind.Function:
                    return CallFunction(callable, args, kwnames, 0);
                case ObjectKind.BuiltinFunction:
                    {
                        var b = Obj.Get<BuiltinFunctionObject>(callable);
                        if (b.Self.IsEmpty) return CallBuiltin(b, args, kwnames);
                        return CallWithSelf(callable, b.Self, args, kwnames);
                    }
                case ObjectKind.BoundMethod:
                    {
                        var bm = Obj.Get<BoundMethodObject>(callable);
                        return CallWithSelf(bm.Func, bm.Self, args, kwnames);
                    }
                case ObjectKind.Class:
                    return CallClass(ClassObject.Of(callable), args, kwnames);
                case ObjectKind.Instance:
                case ObjectKind.Exception:
                    {
                        var m = Types.Of(callable).Lookup("__call__");
                        if (!m.IsEmpty) return CallBound(m, callable, args, kwnames);
                        break;
                    }
                case ObjectKind.StaticMethod:
                    return InvokeRaw(Obj.Get<StaticMethodObject>(callable).Func, args, kwnames);
            }
        }
        throw Errors.Type($"'{Types.NameOf(callable)}' object is not callable");
    }

    static Value CallBuiltin(BuiltinFunctionObject b, ReadOnlySpan<Value> args, Value kwnames)
    {
        int nkw = kwnames.IsEmpty ? 0 : (int)Tuples.Count(kwnames);
        var a = nkw == 0 ? new Args(args) : new Args(args[..^nkw], args[^nkw..], kwnames);
        return b.Fn(in a);
    }

    /// <summary>Calls func(self, *args) where func is a plain function or builtin taking self.</summary>
    static Value CallWithSelf(Value func, Value self, ReadOnlySpan<Value> args, Value kwnames)
    {
        int n = args.Length + 1;
        Span<Value> buf = n <= 16 ? stackalloc Value[16] : new Value[n];
        buf[0] = self;
        args.CopyTo(buf[1..]);
        if (func.Is(ObjectKind.BuiltinFunction))
        {
            var b = Obj.Get<BuiltinFunctionObject>(func);
            return CallBuiltin(b, buf[..n], kwnames);
        }
        return InvokeRaw(func, buf[..n], kwnames);
    }

    /// <summary>Calls a class attribute `m` found for `self` (function, builtin, staticmethod, classmethod).</summary>
    public static Value CallBound(Value m, Value self, ReadOnlySpan<Value> args, Value kwnames)
    {
        if (m.IsObject)
        {
            switch (m.Kind)
            {
                case ObjectKind.Function:
                case ObjectKind.BuiltinFunction:
                    return CallWithSelf(m, self, args, kwnames);
                case ObjectKind.StaticMethod:
                    return InvokeRaw(Obj.Get<StaticMethodObject>(m).Func, args, kwnames);
                case ObjectKind.ClassMethod:
                    return CallWithSelf(Obj.Get<ClassMethodObject>(m).Func, self.Is(ObjectKind.Class) ? self : Types.Of(self).Self, args, kwnames);
            }
        }
        return InvokeRaw(m, args, kwnames);
    }

    // ---------------------------------------------------------------- throwing wrappers for .NET callers

    public static Value Call(Value callable, ReadOnlySpan<Value> args, Value kwnames = default)
    {
        var r = InvokeRaw(callable, args, kwnames);
        if (r.IsEmpty) throw ThreadState.TakePending();
        return r;
    }

    public static Value Call(Value callable) => Call(callable, ReadOnlySpan<Value>.Empty);
    public static Value Call(Value callable, Value a)
    {
        Span<Value> s = [a];
        return Call(callable, s);
    }
    public static Value Call(Value callable, Value a, Value b)
    {
        Span<Value> s = [a, b];
        return Call(callable, s);
    }

    public static Value CallMethod(Value m, Value self)
    {
        var r = CallBound(m, self, ReadOnlySpan<Value>.Empty, default);
        if (r.IsEmpty) throw ThreadState.TakePending();
        return r;
    }

    public static Value CallMethod(Value m, Value self, Value a)
    {
        Span<Value> s = [a];
        var r = CallBound(m, self, s, default);
        if (r.IsEmpty) throw ThreadState.TakePending();
        return r;
    }

    public static Value CallMethod(Value m, Value self, Value a, Value b)
    {
        Span<Value> s = [a, b];
        var r = CallBound(m, self, s, default);
        if (r.IsEmpty) throw ThreadState.TakePending();
        return r;
    }

    // ---------------------------------------------------------------- Python functions

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Value CallFunction(Value func, ReadOnlySpan<Value> args, Value kwnames, nint locals)
    {
        var fd = Functions.Data(func);
        var code = fd.Code;
        Frame* f = FrameStack.Push(code);
        Frame.Init(f, code, func.Ptr, fd.Globals.Ptr);
        f->Locals = locals;
        Value* lp = f->LocalsPlus;
        if (kwnames.IsEmpty && args.Length == code.ArgCount && code.SimpleArgs)
        {
            for (int i = 0; i < args.Length; i++) lp[i] = args[i];
        }
        else
        {
            try { Bind(lp, fd, args, kwnames); }
            catch { FrameStack.Pop(f); throw; }
        }
        if (!fd.Closure.IsEmpty)
        {
            var cells = Tuples.Span(fd.Closure);
            int free0 = code.SlotCount - cells.Length;
            for (int i = 0; i < cells.Length; i++) lp[free0 + i] = cells[i];
        }
        if (code.IsGenerator)
        {
            var g = Generators.Create(f, code);
            FrameStack.Pop(f);
            return g;
        }
        CallCount++;
        Value r = Interpreter.Execute(f);
        FrameStack.Pop(f);
        return r;
    }

    /// <summary>Full CPython argument binding with its error messages.</summary>
    static void Bind(Value* lp, FunctionData fd, ReadOnlySpan<Value> args, Value kwnames)
    {
        var code = fd.Code;
        var co = code.Code;
        int argc = code.ArgCount, kwonly = code.KwOnlyArgCount;
        bool hasVarArgs = (co.Flags & CodeFlags.VarArgs) != 0;
        bool hasVarKw = (co.Flags & CodeFlags.VarKeywords) != 0;
        int nkw = kwnames.IsEmpty ? 0 : (int)Tuples.Count(kwnames);
        int npos = args.Length - nkw;
        string fname = fd.QualName;
        int take = Math.Min(npos, argc);
        for (int i = 0; i < take; i++) lp[i] = args[i];
        int slot = argc + kwonly;
        if (hasVarArgs)
        {
            lp[slot] = npos > argc ? Tuples.FromSpan(args[argc..npos]) : Tuples.New(0);
            slot++;
        }
        DictObject? kwdict = null;
        if (hasVarKw) { var d = Dicts.New(); kwdict = Dicts.Get(d); lp[slot] = d; }
        // keywords
        for (int k = 0; k < nkw; k++)
        {
            var nameV = Tuples.Items(kwnames)[k];
            string name = Strs.Get(nameV);
            int idx = -1;
            for (int i = co.PosOnlyArgCount; i < argc + kwonly; i++) if (co.VarNames[i] == name) { idx = i; break; }
            if (idx < 0)
            {
                if (kwdict != null) { kwdict.Set(nameV, args[npos + k]); continue; }
                if (PositionalOnlyAsKeywords(co, kwnames) is { } names)
                    throw Errors.Type($"{fname}() got some positional-only arguments passed as keyword arguments: "
                        + $"'{names}'");
                throw Errors.Type($"{fname}() got an unexpected keyword argument '{name}'");
            }
            if (!lp[idx].IsEmpty) throw Errors.Type($"{fname}() got multiple values for argument '{name}'");
            lp[idx] = args[npos + k];
        }
        if (npos > argc && !hasVarArgs)
        {
            int ndef = fd.Defaults.IsEmpty ? 0 : (int)Tuples.Count(fd.Defaults);
            int kwGiven = 0;
            for (int i = argc; i < argc + kwonly; i++) if (!lp[i].IsEmpty) kwGiven++;
            string takes = ndef > 0 ? $"from {argc - ndef} to {argc}" : argc.ToString();
            string plural = (ndef > 0 || argc != 1) ? "s" : "";
            string given = kwGiven > 0
                ? $"{npos} positional argument{(npos == 1 ? "" : "s")} (and {kwGiven} keyword-only argument{(kwGiven == 1 ? "" : "s")}) were given"
                : $"{npos} {(npos == 1 ? "was" : "were")} given";
            throw Errors.Type($"{fname}() takes {takes} positional argument{plural} but {given}");
        }
        // defaults for positional parameters
        if (npos < argc)
        {
            int ndef = fd.Defaults.IsEmpty ? 0 : (int)Tuples.Count(fd.Defaults);
            var missing = new List<string>();
            for (int i = npos; i < argc; i++)
            {
                if (!lp[i].IsEmpty) continue;
                int di = i - (argc - ndef);
                if (di >= 0) lp[i] = Tuples.Items(fd.Defaults)[di];
                else missing.Add(co.VarNames[i]);
            }
            if (missing.Count > 0) throw Missing(fname, missing, "positional");
        }
        if (kwonly > 0)
        {
            var missing = new List<string>();
            for (int i = argc; i < argc + kwonly; i++)
            {
                if (!lp[i].IsEmpty) continue;
                Value dv = Value.Empty;
                if (!fd.KwDefaults.IsEmpty) dv = Dicts.Get(fd.KwDefaults).GetOrEmpty(Strs.New(co.VarNames[i]));
                if (!dv.IsEmpty) lp[i] = dv;
                else missing.Add(co.VarNames[i]);
            }
            if (missing.Count > 0) throw Missing(fname, missing, "keyword-only");
        }
    }

    /// <summary>The keyword names that name positional-only parameters, comma-separated, or null.</summary>
    static string? PositionalOnlyAsKeywords(CodeObject co, Value kwnames)
    {
        var names = new List<string>();
        foreach (var k in Tuples.Span(kwnames))
        {
            string name = Strs.Get(k);
            for (int i = 0; i < co.PosOnlyArgCount; i++) if (co.VarNames[i] == name) { names.Add(name); break; }
        }
        return names.Count == 0 ? null : string.Join(", ", names);
    }

    static PyException Missing(string fname, List<string> names, string kind)
    {
        var q = names.Select(n => $"'{n}'").ToList();
        string list = q.Count switch
        {
            1 => q[0],
            2 => $"{q[0]} and {q[1]}",
            _ => string.Join(", ", q.Take(q.Count - 1)) + ", and " + q[^1],
        };
        return Errors.Type($"{fname}() missing {q.Count} required {kind} argument{(q.Count == 1 ? "" : "s")}: {list}");
    }

    // ---------------------------------------------------------------- classes

    public static Value CallClass(ClassObject cls, ReadOnlySpan<Value> args, Value kwnames)
    {
        var metaCall = Metaclasses.Method(cls, "__call__");
        if (!metaCall.IsEmpty) return CallBound(metaCall, cls.Self, args, kwnames);
        return CallClassIgnoringMetaclass(cls, args, kwnames);
    }

    /// <summary>type.__call__(cls, *args): a new instance initialized by __init__ (or, for a
    /// metaclass, a new class).</summary>
    public static Value CallClassIgnoringMetaclass(ClassObject cls, ReadOnlySpan<Value> args, Value kwnames)
    {
        if (cls.IsBuiltin)
        {
            if (cls.Ctor == null) throw Errors.Type($"cannot create '{cls.Name}' instances");
            int nkw = kwnames.IsEmpty ? 0 : (int)Tuples.Count(kwnames);
            var a = nkw == 0 ? new Args(args) : new Args(args[..^nkw], args[^nkw..], kwnames);
            return cls.Ctor(in a);
        }
        Value self;
        if (cls.IsException)
        {
            int nkw = kwnames.IsEmpty ? 0 : (int)Tuples.Count(kwnames);
            self = Exceptions.CreateWithArgs(cls, Tuples.FromSpan(args[..(args.Length - nkw)]));
        }
        else if (cls.BuiltinBase == Types.Type) return Metaclasses.Instantiate(cls, args, kwnames);
        else if (cls.BuiltinBase != null && cls.BuiltinBase != Types.Object)
            throw Errors.Type($"subclassing the builtin type '{cls.BuiltinBase.Name}' is not supported by Lbbv");
        else self = Instances.New(cls);
        var init = cls.Lookup("__init__");
        if (init.Is(ObjectKind.Function))
        {
            using var _ = TempRoots.Push(self);
            var r = CallWithSelf(init, self, args, kwnames);
            if (r.IsEmpty) return r;
            if (!r.IsNone) throw Errors.Type($"__init__() should return None, not '{Types.NameOf(r)}'");
        }
        else if (init.IsEmpty || !cls.IsException)
        {
            if (args.Length > 0 && cls.Lookup("__new__").IsEmpty)
                throw Errors.Type($"{cls.Name}() takes no arguments");
        }
        return self;
    }
}
