// The dunders of the builtin data types (list.__len__, int.__add__, str.__hash__, ... CPython's
// slot wrappers) as entries of their class dicts. The runtime's own operations on plain values never
// look them up (they test the object kind first); they serve instances of user subclasses, whose
// classes find them along the MRO wherever the runtime honours a user dunder, and explicit calls
// (`super().__getitem__(i)`, `int.__add__(x, 1)`). Calls.CallBuiltin hands them the builtin value an
// instance extends, so each wrapper runs the builtin operation on a plain value.
using Lbbv.Support;

namespace Lbbv.Runtime;

public static class BuiltinSlotWrappers
{
    static readonly string[] Orders = ["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"];
    static readonly string[] BinaryNames =
        ["add", "sub", "mul", "matmul", "truediv", "mod", "pow", "lshift", "rshift", "or", "xor", "and", "floordiv"];

    public static void Register()
    {
        ClassObject[] all = [Types.List, Types.Dict, Types.Tuple, Types.Str, Types.Int, Types.Float, Types.Set,
            Types.FrozenSet];
        foreach (var c in all)
        {
            c.HoldsValue = true;
            var t = new TypeBuilder(c);
            Common(t);
            c.Dict["__new__"] = Obj.New(ObjectKind.StaticMethod, new StaticMethodObject(
                Obj.New(ObjectKind.BuiltinFunction, new BuiltinFunctionObject("__new__", New(c), c))));
            if (BuiltinSubclasses.IsMutable(c))
            {
                c.Dict["__hash__"] = Value.None;
                Method(t, "__init__", (self, a) => { Init(self, a); return Value.None; }, 0, 1, kw: c == Types.Dict);
            }
            else Method(t, "__hash__", (self, _) => Value.Int(Protocols.Hash(self)), 0, 0);
        }
        foreach (var c in (ClassObject[])[Types.List, Types.Dict, Types.Tuple, Types.Str, Types.Set, Types.FrozenSet])
            Container(new TypeBuilder(c));
        foreach (var c in (ClassObject[])[Types.List, Types.Dict])
        {
            var t = new TypeBuilder(c);
            Method(t, "__setitem__", (self, a) => { Items.Set(self, a[1], a[2]); return Value.None; }, 2, 2);
            Method(t, "__delitem__", (self, a) => { Items.Delete(self, a[1]); return Value.None; }, 1, 1);
            Method(t, "__reversed__", (self, _) => Builtin("reversed", self), 0, 0);
        }
        Sequence(new TypeBuilder(Types.List), [Arith.Add, Arith.Mult], reflected: [Arith.Mult]);
        Sequence(new TypeBuilder(Types.Tuple), [Arith.Add, Arith.Mult], reflected: [Arith.Mult]);
        Sequence(new TypeBuilder(Types.Str), [Arith.Add, Arith.Mult, Arith.Mod], reflected: [Arith.Mult]);
        int[] setOps = [Arith.BitOr, Arith.BitAnd, Arith.Sub, Arith.BitXor];
        Sequence(new TypeBuilder(Types.Set), setOps, setOps);
        Sequence(new TypeBuilder(Types.FrozenSet), setOps, setOps);
        Sequence(new TypeBuilder(Types.Dict), [Arith.BitOr], [Arith.BitOr]);
        InPlace(new TypeBuilder(Types.List), [Arith.Add, Arith.Mult]);
        InPlace(new TypeBuilder(Types.Set), setOps);
        InPlace(new TypeBuilder(Types.Dict), [Arith.BitOr]);
        var ints = new TypeBuilder(Types.Int);
        Sequence(ints, IntOps, IntOps);
        Number(ints);
        Method(ints, "__invert__", (self, _) => Arith.Invert(self), 0, 0);
        Method(ints, "__index__", (self, _) => self, 0, 0);
        var floats = new TypeBuilder(Types.Float);
        int[] floatOps = [Arith.Add, Arith.Sub, Arith.Mult, Arith.Div, Arith.Mod, Arith.Pow, Arith.FloorDiv];
        Sequence(floats, floatOps, floatOps);
        Number(floats);
        var strs = new TypeBuilder(Types.Str);
        Method(strs, "__str__", (self, _) => self, 0, 0);
        Method(strs, "__format__", (self, a) => Strs.New(Formatting.Format(self, SpecOf(a))), 1, 1);
        Types.Dict.Dict["__getitem__"] = DictGetItem();
    }

