// The object protocols: truth, len, hash, equality, iteration, items, containment.
using System.Numerics;
using System.Runtime.CompilerServices;
using Lbbv.Support;

namespace Lbbv.Runtime;

public static unsafe partial class Protocols
{
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static bool IsTrue(Value v)
    {
        switch (v.Tag)
        {
            case Tag.Bool:
            case Tag.Int: return v.Payload != 0;
            case Tag.None: return false;
            case Tag.Float: return v.AsFloat != 0.0;
        }
        return IsTrueObject(v);
    }

    static bool IsTrueObject(Value v)
    {
        switch (v.Kind)
        {
            case ObjectKind.Str: return Strs.Get(v).Length != 0;
            case ObjectKind.List: return Lists.Count(v) != 0;
            case ObjectKind.Tuple: return Tuples.Count(v) != 0;
            case ObjectKind.Dict: return Dicts.Get(v).Count != 0;
            case ObjectKind.Set:
            case ObjectKind.FrozenSet: return Sets.Get(v).Count != 0;
            case ObjectKind.BigInt: return true;
            case ObjectKind.Range: return Ranges.Get(v).Count != 0;
            case ObjectKind.Instance:
            case ObjectKind.Exception:
                {
                    var cls = Types.Of(v);
                    var m = cls.Lookup("__bool__");
                    if (!m.IsEmpty)
                    {
                        var r = Calls.CallMethod(m, v);
                        if (!r.IsBool) throw Errors.Type($"__bool__ should return bool, returned {Types.NameOf(r)}");
                        return r.AsBool;
                    }
                    m = cls.Lookup("__len__");
                    if (!m.IsEmpty) return LenOfResult(Calls.CallMethod(m, v)) != 0;
                    return true;
                }
            case ObjectKind.Other:
                if (Obj.Companion(v) is DictView dv) return Dicts.Get(dv.Dict).Count != 0;
                return true;
        }
        return true;
    }

