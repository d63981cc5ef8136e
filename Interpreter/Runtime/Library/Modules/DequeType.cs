// collections.deque: a double-ended queue over a circular buffer, with CPython's methods, reprs,
// comparisons and error messages. Registered in the hidden `_collections` module, which Lbbv's
// collections package imports.
using System.Text;

namespace Lbbv.Runtime;

public sealed class DequeData : ITraceable
{
    Value[] items = new Value[8];
    int head;
    public int Count;
    public readonly long MaxLen; // -1: unbounded
    /// <summary>Bumped by every mutation: a running iterator that sees a change raises.</summary>
    public int Version;

    public DequeData(long maxLen) { MaxLen = maxLen; }

    public void Trace()
    {
        for (int i = 0; i < Count; i++) Gc.Mark(this[i]);
    }

    public Value this[int i]
    {
        get => items[(head + i) & (items.Length - 1)];
        set => items[(head + i) & (items.Length - 1)] = value;
    }

    void Grow()
    {
        if (Count < items.Length) return;
        var bigger = new Value[items.Length * 2];
        for (int i = 0; i < Count; i++) bigger[i] = this[i];
        items = bigger;
        head = 0;
    }

    public void Append(Value v)
    {
        Version++;
        if (MaxLen == 0) return;
        if (Count == MaxLen) PopLeft();
        Grow();
        Count++;
        this[Count - 1] = v;
    }

    public void AppendLeft(Value v)
    {
        Version++;
        if (MaxLen == 0) return;
        if (Count == MaxLen) Pop();
        Grow();
        head = (head - 1) & (items.Length - 1);
        Count++;
        this[0] = v;
    }

    public Value Pop()
    {
        Version++;
        var v = this[Count - 1];
        this[Count - 1] = default;
        Count--;
        return v;
    }

    public Value PopLeft()
    {
        Version++;
        var v = this[0];
        this[0] = default;
        head = (head + 1) & (items.Length - 1);
        Count--;
        return v;
    }

    public void Clear()
    {
        Version++;
        Array.Clear(items);
        head = 0;
        Count = 0;
    }

    public Value[] ToArray()
    {
        var a = new Value[Count];
        for (int i = 0; i < Count; i++) a[i] = this[i];
        return a;
    }

    /// <summary>Replaces the contents (in order), keeping at most MaxLen from the right.</summary>
    public void Reset(IEnumerable<Value> values)
    {
        Clear();
        foreach (var v in values) Append(v);
    }
}

public static class DequeType
{
#pragma warning disable CS8618 // set by Register
    public static ClassObject Class;
    static ClassObject iteratorClass, reverseIteratorClass;
#pragma warning restore CS8618

    static DequeData Data(Value self, string method) => NativeInstances.Self<DequeData>(self, Class, method);

    static Value New(long maxLen, IEnumerable<Value> items)
    {
        var d = new DequeData(maxLen);
        foreach (var v in items) d.Append(v);
        d.Version = 0;
        return NativeInstances.New(Class, d);
    }

    static long Index(DequeData d, Value key, string what)
    {
        if (!Ints.IsIntLike(key)) throw Errors.Type($"sequence index must be integer, not '{Types.NameOf(key)}'");
        long i = Ints.ToLong(key);
        if (i < 0) i += d.Count;
        if (i < 0 || i >= d.Count) throw Errors.Index($"deque {what} out of range");
        return i;
    }

