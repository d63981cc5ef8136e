// Builtins over iterables: enumerate, zip, map, filter, iter, next, reversed, sorted, min, max, sum, any, all.
using System.Runtime.CompilerServices;
namespace Lbbv.Runtime;

public static class BuiltinIteration
{
    public static void Register(ModuleBuilder m)
    {
        m.Function("iter", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            a.Range(1, 2, "iter");
            if (a.Count == 2)
            {
                Value fn = a[0], sentinel = a[1];
                bool done = false;
                return Iterators.New(new NativeIterator(Types.CallableIterator, () =>
                {
                    if (done) return Value.Empty;
                    var v = Calls.Call(fn);
                    if (Protocols.Eq(v, sentinel)) { done = true; return Value.Empty; }
                    return v;
                }, () => { Gc.Mark(fn); Gc.Mark(sentinel); }));
            }
            return Protocols.Iter(a[0]);
        });
        m.Function("next", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            a.Range(1, 2, "next");
            if (!Protocols.IsIterator(a[0])) throw Errors.Type($"'{Types.NameOf(a[0])}' object is not an iterator");
            if (a[0].Is(ObjectKind.Generator))
            {
                var st = Generators.Resume(a[0], Value.None, out var r);
                if (st == GenState.Yielded) return r;
                if (st == GenState.Error) throw ThreadState.TakePending();
                if (a.Count == 2) return a[1];
                throw Errors.StopIteration(r.IsEmpty || r.IsNone ? Value.Empty : r);
            }
            var v = Protocols.Next(a[0]);
            if (!v.IsEmpty) return v;
            if (a.Count == 2) return a[1];
            throw Errors.StopIteration(Value.Empty);
        });
        m.Function("enumerate", Enumerate);
        m.Function("zip", Zip);
        m.Function("map", Map);
        m.Function("filter", Filter);
        m.Function("reversed", Reversed);
        m.Function("sorted", Sorted);
        m.Function("min", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => MinMax(a, "min", Compare.Lt));
        m.Function("max", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => MinMax(a, "max", Compare.Gt));
        m.Function("sum", Sum);
        m.Function("any", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            a.Exactly(1, "any");
            var it = Protocols.Iter(a[0]);
            using var _ = TempRoots.Push(it);
            while (true)
            {
                var v = Protocols.Next(it);
                if (v.IsEmpty) return Value.False;
                if (Protocols.IsTrue(v)) return Value.True;
            }
        });
        m.Function("all", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            a.Exactly(1, "all");
            var it = Protocols.Iter(a[0]);
            using var _ = TempRoots.Push(it);
            while (true)
            {
                var v = Protocols.Next(it);
                if (v.IsEmpty) return Value.True;
                if (!Protocols.IsTrue(v)) return Value.False;
            }
        });
    }

    static Value Enumerate(in Args a)
    {
        a.AllowKw("enumerate", "start", "iterable");
        Value iterable = a.Count > 0 ? a[0] : a.Kw("iterable");
        if (iterable.IsEmpty) throw Errors.Type("enumerate() missing required argument 'iterable' (pos 1)");
        Value startV = a.Count > 1 ? a[1] : a.Kw("start");
        long i = startV.IsEmpty ? 0 : Ints.ToLong(startV);
        var it = Protocols.Iter(iterable);
        return Iterators.New(new NativeIterator(Types.Enumerate, () =>
        {
            var v = Protocols.Next(it);
            if (v.IsEmpty) return v;
            return Tuples.Of(Value.Int(i++), v);
        }, () => Gc.Mark(it)));
    }

    static Value Zip(in Args a)
    {
        a.AllowKw("zip", "strict");
        var its = new Value[a.Count];
        for (int i = 0; i < a.Count; i++) its[i] = Protocols.Iter(a[i]);
        bool done = its.Length == 0;
        // The items of the tuple being assembled are traced: the next iterator's __next__ may collect.
        var items = new Value[its.Length];
        return Iterators.New(new NativeIterator(Types.Zip, () =>
        {
            if (done) return Value.Empty;
            Array.Clear(items);
            for (int i = 0; i < its.Length; i++)
            {
                var v = Protocols.Next(its[i]);
                if (v.IsEmpty) { done = true; return v; }
                items[i] = v;
            }
            var tuple = Tuples.FromSpan(items);
            Array.Clear(items);
            return tuple;
        }, () => { foreach (var it in its) Gc.Mark(it); foreach (var v in items) Gc.Mark(v); }));
    }

    static Value Map(in Args a)
    {
        a.NoKw("map");
        if (a.Count < 2) throw Errors.Type("map() must have at least two arguments.");
        var fn = a[0];
        var its = new Value[a.Count - 1];
        for (int i = 1; i < a.Count; i++) its[i - 1] = Protocols.Iter(a[i]);
        // The arguments being gathered are traced: the next iterator's __next__ may collect.
        var items = new Value[its.Length];
        return Iterators.New(new NativeIterator(Types.Map, () =>
        {
            Array.Clear(items);
            for (int i = 0; i < its.Length; i++)
            {
                var v = Protocols.Next(its[i]);
                if (v.IsEmpty) return v;
                items[i] = v;
            }
            var args = (Value[])items.Clone();
            Array.Clear(items);
            return Calls.Call(fn, args);
        }, () => { Gc.Mark(fn); foreach (var it in its) Gc.Mark(it); foreach (var v in items) Gc.Mark(v); }));
    }

    static Value Filter(in Args a)
    {
        a.Exactly(2, "filter");
        var fn = a[0];
        var it = Protocols.Iter(a[1]);
        return Iterators.New(new NativeIterator(Types.Filter, () =>
        {
            while (true)
            {
                var v = Protocols.Next(it);
                if (v.IsEmpty) return v;
                using var _ = TempRoots.Push(v);
                bool keep = fn.IsNone ? Protocols.IsTrue(v) : Protocols.IsTrue(Calls.Call(fn, v));
                if (keep) return v;
            }
        }, () => { Gc.Mark(fn); Gc.Mark(it); }));
    }

    static Value Reversed(in Args a)
    {
        a.Exactly(1, "reversed");
        var v = a[0];
        if (v.Is(ObjectKind.List)) return Iterators.New(new ListReverseIterator(v));
        if (v.Is(ObjectKind.Tuple) || v.Is(ObjectKind.Str))
        {
            var items = Protocols.ToList(v);
            items.Reverse();
            return Iterators.New(new ArrayIterator(items.ToArray(), Types.Reversed));
        }
        if (v.Is(ObjectKind.Range))
        {
            var r = Ranges.Get(v);
            ulong n = r.Count;
            return NativeIterators.NewRange(unchecked(r.Start + (long)(n - 1) * r.Step), unchecked(-r.Step), n);
        }
        if (v.Is(ObjectKind.Dict))
        {
            var keys = Protocols.ToList(v);
            keys.Reverse();
            return Iterators.New(new ArrayIterator(keys.ToArray(), Types.Reversed));
        }
        if (Arith.IsUser(v) || Metaclasses.Has(v))
        {
            var m = Types.Of(v).Lookup("__reversed__");
            if (m.IsNone) throw Errors.Type($"'{Types.NameOf(v)}' object is not reversible");
            if (!m.IsEmpty) return Calls.CallMethod(m, v);
            if (!Types.Of(v).Lookup("__len__").IsEmpty && !Types.Of(v).Lookup("__getitem__").IsEmpty)
            {
                long n = Protocols.Len(v);
                var items = new Value[n];
                for (long i = 0; i < n; i++) items[i] = Items.Get(v, Value.Int(n - 1 - i));
                return Iterators.New(new ArrayIterator(items, Types.Reversed));
            }
        }
        throw Errors.Type($"'{Types.NameOf(v)}' object is not reversible");
    }

    static Value Sorted(in Args a)
    {
        if (a.Count != 1) throw Errors.Type(a.Count == 0 ? "sorted expected 1 argument, got 0" : $"sorted expected 1 argument, got {a.Count}");
        a.AllowKw("sorted", "key", "reverse");
        var list = Protocols.ToListObject(a[0]);
        using var _ = TempRoots.Push(list);
        var key = a.Kw("key");
        var rev = a.Kw("reverse");
        ListMethods.Sort(list, key.IsEmpty ? Value.None : key, !rev.IsEmpty && Protocols.IsTrue(rev));
        return list;
    }

    static Value MinMax(in Args a, string name, int op)
    {
        a.AllowKw(name, "key", "default");
        var key = a.Kw("key");
        if (key.IsNone) key = Value.Empty;
        var dflt = a.Kw("default");
        List<Value> items;
        if (a.Count == 0) throw Errors.Type($"{name} expected at least 1 argument, got 0");
        if (a.Count == 1) items = Protocols.ToList(a[0]);
        else
        {
            if (!dflt.IsEmpty) throw Errors.Type($"Cannot specify a default for {name}() with multiple positional arguments");
            items = new List<Value>(a.Pos.ToArray());
        }
        if (items.Count == 0)
        {
            if (!dflt.IsEmpty) return dflt;
            throw Errors.ValueErr($"{name}() arg is an empty sequence");
        }
        var holder = Lists.FromSpan(items.ToArray());
        using var _ = TempRoots.Push(holder);
        Value best = items[0];
        Value bestKey = key.IsEmpty ? best : Calls.Call(key, best);
        using var __ = TempRoots.Push(bestKey);
        int mark = TempRoots.Count;
        for (int i = 1; i < items.Count; i++)
        {
            var v = items[i];
            var k = key.IsEmpty ? v : Calls.Call(key, v);
            TempRoots.Add(k);
            if (Protocols.IsTrue(Compare.Rich(op, k, bestKey))) { best = v; bestKey = k; TempRoots.Add(k); }
        }
        TempRoots.PopTo(mark);
        return best;
    }

    static Value Sum(in Args a)
    {
        a.AllowKw("sum", "start");
        if (a.Count < 1 || a.Count > 2) throw Errors.Type($"sum() takes at most 2 arguments ({a.Count} given)");
        Value acc = a.Count > 1 ? a[1] : a.Kw("start");
        if (acc.IsEmpty) acc = Value.Int(0);
        if (acc.Is(ObjectKind.Str)) throw Errors.Type("sum() can't sum strings [use ''.join(seq) instead]");
        var it = Protocols.Iter(a[0]);
        using var _ = TempRoots.Push(it);
        int mark = TempRoots.Count;
        try
        {
            while (true)
            {
                var v = Protocols.Next(it);
                if (v.IsEmpty) return acc;
                if (acc.IsInt && v.IsInt)
                {
                    long r = acc.Payload + v.Payload;
                    if (((acc.Payload ^ r) & (v.Payload ^ r)) >= 0) { acc = Value.Int(r); continue; }
                }
                else if (acc.IsFloat && (v.IsFloat || v.IsInt))
                {
                    acc = Value.Float(acc.AsFloat + (v.IsFloat ? v.AsFloat : v.Payload));
                    continue;
                }
                acc = Arith.Binary(Arith.Add, acc, v);
                TempRoots.PopTo(mark);
                TempRoots.Add(acc);
            }
        }
        finally { TempRoots.PopTo(mark); }
    }
}
