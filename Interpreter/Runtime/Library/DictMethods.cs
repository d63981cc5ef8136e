// Methods of dict.
using System.Runtime.CompilerServices;
namespace Lbbv.Runtime;

public static class DictMethods
{
    static DictObject D(in Args a) => Dicts.Get(a[0]);

    public static void Register(TypeBuilder t)
    {
        t.Method("get", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            a.Range(2, 3, "get");
            var v = D(a).GetOrEmpty(a[1]);
            return v.IsEmpty ? (a.Count > 2 ? a[2] : Value.None) : v;
        });
        t.Method("setdefault", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            a.Range(2, 3, "setdefault");
            var d = D(a);
            var v = d.GetOrEmpty(a[1]);
            if (!v.IsEmpty) return v;
            v = a.Count > 2 ? a[2] : Value.None;
            d.Set(a[1], v);
            return v;
        });
        t.Method("keys", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Obj.New(ObjectKind.Other, new DictView(a[0], 0)));
        t.Method("values", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Obj.New(ObjectKind.Other, new DictView(a[0], 1)));
        t.Method("items", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Obj.New(ObjectKind.Other, new DictView(a[0], 2)));
        t.Method("pop", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            a.Range(2, 3, "pop");
            if (D(a).Remove(a[1], out var v)) return v;
            if (a.Count > 2) return a[2];
            throw Errors.Key(a[1]);
        });
        t.Method("popitem", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            a.SelfOnly("dict.popitem");
            if (D(a).PopLast(out var k, out var v)) return Tuples.Of(k, v);
            throw Errors.New(Types.KeyError, "popitem(): dictionary is empty");
        });
        t.Method("update", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            if (a.Count > 2) throw Errors.Type($"update expected at most 1 argument, got {a.Count - 1}");
            if (a.Count == 2) DictOps.Update(a[0], a[1]);
            for (int i = 0; i < a.KwValues.Length; i++) D(a).Set(Tuples.Span(a.KwNames)[i], a.KwValues[i]);
            return Value.None;
        });
        t.Method("copy", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => { a.SelfOnly("dict.copy"); return Dicts.New(D(a).Copy()); });
        t.Method("clear", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => { a.SelfOnly("dict.clear"); D(a).Clear(); return Value.None; });
        t.Method("__len__", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Value.Int(D(a).Count));
        t.Method("__getitem__", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Items.Get(a[0], a[1]));
        t.Method("__contains__", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Value.Bool(D(a).ContainsKey(a[1])));
        foreach (var view in (ClassObject[])[Types.DictKeys, Types.DictItems])
            new TypeBuilder(view).Method("isdisjoint", static (in Args a) =>
            {
                a.Exactly(2, "isdisjoint");
                return Value.Bool(DictViewOps.IsDisjoint(a[0], a[1]));
            });
        new TypeBuilder(Types.Dict).Class.Dict["fromkeys"] = Obj.New(ObjectKind.ClassMethod, new ClassMethodObject(
            Builtins.Fn("fromkeys", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
            {
                var d = Dicts.New();
                using var rooted = TempRoots.Push(d); // iterating the keys runs Python code
                var v = a.Count > 2 ? a[2] : Value.None;
                // Keys of a set or dict keep their stored hashes (CPython calls no __hash__ again).
                if (Sets.IsSet(a[1]))
                    foreach (var (k, h) in Sets.Get(a[1]).Table.Entries()) Dicts.Get(d).SetWithHash(k, h, v);
                else if (a[1].Is(ObjectKind.Dict))
                    foreach (var (k, h, _) in DictOps.Entries(Dicts.Get(a[1]))) Dicts.Get(d).SetWithHash(k, h, v);
                else foreach (var k in Protocols.ToList(a[1])) Dicts.Get(d).Set(k, v);
                return d;
            })));
    }
}

public static class SetMethods
{
    static SetObject S(in Args a) => Sets.Get(a[0]);

    static SetObject Other(Value v) => Sets.IsSet(v) ? Sets.Get(v) : Sets.FromIterable(v);

