using System.Runtime.InteropServices;
// Binary operators on builtin containers: concatenation, repetition, str %, set algebra, dict |.
using System.Runtime.CompilerServices;
using System.Text;

namespace Lbbv.Runtime;

public static unsafe class Seqs
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Value Binary(int kind, Value a, Value b)
    {
        var ka = a.IsObject ? a.Kind : ObjectKind.Free;
        var kb = b.IsObject ? b.Kind : ObjectKind.Free;
        if (kind is Arith.BitOr or Arith.BitAnd or Arith.Sub or Arith.BitXor
            && (ka == ObjectKind.Other && DictViewOps.IsSetLike(a)
                || kb == ObjectKind.Other && DictViewOps.IsSetLike(b)))
            return DictViewOps.Binary(kind, a, b);
        switch (kind)
        {
            case Arith.Add:
                if (ka == ObjectKind.Str && kb == ObjectKind.Str) return Strs.New(string.Concat(Strs.Get(a), Strs.Get(b)));
                if (ka == ObjectKind.List && kb == ObjectKind.List)
                {
                    var r = Lists.New(Lists.Count(a) + Lists.Count(b));
                    ListOps.Extend(r, a); ListOps.Extend(r, b);
                    return r;
                }
                if (ka == ObjectKind.Tuple && kb == ObjectKind.Tuple)
                {
                    var x = Tuples.Span(a); var y = Tuples.Span(b);
                    var t = Tuples.New(x.Length + y.Length);
                    x.CopyTo(Tuples.Span(t)); y.CopyTo(Tuples.Span(t)[x.Length..]);
                    return t;
                }
                break;
            case Arith.Mult:
                if (Ints.IsIntLike(b) && ka is ObjectKind.Str or ObjectKind.List or ObjectKind.Tuple) return Repeat(a, b);
                if (Ints.IsIntLike(a) && kb is ObjectKind.Str or ObjectKind.List or ObjectKind.Tuple) return Repeat(b, a);
                break;
            case Arith.Mod:
                if (ka == ObjectKind.Str) return Strs.New(Formatting.Percent(Strs.Get(a), b));
                break;
            case Arith.BitOr:
            case Arith.BitAnd:
            case Arith.Sub:
            case Arith.BitXor:
                if (Sets.IsSet(a) && Sets.IsSet(b))
                    return Sets.New(SetOps.Op(kind, Sets.Get(a), Sets.Get(b)), ka == ObjectKind.FrozenSet);
                if (kind == Arith.BitOr && ka == ObjectKind.Dict && kb == ObjectKind.Dict)
                {
                    var d = Dicts.New(Dicts.Get(a).Copy());
                    DictOps.Update(d, b);
                    return d;
                }
                break;
        }
        return Types.NotImplemented;
    }

    static Value Repeat(Value seq, Value count)
    {
        long n = Ints.IsBig(count) ? (Ints.ToBig(count).Sign < 0 ? 0 : throw Errors.New(Types.OverflowError, "cannot fit 'int' into an index-sized integer")) : count.Payload;
        if (n < 0) n = 0;
        switch (seq.Kind)
        {
            case ObjectKind.Str:
                {
                    string s = Strs.Get(seq);
                    if ((long)s.Length * n > int.MaxValue / 2) throw Errors.New(Types.MemoryError, "");
                    var sb = new StringBuilder(s.Length * (int)n);
                    for (long i = 0; i < n; i++) sb.Append(s);
                    return Strs.New(sb.ToString());
                }
            case ObjectKind.List:
                {
                    var src = Lists.ReadOnly(seq).ToArray();
                    var r = Lists.New(src.Length * n);
                    var l = Lists.P(r);
                    for (long i = 0; i < n; i++) src.CopyTo(new Span<Value>(l->Items + i * src.Length, src.Length));
                    l->Count = src.Length * n;
                    l->ElementKind = n > 0 ? Lists.KindOfAll(src) : Lists.NoKind;
                    return r;
                }
            default:
                {
                    var src = Tuples.Span(seq).ToArray();
                    if (n == 1) return seq;
                    var t = Tuples.New(src.Length * n);
                    var items = Tuples.Span(t);
                    for (int i = 0; i < n; i++) src.CopyTo(items[(i * src.Length)..]);
                    return t;
                }
        }
    }

    public static Value ListRepeatInplace(Value list, Value count)
    {
        if (!Ints.IsIntLike(count)) throw Errors.Type($"can't multiply sequence by non-int of type '{Types.NameOf(count)}'");
        var r = Repeat(list, count);
        var items = Lists.ReadOnly(r).ToArray();
        Lists.ReplaceRange(list, 0, Lists.Count(list), items);
        return list;
    }
}