    static long LenOfResult(Value r)
    {
        if (!Ints.IsIntLike(r)) throw Errors.Type($"'{Types.NameOf(r)}' object cannot be interpreted as an integer");
        long n = Ints.ToLong(r, "cannot fit 'int' into an index-sized integer");
        if (n < 0) throw Errors.ValueErr("__len__() should return >= 0");
        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long Len(Value v)
    {
        if (v.IsObject)
        {
            switch (v.Kind)
            {
                case ObjectKind.Str: return Strs.Obj_(v).Length;
                case ObjectKind.List: return Lists.Count(v);
                case ObjectKind.Tuple: return Tuples.Count(v);
                case ObjectKind.Dict: return Dicts.Get(v).Count;
                case ObjectKind.Set:
                case ObjectKind.FrozenSet: return Sets.Get(v).Count;
                case ObjectKind.Range: return Ranges.Get(v).Length;
                case ObjectKind.Other:
                    if (Obj.Companion(v) is DictView dv) return Dicts.Get(dv.Dict).Count;
                    if (Obj.Companion(v) is BigRangeObject br)
                    {
                        var n = br.Length;
                        if (n > long.MaxValue) throw Errors.Overflow("Python int too large to convert to C ssize_t");
                        return (long)n;
                    }
                    break;
                case ObjectKind.Instance:
                case ObjectKind.Exception:
                case ObjectKind.Class when Metaclasses.Has(v):
                    {
                        var m = Types.Of(v).Lookup("__len__");
                        if (!m.IsEmpty) return LenOfResult(Calls.CallMethod(m, v));
                        break;
                    }
            }
        }
        throw Errors.Type($"object of type '{Types.NameOf(v)}' has no len()");
    }

    // ------------------------------------------------------------------ hashing

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long Hash(Value v)
    {
        switch (v.Tag)
        {
            case Tag.Int: return PyInt.Hash(v.Payload);
            case Tag.Bool: return v.Payload;
            case Tag.Float: return PyFloat.Hash(v.AsFloat, IdHash(v));
            case Tag.None: return 0xFCA86420;
        }
        switch (v.Kind)
        {
            case ObjectKind.Str: return Strs.Obj_(v).Hash;
            case ObjectKind.BigInt: return PyInt.Hash(Ints.ToBig(v));
            case ObjectKind.Tuple: return TupleHash(v);
            case ObjectKind.FrozenSet: return Sets.Get(v).FrozenHash();
            case ObjectKind.Range: return RangeHash(Ranges.Get(v));
            case ObjectKind.List:
            case ObjectKind.Dict:
            case ObjectKind.Set:
            case ObjectKind.Slice: // hashable only from 3.12
                throw Errors.Type($"unhashable type: '{Types.NameOf(v)}'");
            case ObjectKind.Instance:
            case ObjectKind.Exception:
                {
                    var cls = Types.Of(v);
                    var m = cls.Lookup("__hash__");
                    if (!m.IsEmpty)
                    {
                        if (m.IsNone) throw Errors.Type($"unhashable type: '{cls.Name}'");
                        // A subclass of a builtin type that keeps its base's __hash__ (a namedtuple, a
                        // str or int subclass): what that __hash__ returns, the hash of the value it
                        // extends, without the call through the slot wrapper and its unwrapping.
                        if (BuiltinSubclasses.TryUnwrap(v, out var inner)
                            && m.Same(Types.Of(inner).Lookup("__hash__")))
                            return Hash(inner);
                        var r = Calls.CallMethod(m, v);
                        if (!Ints.IsIntLike(r)) throw Errors.Type("__hash__ method should return an integer");
                        // Used as it is when it fits 64 bits (CPython's Py_hash_t); a bigger int by its hash.
                        long h = r.IsObject ? UserHashOfBig(Ints.ToBig(r)) : r.Payload;
                        return h == -1 ? -2 : h;
                    }
                    // No __eq__ test here: a class that defines __eq__ without __hash__ got __hash__ = None
                    // when it was made (ClassBuilder, as CPython's type_new); assigning __eq__ later keeps
                    // its instances hashable (fuzz seed 82037).
                    return IdHash(v);
                }
        }
        return IdHash(v);
    }

    static long UserHashOfBig(System.Numerics.BigInteger n) =>
        n >= long.MinValue && n <= long.MaxValue ? (long)n : PyInt.Hash(n);

    public static long IdHash(Value v)
    {
        ulong p = (ulong)v.Payload;
        return (long)((p >> 4) | (p << 60)) & long.MaxValue;
    }

    /// <summary>CPython's range hash: that of (len, start, step), with None for the step of a range
    /// of one value and for both bounds of an empty one (equal ranges hash equal).</summary>
    static long RangeHash(RangeObject r)
    {
        ulong n = r.Count;
        long none = Hash(Value.None);
        Span<long> hashes =
        [
            n <= long.MaxValue ? PyInt.Hash((long)n) : PyInt.Hash(new System.Numerics.BigInteger(n)),
            n == 0 ? none : PyInt.Hash(r.Start),
            n <= 1 ? none : PyInt.Hash(r.Step),
        ];
        return Lbbv.Support.TupleHash.HashTuple(hashes);
    }

    static long TupleHash(Value t)
    {
        var items = Tuples.Span(t);
        Span<long> hashes = items.Length <= 32 ? stackalloc long[items.Length] : new long[items.Length];
        for (int i = 0; i < items.Length; i++) hashes[i] = Hash(items[i]);
        return Lbbv.Support.TupleHash.HashTuple(hashes);
    }

    // ------------------------------------------------------------------ equality

    /// <summary>Key equality for dicts and sets (identity is checked by the caller).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool KeyEquals(Value a, Value b)
    {
        if (a.IsObject && b.IsObject && a.Kind == ObjectKind.Str && b.Kind == ObjectKind.Str)
            return Strs.Get(a) == Strs.Get(b);
        return Eq(a, b);
    }

    /// <summary>a == b as a bool (identity implies equality, as containers do).</summary>
    public static bool EqualsForContainer(Value a, Value b) => a.Same(b) || Eq(a, b);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Eq(Value a, Value b)
    {
        if (a.TagWord == b.TagWord && !a.IsObject)
            return a.IsFloat ? a.AsFloat == b.AsFloat : a.Payload == b.Payload;
        return IsTrue(Compare.Rich(Compare.Eq, a, b));
    }

    // ------------------------------------------------------------------ iteration

    public static Value Iter(Value v) => Iter(v, null);

    /// <summary>iter(v); a value that is not iterable raises TypeError with <paramref name="notIterable"/>
    /// (CPython's PySequence_Fast message, as for slice assignment) or the usual message.</summary>
    public static Value Iter(Value v, string? notIterable)
    {
        if (v.IsObject)
        {
            switch (v.Kind)
            {
                case ObjectKind.List: return NativeIterators.NewList(v);
                case ObjectKind.Tuple: return Iterators.New(new TupleIterator(v));
                case ObjectKind.Str: return Iterators.New(new StrIterator(Strs.Get(v)));
                case ObjectKind.Dict: return Iterators.New(new DictIterator(v, 0));
                case ObjectKind.Set:
                case ObjectKind.FrozenSet: return Iterators.New(new ArrayIterator(Sets.Get(v).ToArray(), Types.SetIterator));
                case ObjectKind.Range:
                    {
                        var r = Ranges.Get(v);
                        return NativeIterators.NewRange(r.Start, r.Step, r.Count);
                    }
                case ObjectKind.Iterator:
                case ObjectKind.RangeIterator:
                case ObjectKind.ListIterator:
                    return v;
                case ObjectKind.Generator:
                    if (Generators.Get(v).IsCoroutine) break;
                    return v;
                case ObjectKind.Other:
                    if (Obj.Companion(v) is DictView dv) return Iterators.New(new DictIterator(dv.Dict, dv.Mode));
                    if (Obj.Companion(v) is BigRangeObject br) return br.Iter();
                    break;
                case ObjectKind.Instance:
                case ObjectKind.Exception:
                case ObjectKind.Class when Metaclasses.Has(v):
                    {
                        var cls = Types.Of(v);
                        var m = cls.Lookup("__iter__");
                        if (!m.IsEmpty)
                        {
                            var it = Calls.CallMethod(m, v);
                            if (!IsIterator(it)) throw Errors.Type($"iter() returned non-iterator of type '{Types.NameOf(it)}'");
                            return it;
                        }
                        if (!cls.Lookup("__getitem__").IsEmpty) return Iterators.New(new SeqIterator(v));
                        break;
                    }
            }
        }
        throw Errors.Type(notIterable ?? $"'{Types.NameOf(v)}' object is not iterable");
    }

    public static bool IsIterator(Value v)
    {
        if (!v.IsObject) return false;
        var k = v.Kind;
        if (k is ObjectKind.Iterator or ObjectKind.RangeIterator or ObjectKind.ListIterator) return true;
        if (k == ObjectKind.Generator) return !Generators.Get(v).IsCoroutine;
        if (k == ObjectKind.Instance || k == ObjectKind.Exception) return !Types.Of(v).Lookup("__next__").IsEmpty;
        return false;
    }

    /// <summary>next(it): the next item, or Empty when exhausted (StopIteration is absorbed).</summary>
    public static Value Next(Value it)
    {
        if (it.IsObject)
        {
            switch (it.Kind)
            {
                case ObjectKind.Iterator: return Obj.Get<IteratorObject>(it).Next();
                case ObjectKind.RangeIterator:
                case ObjectKind.ListIterator: return NativeIterators.Next(it);
                case ObjectKind.Generator:
                    {
                        var st = Generators.Resume(it, Value.None, out var r);
                        if (st == GenState.Yielded) return r;
                        if (st == GenState.Returned) return Value.Empty;
                        throw ThreadState.TakePending();
                    }
                case ObjectKind.Instance:
                case ObjectKind.Exception:
                    {
                        var m = Types.Of(it).Lookup("__next__");
                        if (m.IsEmpty) break;
                        try { return Calls.CallMethod(m, it); }
                        catch (PyException e) when (Exceptions.Matches(e.Exc, Types.StopIteration)) { return Value.Empty; }
                    }
            }
        }
        throw Errors.Type($"'{Types.NameOf(it)}' object is not an iterator");
    }

    /// <summary>All items of an iterable (fast paths for lists and tuples); one that is not iterable
    /// raises TypeError with <paramref name="notIterable"/>, if given.</summary>
    public static List<Value> ToList(Value iterable, string? notIterable = null)
    {
        if (iterable.Is(ObjectKind.List)) return new List<Value>(Lists.ReadOnly(iterable).ToArray());
        if (iterable.Is(ObjectKind.Tuple)) return new List<Value>(Tuples.Span(iterable).ToArray());
        var it = Iter(iterable, notIterable);
        var list = new List<Value>();
        int mark = TempRoots.Count;
        TempRoots.Add(it);
        var holder = Lists.New();
        TempRoots.Add(holder);
        try
        {
            while (true)
            {
                var v = Next(it);
                if (v.IsEmpty) break;
                Lists.Append(holder, v); // keeps items rooted while user code runs
                list.Add(v);
            }
        }
        finally { TempRoots.PopTo(mark); }
        return list;
    }

    /// <summary>The items of an iterable as a new list object.</summary>
    public static Value ToListObject(Value iterable)
    {
        if (iterable.Is(ObjectKind.List)) return Lists.FromSpan(Lists.ReadOnly(iterable));
        if (iterable.Is(ObjectKind.Tuple)) return Lists.FromSpan(Tuples.Span(iterable));
        var it = Iter(iterable);
        var holder = Lists.New();
        int mark = TempRoots.Count;
        TempRoots.Add(it);
        TempRoots.Add(holder);
        try
        {
            while (true)
            {
                var v = Next(it);
                if (v.IsEmpty) break;
                Lists.Append(holder, v);
            }
        }
        finally { TempRoots.PopTo(mark); }
        return holder;
    }

    // ------------------------------------------------------------------ containment

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Contains(Value container, Value item)
    {
        if (container.IsObject)
        {
            switch (container.Kind)
            {
                case ObjectKind.List:
                    {
                        var l = Lists.P(container);
                        // SAFETY: re-reads count each step (user __eq__ may mutate the list).
                        for (long i = 0; i < l->Count; i++) if (EqualsForContainer(l->Items[i], item)) return true;
                        return false;
                    }
                case ObjectKind.Tuple:
                    foreach (var v in Tuples.Span(container)) if (EqualsForContainer(v, item)) return true;
                    return false;
                case ObjectKind.Str:
                    if (!item.Is(ObjectKind.Str))
                        throw Errors.Type($"'in <string>' requires string as left operand, not {Types.NameOf(item)}");
                    return Strs.Get(container).Contains(Strs.Get(item), StringComparison.Ordinal);
                case ObjectKind.Dict: return Dicts.Get(container).ContainsKey(item);
                case ObjectKind.Set:
                case ObjectKind.FrozenSet: return Sets.Get(container).Contains(Sets.KeyForLookup(item));
                case ObjectKind.Range: return RangeContains(Ranges.Get(container), item);
                case ObjectKind.Other:
                    if (Obj.Companion(container) is DictView dv)
                    {
                        if (dv.Mode != 1) return DictViewOps.Contains(container, item);
                        break;
                    }
                    if (Obj.Companion(container) is BigRangeObject br) return br.Contains(item);
                    break;
                case ObjectKind.Instance:
                case ObjectKind.Exception:
                case ObjectKind.Class when Metaclasses.Has(container):
                    {
                        var m = Types.Of(container).Lookup("__contains__");
                        if (!m.IsEmpty) return IsTrue(Calls.CallMethod(m, container, item));
                        break;
                    }
            }
        }
        // CPython's _PySequence_IterSearch names the container, for an instance too.
        var it = Iter(container, $"argument of type '{Types.NameOf(container)}' is not iterable");
        using var _ = TempRoots.Push(it);
        while (true)
        {
            var v = Next(it);
            if (v.IsEmpty) return false;
            if (EqualsForContainer(v, item)) return true;
        }
    }

    static bool RangeContains(RangeObject r, Value item)
    {
        if (!item.IsInt && !item.IsBool)
        {
            if (item.IsFloat || Ints.IsBig(item))
            {
                // fall back to iteration semantics via equality
                for (long i = 0, v = r.Start; i < r.Length; i++, v += r.Step) if (Eq(Value.Int(v), item)) return true;
            }
            return false;
        }
        long x = item.Payload;
        if (r.Step > 0 ? (x < r.Start || x >= r.Stop) : (x > r.Start || x <= r.Stop)) return false;
        return (x - r.Start) % r.Step == 0;
    }

    public static BigInteger ToBigForHash(Value v) => Ints.ToBig(v);
}
