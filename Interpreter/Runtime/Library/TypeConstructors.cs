// Constructors of the builtin classes: int(), str(), list(), dict(), range(), property(), ...
using System.Runtime.CompilerServices;
using System.Numerics;
using Lbbv.Support;

namespace Lbbv.Runtime;

public static class TypeConstructors
{
    public static void Register()
    {
        Types.Int.Ctor = IntCtor;
        Types.Float.Ctor = FloatCtor;
        Types.Bool.Ctor = [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => { a.Range(0, 1, "bool"); return Value.Bool(a.Count == 1 && Protocols.IsTrue(a[0])); };
        Types.Str.Ctor = [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            a.AllowKw("str", "object");
            if (a.Count == 0) { var o = a.Kw("object"); return o.IsEmpty ? Strs.New("") : Strs.New(Repr.Str(o)); }
            if (a.Count > 1) throw Errors.Type("decoding str is not supported");
            return a[0].Is(ObjectKind.Str) ? a[0] : Strs.New(Repr.Str(a[0]));
        };
        Types.List.Ctor = [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => { a.Range(0, 1, "list"); return a.Count == 0 ? Lists.New() : Protocols.ToListObject(a[0]); };
        Types.Tuple.Ctor = [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            a.Range(0, 1, "tuple");
            if (a.Count == 0) return Tuples.New(0);
            if (a[0].Is(ObjectKind.Tuple)) return a[0];
            return Tuples.FromSpan(Protocols.ToList(a[0]).ToArray());
        };
        Types.Dict.Ctor = [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            if (a.Count > 1) throw Errors.Type($"dict expected at most 1 argument, got {a.Count}");
            var d = Dicts.New();
            using var rooted = TempRoots.Push(d); // the argument's iteration runs Python code
            if (a.Count == 1) DictOps.Update(d, a[0]);
            for (int i = 0; i < a.KwValues.Length; i++) Dicts.Get(d).Set(Tuples.Span(a.KwNames)[i], a.KwValues[i]);
            return d;
        };
        Types.Set.Ctor = [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => { a.Range(0, 1, "set"); return Sets.New(a.Count == 0 ? new SetObject() : Sets.FromIterable(a[0])); };
        Types.FrozenSet.Ctor = [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            a.Range(0, 1, "frozenset");
            if (a.Count == 1 && a[0].Is(ObjectKind.FrozenSet)) return a[0];
            return Sets.New(a.Count == 0 ? new SetObject() : Sets.FromIterable(a[0]), true);
        };
        Types.Range.Ctor = [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            a.NoKw("range");
            if (a.Count == 0) throw Errors.Type("range expected at least 1 argument, got 0");
            if (a.Count > 3) throw Errors.Type($"range expected at most 3 arguments, got {a.Count}");
            for (int i = 0; i < a.Count; i++)
                if (Ints.IsBig(a[i]))
                {
                    BigInteger bs = 0, be, bst = 1;
                    if (a.Count == 1) be = BigArg(a[0]);
                    else { bs = BigArg(a[0]); be = BigArg(a[1]); if (a.Count == 3) bst = BigArg(a[2]); }
                    if (bst.IsZero) throw Errors.ValueErr("range() arg 3 must not be zero");
                    return Obj.New(ObjectKind.Other, new BigRangeObject(bs, be, bst));
                }
            long start = 0, stop, step = 1;
            if (a.Count == 1) stop = RangeArg(a[0]);
            else { start = RangeArg(a[0]); stop = RangeArg(a[1]); if (a.Count == 3) step = RangeArg(a[2]); }
            if (step == 0) throw Errors.ValueErr("range() arg 3 must not be zero");
            return Ranges.New(start, stop, step);
        };
        Types.Slice.Ctor = [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            a.Range(1, 3, "slice");
            if (a.Count == 1) return Slices.New(Value.None, a[0], Value.None);
            return Slices.New(a[0], a[1], a.Count == 3 ? a[2] : Value.None);
        };
        Types.Object.Ctor = [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            if (a.Count > 0 || a.HasKw) throw Errors.Type("object() takes no arguments");
            return Instances.New(Types.Object);
        };
        Types.Type.Ctor = [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            if (a.Count != 1) throw Errors.Type("type() with 3 arguments is not supported by Lbbv");
            return Types.Of(a[0]).Self;
        };
        Types.Property.Ctor = [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            var p = new PropertyObject
            {
                Get = a.Count > 0 ? a[0] : a.Kw("fget"),
                Set = a.Count > 1 ? a[1] : a.Kw("fset"),
                Del = a.Count > 2 ? a[2] : a.Kw("fdel"),
            };
            return Obj.New(ObjectKind.Property, p);
        };
        new TypeBuilder(Types.Property).Method("setter", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            var old = Obj.Get<PropertyObject>(a[0]);
            return Obj.New(ObjectKind.Property, new PropertyObject { Get = old.Get, Set = a[1], Del = old.Del });
        });
        new TypeBuilder(Types.Property).Method("getter", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            var old = Obj.Get<PropertyObject>(a[0]);
            return Obj.New(ObjectKind.Property, new PropertyObject { Get = a[1], Set = old.Set, Del = old.Del });
        });
        Types.StaticMethod.Ctor = [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => { a.Exactly(1, "staticmethod"); return Obj.New(ObjectKind.StaticMethod, new StaticMethodObject(a[0])); };
        Types.ClassMethod.Ctor = [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => { a.Exactly(1, "classmethod"); return Obj.New(ObjectKind.ClassMethod, new ClassMethodObject(a[0])); };
        var super = Types.Make("super", Types.Object);
        Builtins.Module.Set("super", super.Self);
        super.Ctor = [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            if (a.Count != 2) throw Errors.New(Types.RuntimeError, "super(): no arguments");
            if (!a[0].Is(ObjectKind.Class)) throw Errors.Type("super() argument 1 must be a type, not " + Types.NameOf(a[0]));
            var type = ClassObject.Of(a[0]);
            // CPython's supercheck: an instance of the type, or a subclass of it.
            bool subtype = a[1].Is(ObjectKind.Class) && ClassObject.Of(a[1]).IsSubclassOf(type);
            if (!Types.Of(a[1]).IsSubclassOf(type) && !subtype)
                throw Errors.Type("super(type, obj): obj must be an instance or subtype of type");
            return Obj.New(ObjectKind.Other, new SuperObject(type, a[1]));
        };
        foreach (var cls in Types.ByName.Values)
            if (cls.IsSubclassOf(Types.BaseException)) cls.Ctor = ExceptionCtor(cls);
    }

    static NativeFn ExceptionCtor(ClassObject cls) => (in Args a) =>
    {
        if (a.HasKw) throw Errors.Type($"{cls.Name}() takes no keyword arguments");
        return Exceptions.CreateWithArgs(cls, Tuples.FromSpan(a.Pos));
    };

    static BigInteger BigArg(Value v)
    {
        v = Ints.Index(v);
        if (Ints.IsIntLike(v)) return Ints.ToBig(v);
        throw Errors.Type($"'{Types.NameOf(v)}' object cannot be interpreted as an integer");
    }

    static long RangeArg(Value v)
    {
        v = Ints.Index(v);
        if (v.IsInt || v.IsBool) return v.Payload;
        if (Ints.IsBig(v)) throw Errors.Overflow("Python int too large to convert to C ssize_t");
        throw Errors.Type($"'{Types.NameOf(v)}' object cannot be interpreted as an integer");
    }

    static Value IntCtor(in Args a)
    {
        a.AllowKw("int", "base");
        var baseV = a.Count > 1 ? a[1] : a.Kw("base");
        if (a.Count == 0) return Value.Int(0);
        var x = a[0];
        if (!baseV.IsEmpty)
        {
            if (!x.Is(ObjectKind.Str)) throw Errors.Type("int() can't convert non-string with explicit base");
            long b = Ints.ToLong(baseV);
            return Ints.FromBig(Parse(Strs.Get(x), (int)b));
        }
        if (x.IsInt) return x;
        if (x.IsBool) return Value.Int(x.Payload);
        if (Ints.IsBig(x)) return x;
        if (x.IsFloat)
        {
            double d = x.AsFloat;
            if (double.IsNaN(d)) throw Errors.ValueErr("cannot convert float NaN to integer");
            if (double.IsInfinity(d)) throw Errors.Overflow("cannot convert float infinity to integer");
            if (PyInt.TryFromDouble(d, out long l)) return Value.Int(l);
            return Ints.FromBig(PyInt.FromDouble(d));
        }
        if (x.Is(ObjectKind.Str)) return Ints.FromBig(Parse(Strs.Get(x), 10));
        if (Arith.IsUser(x))
        {
            foreach (var name in new[] { "__int__", "__index__" })
            {
                var m = Types.Of(x).Lookup(name);
                if (!m.IsEmpty) return Calls.CallMethod(m, x);
            }
        }
        throw Errors.Type($"int() argument must be a string, a bytes-like object or a real number, not '{Types.NameOf(x)}'");
    }

    static BigInteger Parse(string s, int b)
    {
        try { return PyInt.ParseInt(s, b); }
        catch (PyError e) { throw Errors.From(e); }
    }

    static Value FloatCtor(in Args a)
    {
        a.Range(0, 1, "float");
        if (a.Count == 0) return Value.Float(0);
        var x = a[0];
        if (x.IsFloat) return x;
        if (x.IsInt || x.IsBool) return Value.Float(x.Payload);
        if (Ints.IsBig(x))
        {
            try { return Value.Float(PyInt.ToDouble(Ints.ToBig(x))); }
            catch (PyError e) { throw Errors.From(e); }
        }
        if (x.Is(ObjectKind.Str))
        {
            try { return Value.Float(PyFloat.Parse(Strs.Get(x))); }
            catch (PyError e) { throw Errors.From(e); }
        }
        if (Arith.IsUser(x))
        {
            var m = Types.Of(x).Lookup("__float__");
            if (!m.IsEmpty) return Calls.CallMethod(m, x);
        }
        throw Errors.Type($"float() argument must be a string or a real number, not '{Types.NameOf(x)}'");
    }
}