    static readonly int[] IntOps = [Arith.Add, Arith.Sub, Arith.Mult, Arith.Div, Arith.Mod, Arith.Pow, Arith.LShift,
        Arith.RShift, Arith.BitOr, Arith.BitXor, Arith.BitAnd, Arith.FloorDiv];

    static void Common(TypeBuilder t)
    {
        Method(t, "__repr__", (self, _) => Strs.New(Repr.Of(self)), 0, 0);
        for (int op = 0; op < Orders.Length; op++)
        {
            int k = op;
            Method(t, Orders[k], (self, a) => Compare.Native(k, self, BuiltinSubclasses.Unwrap(a[1])), 1, 1);
        }
    }

    static void Container(TypeBuilder t)
    {
        Method(t, "__len__", (self, _) => Value.Int(Protocols.Len(self)), 0, 0);
        Method(t, "__iter__", (self, _) => Protocols.Iter(self), 0, 0);
        Method(t, "__contains__", (self, a) => Value.Bool(Protocols.Contains(self, a[1])), 1, 1);
        if (t.Class != Types.Set && t.Class != Types.FrozenSet)
            Method(t, "__getitem__", (self, a) => Items.Get(self, a[1]), 1, 1);
    }

    /// <summary>Binary operators (and the reflected ones in `reflected`): the builtin operation on the
    /// plain values, NotImplemented when it does not apply, as CPython's slots.</summary>
    static void Sequence(TypeBuilder t, int[] kinds, int[] reflected)
    {
        foreach (int kind in kinds)
        {
            int k = kind;
            Method(t, $"__{BinaryNames[k]}__",
                (self, a) => Arith.Native(k, self, BuiltinSubclasses.Unwrap(a[1])), 1, 1);
        }
        foreach (int kind in reflected)
        {
            int k = kind;
            Method(t, $"__r{BinaryNames[k]}__",
                (self, a) => Arith.Native(k, BuiltinSubclasses.Unwrap(a[1]), self), 1, 1);
        }
    }

    static void InPlace(TypeBuilder t, int[] kinds)
    {
        foreach (int kind in kinds)
        {
            int k = kind;
            Method(t, $"__i{BinaryNames[k]}__", (self, a) => Arith.Binary(k | Arith.Inplace, self, a[1]), 1, 1);
        }
    }

    static void Number(TypeBuilder t)
    {
        Method(t, "__neg__", (self, _) => Arith.Negative(self), 0, 0);
        Method(t, "__pos__", (self, _) => Arith.Positive(self), 0, 0);
        Method(t, "__abs__", (self, _) => Builtin("abs", self), 0, 0);
        Method(t, "__round__", (self, a) => a.Count > 1 ? Builtin("round", self, a[1]) : Builtin("round", self), 0, 1);
        Method(t, "__divmod__", (self, a) => Builtin("divmod", self, BuiltinSubclasses.Unwrap(a[1])), 1, 1);
        Method(t, "__rdivmod__", (self, a) => Builtin("divmod", BuiltinSubclasses.Unwrap(a[1]), self), 1, 1);
        Method(t, "__bool__", (self, _) => Value.Bool(Protocols.IsTrue(self)), 0, 0);
        Method(t, "__int__", (self, _) => Types.Int.Ctor!(new Args([self])), 0, 0);
        Method(t, "__float__", (self, _) => Types.Float.Ctor!(new Args([self])), 0, 0);
        Method(t, "__format__", (self, a) => Strs.New(Formatting.Format(self, SpecOf(a))), 1, 1);
    }

    static Value Builtin(string name, Value x) => Calls.Call(Builtins.Module.Get(name), x);
    static Value Builtin(string name, Value x, Value y) => Calls.Call(Builtins.Module.Get(name), x, y);

    static string SpecOf(Args a) => a[1].Is(ObjectKind.Str) ? Strs.Get(a[1])
        : throw Errors.Type($"__format__() argument must be str, not {Types.NameOf(a[1])}");

    delegate Value SelfFn(Value self, Args a);