    public static void Register(ModuleBuilder module)
    {
        Class = NativeInstances.MakeClass("collections", "deque");
        iteratorClass = NativeInstances.MakeClass("_collections", "_deque_iterator");
        reverseIteratorClass = NativeInstances.MakeClass("_collections", "_deque_reverse_iterator");
        Class.Dict["__hash__"] = Value.None;
        Class.Ctor = static (in Args a) =>
        {
            if (a.Count > 2) throw Errors.Type($"deque() takes at most 2 arguments ({a.Count} given)");
            Value iterable = a.Count > 0 ? a[0] : a.Kw("iterable");
            Value maxlen = a.Count > 1 ? a[1] : a.Kw("maxlen");
            a.AllowKw("deque", "iterable", "maxlen");
            long max = -1;
            if (!maxlen.IsEmpty && !maxlen.IsNone)
            {
                if (!Ints.IsIntLike(maxlen)) throw Errors.Type($"an integer is required");
                max = Ints.ToLong(maxlen);
                if (max < 0) throw Errors.ValueErr("maxlen must be non-negative");
            }
            return New(max, iterable.IsEmpty ? [] : Protocols.ToList(iterable));
        };
        var t = new TypeBuilder(Class);
        t.Method("append", static (in Args a) =>
        {
            a.Exactly(2, "append");
            Data(a[0], "append").Append(a[1]);
            return Value.None;
        });
        t.Method("appendleft", static (in Args a) =>
        {
            a.Exactly(2, "appendleft");
            Data(a[0], "appendleft").AppendLeft(a[1]);
            return Value.None;
        });
        t.Method("pop", static (in Args a) =>
        {
            NoArguments(a, "pop");
            var d = Data(a[0], "pop");
            if (d.Count == 0) throw Errors.Index("pop from an empty deque");
            return d.Pop();
        });
        t.Method("popleft", static (in Args a) =>
        {
            NoArguments(a, "popleft");
            var d = Data(a[0], "popleft");
            if (d.Count == 0) throw Errors.Index("pop from an empty deque");
            return d.PopLeft();
        });
        t.Method("extend", static (in Args a) =>
        {
            a.Exactly(2, "extend");
            var d = Data(a[0], "extend");
            foreach (var v in Protocols.ToList(a[1])) d.Append(v);
            return Value.None;
        });
        t.Method("extendleft", static (in Args a) =>
        {
            a.Exactly(2, "extendleft");
            var d = Data(a[0], "extendleft");
            foreach (var v in Protocols.ToList(a[1])) d.AppendLeft(v);
            return Value.None;
        });
        t.Method("clear", static (in Args a) =>
        {
            NoArguments(a, "clear");
            Data(a[0], "clear").Clear();
            return Value.None;
        });
        t.Method("copy", static (in Args a) =>
        {
            NoArguments(a, "copy");
            return Copy(Data(a[0], "copy"));
        });
        t.Method("__copy__", static (in Args a) => Copy(Data(a[0], "__copy__")));
        // (type, ((), maxlen), None, iter(d)): what copy.copy/deepcopy rebuild a deque from
        t.Method("__reduce__", static (in Args a) =>
        {
            var d = Data(a[0], "__reduce__");
            var args = Tuples.FromSpan([Tuples.New(0), d.MaxLen < 0 ? Value.None : Value.Int(d.MaxLen)]);
            using var root = TempRoots.Push(args);
            var items = Iterator(a[0], reverse: false);
            using var root2 = TempRoots.Push(items);
            return Tuples.FromSpan([Types.Of(a[0]).Self, args, Value.None, items]);
        });
        t.Method("count", static (in Args a) =>
        {
            a.Exactly(2, "count");
            var d = Data(a[0], "count");
            int version = d.Version;
            long n = 0;
            foreach (var v in d.ToArray())
            {
                if (Protocols.EqualsForContainer(v, a[1])) n++;
                if (d.Version != version) throw Errors.New(Types.RuntimeError, "deque mutated during iteration");
            }
            return Value.Int(n);
        });
        t.Method("index", static (in Args a) =>
        {
            a.Range(2, 4, "index");
            var d = Data(a[0], "index");
            long start = a.Count > 2 ? Clamp(Ints.ToLong(a[2]), d.Count) : 0;
            long stop = a.Count > 3 ? Clamp(Ints.ToLong(a[3]), d.Count) : d.Count;
            int version = d.Version;
            for (long i = start; i < stop && i < d.Count; i++)
            {
                if (Protocols.EqualsForContainer(d[(int)i], a[1])) return Value.Int(i);
                if (d.Version != version) throw Errors.New(Types.RuntimeError, "deque mutated during iteration");
            }
            throw Errors.ValueErr($"{Repr.Of(a[1])} is not in deque");
        });
        t.Method("insert", static (in Args a) =>
        {
            if (a.Count != 3) throw Errors.Type($"insert expected 2 arguments, got {a.Count - 1}");
            var d = Data(a[0], "insert");
            if (d.MaxLen >= 0 && d.Count >= d.MaxLen) throw Errors.Index("deque already at its maximum size");
            var items = d.ToArray().ToList();
            long i = Ints.ToLong(a[1]);
            if (i < 0) i = Math.Max(0, i + items.Count);
            items.Insert((int)Math.Min(i, items.Count), a[2]);
            d.Reset(items);
            return Value.None;
        });
        t.Method("remove", static (in Args a) =>
        {
            a.Exactly(2, "remove");
            var d = Data(a[0], "remove");
            var items = d.ToArray().ToList();
            for (int i = 0; i < items.Count; i++)
            {
                if (!Protocols.EqualsForContainer(items[i], a[1])) continue;
                items.RemoveAt(i);
                d.Reset(items);
                return Value.None;
            }
            throw Errors.ValueErr("deque.remove(x): x not in deque");
        });
        t.Method("reverse", static (in Args a) =>
        {
            NoArguments(a, "reverse");
            var d = Data(a[0], "reverse");
            d.Reset(d.ToArray().Reverse());
            return Value.None;
        });
        t.Method("rotate", static (in Args a) =>
        {
            a.Range(1, 2, "rotate");
            var d = Data(a[0], "rotate");
            long n = a.Count > 1 ? Ints.ToLong(a[1]) : 1;
            if (d.Count <= 1) return Value.None;
            n %= d.Count;
            if (n < 0) n += d.Count;
            var items = d.ToArray();
            d.Reset(items[(int)(d.Count - n)..].Concat(items[..(int)(d.Count - n)]));
            return Value.None;
        });
        NativeInstances.Getter(Class, "maxlen", static (in Args a) =>
        {
            var d = Data(a[0], "maxlen");
            return d.MaxLen < 0 ? Value.None : Value.Int(d.MaxLen);
        });
        t.Method("__len__", static (in Args a) => Value.Int(Data(a[0], "__len__").Count));
        t.Method("__bool__", static (in Args a) => Value.Bool(Data(a[0], "__bool__").Count != 0));
        t.Method("__getitem__", static (in Args a) =>
        {
            var d = Data(a[0], "__getitem__");
            return d[(int)Index(d, a[1], "index")];
        });
        t.Method("__setitem__", static (in Args a) =>
        {
            var d = Data(a[0], "__setitem__");
            d[(int)Index(d, a[1], "index")] = a[2];
            return Value.None;
        });
        t.Method("__delitem__", static (in Args a) =>
        {
            var d = Data(a[0], "__delitem__");
            long i = Index(d, a[1], "index");
            var items = d.ToArray().ToList();
            items.RemoveAt((int)i);
            d.Reset(items);
            return Value.None;
        });
        t.Method("__contains__", static (in Args a) =>
        {
            var d = Data(a[0], "__contains__");
            int version = d.Version;
            foreach (var v in d.ToArray())
            {
                if (Protocols.EqualsForContainer(v, a[1])) return Value.True;
                if (d.Version != version) throw Errors.New(Types.RuntimeError, "deque mutated during iteration");
            }
            return Value.False;
        });
        t.Method("__iter__", static (in Args a) => Iterator(a[0], reverse: false));
        t.Method("__reversed__", static (in Args a) => Iterator(a[0], reverse: true));
        t.Method("__repr__", static (in Args a) =>
        {
            var d = Data(a[0], "__repr__");
            return Strs.New(Repr.Guarded(a[0], "[...]", () =>
            {
                var body = "[" + Repr.Join(d.ToArray()) + "]";
                return d.MaxLen < 0 ? $"deque({body})" : $"deque({body}, maxlen={d.MaxLen})";
            }));
        });
        t.Method("__add__", static (in Args a) =>
        {
            var d = Data(a[0], "__add__");
            if (!Types.Of(a[1]).IsSubclassOf(Class))
                throw Errors.Type($"can only concatenate deque (not \"{Types.NameOf(a[1])}\") to deque");
            return New(d.MaxLen, d.ToArray().Concat(Data(a[1], "__add__").ToArray()).ToArray());
        });
        t.Method("__iadd__", static (in Args a) =>
        {
            var d = Data(a[0], "__iadd__");
            foreach (var v in Protocols.ToList(a[1])) d.Append(v);
            return a[0];
        });
        t.Method("__mul__", static (in Args a) => Repeat(a[0], a[1], inPlace: false));
        t.Method("__rmul__", static (in Args a) => Repeat(a[0], a[1], inPlace: false));
        t.Method("__imul__", static (in Args a) => Repeat(a[0], a[1], inPlace: true));
        string[] ops = ["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"];
        for (int op = 0; op < ops.Length; op++)
        {
            int kind = op;
            t.Method(ops[op], (in Args a) =>
            {
                if (!Types.Of(a[1]).IsSubclassOf(Class)) return Types.NotImplemented;
                var x = Lists.FromSpan(Data(a[0], ops[kind]).ToArray());
                using var root = TempRoots.Push(x);
                return Compare.Rich(kind, x, Lists.FromSpan(Data(a[1], ops[kind]).ToArray()));
            });
        }
        module.Value("deque", Class.Self);
    }