    public static void Register(TypeBuilder t, bool frozen)
    {
        if (!frozen)
        {
            t.Method("add", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => { a.Exactly(2, "add"); S(a).Add(a[1]); return Value.None; });
            t.Method("discard", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => { a.Exactly(2, "discard"); S(a).Remove(Sets.KeyForLookup(a[1])); return Value.None; });
            t.Method("remove", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
            {
                a.Exactly(2, "remove");
                if (!S(a).Remove(Sets.KeyForLookup(a[1]))) throw Errors.Key(a[1]);
                return Value.None;
            });
            t.Method("pop", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
            {
                a.SelfOnly("set.pop");
                var v = S(a).Pop();
                if (v.IsEmpty) throw Errors.New(Types.KeyError, "pop from an empty set");
                return v;
            });
            t.Method("clear", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => { a.SelfOnly("set.clear"); S(a).Clear(); return Value.None; });
            t.Method("update", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
            {
                for (int i = 1; i < a.Count; i++) SetOps.UpdateFrom(S(a), a[i]);
                return Value.None;
            });
            t.Method("intersection_update", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
            {
                var r = S(a);
                for (int i = 1; i < a.Count; i++) r = SetOps.Intersection(r, a[i]);
                if (!ReferenceEquals(r, S(a))) S(a).Table.TakeBodyOf(r.Table);
                return Value.None;
            });
            t.Method("difference_update", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
            {
                for (int i = 1; i < a.Count; i++) SetOps.DifferenceUpdateFrom(S(a), a[i]);
                return Value.None;
            });
            t.Method("symmetric_difference_update", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
            {
                SetOps.SymmetricDifferenceUpdateFrom(S(a), a[1]);
                return Value.None;
            });
        }
        t.Method("copy", frozen
            ? static (in Args a) => { a.SelfOnly("frozenset.copy"); return a[0]; }
            : static (in Args a) => { a.SelfOnly("set.copy"); return Sets.New(S(a).Copy()); });
        t.Method("union", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            var r = S(a).Copy();
            for (int i = 1; i < a.Count; i++) SetOps.UpdateFrom(r, a[i]);
            return Sets.New(r, a[0].Kind == ObjectKind.FrozenSet);
        });
        t.Method("intersection", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            var r = S(a);
            for (int i = 1; i < a.Count; i++) r = SetOps.Intersection(r, a[i]);
            return Sets.New(a.Count == 1 ? r.Copy() : r, a[0].Kind == ObjectKind.FrozenSet);
        });
        t.Method("difference", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            // set_difference_multi: the first operand by set_difference, the rest removed in place
            var r = a.Count == 1 ? S(a).Copy() : SetOps.Difference(S(a), a[1]);
            for (int i = 2; i < a.Count; i++) SetOps.DifferenceUpdateFrom(r, a[i]);
            return Sets.New(r, a[0].Kind == ObjectKind.FrozenSet);
        });
        t.Method("symmetric_difference", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
            Sets.New(SetOps.SymmetricDifference(S(a), a[1]), a[0].Kind == ObjectKind.FrozenSet));
        t.Method("issubset", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            return Value.Bool(S(a).Table.IsSubsetOf(Other(a[1]).Table));
        });
        t.Method("issuperset", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            return Value.Bool(Other(a[1]).Table.IsSubsetOf(S(a).Table));
        });
        t.Method("isdisjoint", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            var s = S(a);
            foreach (var v in Other(a[1]).ToArray()) if (s.Contains(v)) return Value.False;
            return Value.True;
        });
        t.Method("__len__", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Value.Int(S(a).Count));
        t.Method("__contains__", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Value.Bool(S(a).Contains(Sets.KeyForLookup(a[1]))));
    }
}

public static class RangeMethods
{
    public static void Register(TypeBuilder t)
    {
        t.Method("index", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            a.Exactly(2, "index");
            var r = Ranges.Get(a[0]);
            if (Protocols.Contains(a[0], a[1]) && (a[1].IsInt || a[1].IsBool)) return Value.Int((a[1].Payload - r.Start) / r.Step);
            throw Errors.ValueErr($"{Repr.Of(a[1])} is not in range");
        });
        t.Method("count", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Value.Int(Protocols.Contains(a[0], a[1]) ? 1 : 0));
    }
}

public static class IntMethods
{
    public static void Register(TypeBuilder i, TypeBuilder f)
    {
        i.Method("bit_length", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Value.Int(Lbbv.Support.PyInt.BitLength(Ints.ToBig(a[0]))));
        i.Method("conjugate", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => a[0]);
        i.Method("__index__", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => a[0]);
        f.Method("is_integer", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Value.Bool(Lbbv.Support.PyFloat.IsInteger(a[0].AsFloat)));
        f.Method("conjugate", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => a[0]);
    }
}

public static class ExceptionMethods
{
    public static void Register(TypeBuilder t)
    {
        t.Method("__init__", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            Exceptions.Data(a[0]).Args = Tuples.FromSpan(a.Pos[1..]);
            return Value.None;
        });
        t.Method("with_traceback", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => a[0]);
    }
}