    /// <summary>A method of builtin type t.Class taking `min..max` arguments after self, which must be a
    /// plain value of that type (Calls.CallBuiltin has unwrapped an instance of a subclass).</summary>
    static void Method(TypeBuilder t, string name, SelfFn body, int min, int max, bool kw = false)
    {
        var owner = t.Class;
        t.Method(name, (in Args a) =>
        {
            if (a.Count == 0) throw Errors.Type($"descriptor '{name}' of '{owner.Name}' object needs an argument");
            var self = a[0];
            var type = Types.Of(self);
            if (type != owner && !(owner == Types.Int && type == Types.Bool))
                throw Errors.Type($"descriptor '{name}' requires a '{owner.Name}' object but received a "
                    + $"'{type.Name}'");
            if (!kw) a.NoKw(name);
            int n = a.Count - 1;
            if (n < min || n > max)
                throw Errors.Type(min == max
                    ? $"expected {min} argument{(min == 1 ? "" : "s")}, got {n}"
                    : $"expected at most {max} argument{(max == 1 ? "" : "s")}, got {n}");
            return body(self, a);
        });
    }

    /// <summary>B.__new__(cls, *args): for B itself what B(*args) gives (empty for a mutable type, whose
    /// __init__ fills it); for a subclass, an instance extending such a value.</summary>
    static NativeFn New(ClassObject b) => (in Args a) =>
    {
        if (a.Count == 0) throw Errors.Type($"{b.Name}.__new__(): not enough arguments");
        if (!a[0].Is(ObjectKind.Class))
            throw Errors.Type($"{b.Name}.__new__(X): X is not a type object ({Types.NameOf(a[0])})");
        var cls = ClassObject.Of(a[0]);
        if (!cls.IsSubclassOf(b))
            throw Errors.Type($"{b.Name}.__new__({cls.Name}): {cls.Name} is not a subtype of {b.Name}");
        var rest = new Args(a.Pos[1..], a.KwValues, a.KwNames);
        var inner = BuiltinSubclasses.IsMutable(b) ? b.Ctor!(new Args(ReadOnlySpan<Value>.Empty)) : b.Ctor!(in rest);
        if (cls == b) return inner;
        if (cls.ValueBase != b)
            throw Errors.Type($"{b.Name}.__new__({cls.Name}) is not safe, "
                + $"use {cls.ValueBase?.Name ?? "object"}.__new__()");
        return BuiltinSubclasses.New(cls, inner);
    };

    /// <summary>list/dict/set.__init__(self, iterable=(), **kw): replaces the contents.</summary>
    static void Init(Value self, Args a)
    {
        var b = Types.Of(self);
        if (b == Types.List)
        {
            Lists.Clear(self);
            if (a.Count > 1) ListOps.Extend(self, a[1]);
        }
        else if (b == Types.Set)
        {
            Sets.Get(self).Clear();
            if (a.Count > 1) SetOps.UpdateFrom(Sets.Get(self), a[1]);
        }
        else
        {
            if (a.Count > 1) DictOps.Update(self, a[1]);
            for (int i = 0; i < a.KwValues.Length; i++) Dicts.Get(self).Set(Tuples.Span(a.KwNames)[i], a.KwValues[i]);
        }
    }

    /// <summary>dict.__getitem__: a missing key calls the subclass's __missing__ (defaultdict, Counter).</summary>
    static Value DictGetItem()
    {
        var fn = Obj.New(ObjectKind.BuiltinFunction, new BuiltinFunctionObject("__getitem__", static (in Args a) =>
        {
            if (a.Count != 2) throw Errors.Type($"dict.__getitem__() takes exactly one argument ({a.Count - 1} given)");
            if (!BuiltinSubclasses.TryUnwrap(a[0], out var inner))
            {
                if (!a[0].Is(ObjectKind.Dict))
                    throw Errors.Type($"descriptor '__getitem__' requires a 'dict' object but received a "
                        + $"'{Types.NameOf(a[0])}'");
                return Items.Get(a[0], a[1]);
            }
            var found = Dicts.Get(inner).GetOrEmpty(a[1]);
            if (!found.IsEmpty) return found;
            var missing = Types.Of(a[0]).Lookup("__missing__");
            if (!missing.IsEmpty) return Calls.CallMethod(missing, a[0], a[1]);
            return Items.Get(inner, a[1]);
        }, Types.Dict) { TakesSubclassSelf = true });
        return fn;
    }
}