    static Value Copy(DequeData d) => New(d.MaxLen, d.ToArray());

    static void NoArguments(in Args a, string method)
    {
        a.NoKw("deque." + method);
        if (a.Count != 1) throw Errors.Type($"deque.{method}() takes no arguments ({a.Count - 1} given)");
    }

    static long Clamp(long i, long n)
    {
        if (i < 0) i = Math.Max(0, i + n);
        return Math.Min(i, n);
    }

    static Value Repeat(Value self, Value times, bool inPlace)
    {
        var d = Data(self, inPlace ? "__imul__" : "__mul__");
        if (!Ints.IsIntLike(times)) return Types.NotImplemented;
        long n = Math.Max(0, Ints.ToLong(times));
        var items = d.ToArray();
        var all = new List<Value>();
        for (long i = 0; i < n; i++) all.AddRange(items);
        if (!inPlace) return New(d.MaxLen, all);
        d.Reset(all);
        return self;
    }

    static Value Iterator(Value self, bool reverse)
    {
        var d = Data(self, reverse ? "__reversed__" : "__iter__");
        return Iterators.New(new DequeIterator(self, d, reverse, reverse ? reverseIteratorClass : iteratorClass));
    }

    sealed class DequeIterator(Value deque, DequeData data, bool reverse, ClassObject type) : IteratorObject
    {
        readonly int version = data.Version;
        int i;
        public override ClassObject Type => type;

        public override Value Next()
        {
            if (data.Version != version)
            {
                i = data.Count;
                throw Errors.New(Types.RuntimeError, "deque mutated during iteration");
            }
            if (i >= data.Count) return Value.Empty;
            var v = reverse ? data[data.Count - 1 - i] : data[i];
            i++;
            return v;
        }

        public override void Trace() => Gc.Mark(deque);
    }
}

/// <summary>`_collections`: the C# half of the collections package (deque).</summary>
public static class CollectionsModule
{
    public static ModuleObject Create()
    {
        var m = new ModuleBuilder(new ModuleObject("_collections"));
        DequeType.Register(m);
        return m.Module;
    }
}