public static unsafe class ListOps
{
    public static void Extend(Value list, Value iterable)
    {
        if (iterable.Is(ObjectKind.List) || iterable.Is(ObjectKind.Tuple))
        {
            var src = iterable.Is(ObjectKind.List) ? Lists.ReadOnly(iterable) : Tuples.Span(iterable);
            var l = Lists.P(list);
            long n = src.Length;
            Lists.EnsureCapacity(l, l->Count + n);
            // re-read: when list == iterable, src is still the valid prefix
            var from = iterable.Is(ObjectKind.List) ? Lists.ReadOnly(iterable)[..(int)n] : Tuples.Span(iterable);
            Lists.NoteExtended(l, l->Count, from);
            from.CopyTo(new Span<Value>(l->Items + l->Count, (int)n));
            l->Count += n;
            return;
        }
        var it = Protocols.Iter(iterable);
        using var _ = TempRoots.Push(it);
        while (true)
        {
            var v = Protocols.Next(it);
            if (v.IsEmpty) break;
            Lists.Append(list, v);
        }
    }

    public static void SetSlice(Value list, SliceObject s, Value v)
    {
        var (start, stop, step, len) = Items.SliceIndices(s, Lists.Count(list));
        // Another list's or a tuple's items are copied straight from it (nothing touches them while they
        // are copied); anything else, the list itself included, is read first with PySequence_Fast's
        // messages, as CPython does.
        ReadOnlySpan<Value> items = v.Is(ObjectKind.Tuple) ? Tuples.Span(v)
            : v.Is(ObjectKind.List) && !v.Same(list) ? Lists.ReadOnly(v)
            : Protocols.ToList(v, step == 1 ? "can only assign an iterable" : "must assign iterable to extended slice")
                .ToArray();
        if (step == 1)
        {
            if (stop < start) stop = start;
            Lists.ReplaceRange(list, start, stop, items);
            return;
        }
        if (items.Length != len)
            throw Errors.ValueErr($"attempt to assign sequence of size {items.Length} to extended slice of size {len}");
        var l = Lists.P(list);
        for (int i = 0; i < len; i++) { l->Items[start + i * step] = items[i]; Lists.NoteStored(l, items[i]); }
    }

    public static void DeleteSlice(Value list, SliceObject s)
    {
        var (start, stop, step, len) = Items.SliceIndices(s, Lists.Count(list));
        if (len == 0) return;
        if (step == 1) { Lists.ReplaceRange(list, start, stop, ReadOnlySpan<Value>.Empty); return; }
        // The deleted indices, ascending: first, first + stride, ... (len of them).
        long first = step > 0 ? start : start + (len - 1) * step, stride = Math.Abs(step);
        var src = Lists.ReadOnly(list);
        var keep = new Value[src.Length - len];
        int kept = 0;
        for (int i = 0; i < src.Length; i++)
        {
            long d = i - first;
            if (d >= 0 && d % stride == 0 && d / stride < len) continue;
            keep[kept++] = src[i];
        }
        Lists.ReplaceRange(list, 0, src.Length, keep);
    }
}

public static class DictOps
{
    /// <summary>A dict's entries with their stored hashes: copying them calls no __hash__ again.</summary>
    public static List<(Value Key, long Hash, Value Value)> Entries(DictObject d)
    {
        var r = new List<(Value, long, Value)>(d.Count);
        for (int i = 0; i < d.Used; i++)
            if (!d.KeyAt(i).IsEmpty) r.Add((d.KeyAt(i), d.HashAt(i), d.ValueAt(i)));
        return r;
    }

    public static void Update(Value dict, Value other)
    {
        var d = Dicts.Get(dict);
        if (other.Is(ObjectKind.Dict))
        {
            foreach (var (k, h, v) in Entries(Dicts.Get(other))) d.SetWithHash(k, h, v);
            return;
        }
        if (Dicts.IsMapping(other))
        {
            int mark = TempRoots.Count;
            foreach (var (k, v) in Dicts.MappingItems(other)) d.Set(k, v);
            TempRoots.PopTo(mark);
            return;
        }
        int i = 0;
        foreach (var item in Protocols.ToList(other))
        {
            List<Value> pair;
            try { pair = Protocols.ToList(item); }
            catch (PyException e) when (Exceptions.Matches(e.Exc, Types.TypeError))
            {
                throw Errors.Type($"cannot convert dictionary update sequence element #{i} to a sequence");
            }
            if (pair.Count != 2)
                throw Errors.ValueErr($"dictionary update sequence element #{i} has length {pair.Count}; 2 is required");
            d.Set(pair[0], pair[1]);
            i++;
        }
    }

    /// <summary>DictMerge for f(**kw): duplicate keys are a TypeError.</summary>
    public static void Merge(Value dict, Value other, Value callable)
    {
        if (!Dicts.IsMapping(other))
            throw Errors.Type($"{Repr.FuncName(callable)} argument after ** must be a mapping, not {Types.NameOf(other)}");
        var d = Dicts.Get(dict);
        int mark = TempRoots.Count;
        foreach (var (k, v) in Dicts.MappingItems(other))
        {
            if (d.ContainsKey(k))
                throw Errors.Type($"{Repr.FuncName(callable)} got multiple values for keyword argument '{Repr.Str(k)}'");
            d.Set(k, v);
        }
        TempRoots.PopTo(mark);
    }
}

public static class SetOps
{
    public static SetObject Op(int kind, SetObject a, SetObject b) => kind switch
    {
        Arith.BitOr => new SetObject(a.Table.Union(b.Table)),
        Arith.BitAnd => new SetObject(a.Table.Intersection(b.Table)),
        Arith.Sub => new SetObject(a.Table.Difference(b.Table)),
        _ => new SetObject(a.Table.SymmetricDifference(b.Table)),
    };

    /// <summary>set op= set (both operands sets; otherwise the binary operator is used).</summary>
    public static Value Inplace(int kind, Value a, Value b)
    {
        var sa = Sets.Get(a).Table; var sb = Sets.Get(b).Table;
        switch (kind)
        {
            case Arith.BitOr: sa.Update(sb); break;
            case Arith.BitAnd: sa.IntersectionUpdate(sb); break;
            case Arith.Sub: sa.DifferenceUpdate(sb); break;
            default: sa.SymmetricDifferenceUpdate(sb); break;
        }
        return a;
    }

    /// <summary>s.update(iterable) (set_update_internal: a set merged, a dict's keys presized).</summary>
    public static void UpdateFrom(SetObject s, Value iterable)
    {
        if (Sets.IsSet(iterable)) { s.Table.Update(Sets.Get(iterable).Table); return; }
        if (iterable.Is(ObjectKind.Dict))
        {
            var d = Dicts.Get(iterable);
            var keys = new List<Value>(d.Count);
            var hashes = new List<long>(d.Count);
            for (int e = 0; e < d.Used; e++)
            {
                var k = d.KeyAt(e);
                if (k.IsEmpty) continue;
                keys.Add(k);
                hashes.Add(d.HashAt(e));
            }
            s.Table.UpdateFromDict(CollectionsMarshal.AsSpan(keys), CollectionsMarshal.AsSpan(hashes));
            return;
        }
        s.Table.UpdateFrom(Protocols.ToList(iterable));
    }

    /// <summary>s.difference(other) as set_difference: a set or dict operand (a dict as its keys, same
    /// size) by SetTable.Difference; any other iterable copies s and discards from it.</summary>
    public static SetObject Difference(SetObject s, Value other)
    {
        if (Sets.IsSet(other)) return new SetObject(s.Table.Difference(Sets.Get(other).Table));
        if (other.Is(ObjectKind.Dict)) return new SetObject(s.Table.Difference(Sets.FromIterable(other).Table));
        var r = s.Copy();
        r.Table.DifferenceUpdateFrom(Protocols.ToList(other));
        return r;
    }

    /// <summary>s.intersection(other) as set_intersection: a set by SetTable.Intersection, any other
    /// iterable in its own order (its items are the ones kept), which decides the result's layout.</summary>
    public static SetObject Intersection(SetObject s, Value other) => Sets.IsSet(other)
        ? new SetObject(s.Table.Intersection(Sets.Get(other).Table))
        : new SetObject(s.Table.IntersectionWith(Protocols.ToList(other)));

    /// <summary>s.symmetric_difference(other) as set_symmetric_difference: set(other), then updated
    /// with s.</summary>
    public static SetObject SymmetricDifference(SetObject s, Value other)
    {
        var r = Sets.FromIterable(other);
        r.Table.SymmetricDifferenceUpdate(s.Table);
        return r;
    }

    /// <summary>s.difference_update(iterable).</summary>
    public static void DifferenceUpdateFrom(SetObject s, Value iterable)
    {
        if (Sets.IsSet(iterable)) s.Table.DifferenceUpdate(Sets.Get(iterable).Table);
        else s.Table.DifferenceUpdateFrom(Protocols.ToList(iterable));
    }

    /// <summary>s.symmetric_difference_update(iterable): a set as it is (its table order), a dict's keys
    /// in order, else the iterable made a set first (set_symmetric_difference_update).</summary>
    public static void SymmetricDifferenceUpdateFrom(SetObject s, Value iterable)
    {
        if (iterable.Is(ObjectKind.Dict))
        {
            foreach (var (k, _) in Dicts.Get(iterable).Items().ToArray())
                if (!s.Remove(k)) s.Add(k);
            return;
        }
        var other = Sets.IsSet(iterable) ? Sets.Get(iterable) : Sets.FromIterable(iterable);
        s.Table.SymmetricDifferenceUpdate(other.Table);
    }
}
