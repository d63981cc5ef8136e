// Set operations, comparisons and isdisjoint of dict key and item views, as CPython 3.11's
// dictviews_or/_sub/_xor, _PyDictView_Intersect, dictitems_xor, dictview_richcompare and
// dictviews_isdisjoint: the result set gets its elements in CPython's order of insertion, which
// decides its iteration order. Either operand may be the view (`{2} | d.keys()`: the left operand's
// elements go in first, as CPython's reflected call of the view's slot does). Keys and user __eq__ /
// __hash__ may run Python code (and the collector): what is iterated is a rooted snapshot.
using System.Runtime.InteropServices;

namespace Lbbv.Runtime;

public static class DictViewOps
{
    /// <summary>A keys or items view (values views are not set-like).</summary>
    public static bool IsSetLike(Value v) => View(v) is { Mode: 0 or 2 };

    static DictView? View(Value v) => v.Is(ObjectKind.Other) ? Obj.Companion(v) as DictView : null;

    static bool IsItems(Value v) => View(v) is { Mode: 2 };

    /// <summary>a | b, a &amp; b, a - b, a ^ b where a or b is a keys or items view.</summary>
    public static Value Binary(int kind, Value a, Value b)
    {
        using var roots = TempRoots.Mark_();
        if (kind == Arith.BitAnd) return Intersect(a, b);
        if (kind == Arith.BitXor && IsItems(a) && IsItems(b)) return ItemsXor(a, b);
        var result = ToSet(a);
        TempRoots.Add(Sets.New(result));
        switch (kind)
        {
            case Arith.BitOr: SetOps.UpdateFrom(result, b); break;
            case Arith.Sub: SetOps.DifferenceUpdateFrom(result, b); break;
            default: SetOps.SymmetricDifferenceUpdateFrom(result, b); break;
        }
        return Sets.New(result);
    }

    /// <summary>dictviews_to_set: set(v), where a keys view is read as its dict.</summary>
    static SetObject ToSet(Value v) => Sets.FromIterable(View(v) is { Mode: 0 } dv ? dv.Dict : v);

    static Value Intersect(Value a, Value b)
    {
        // The view is `self`; CPython swaps the operands when the view is on the right.
        Value self = a, other = b;
        if (!IsSetLike(self)) (self, other) = (other, self);
        long lenSelf = Protocols.Len(self);
        if (other.Is(ObjectKind.Set) && lenSelf <= Sets.Get(other).Count)
            return Sets.New(new SetObject(Sets.Get(other).Table.IntersectionWith(Items(self).ToArray())));
        if (IsSetLike(other) && Protocols.Len(other) > lenSelf) (self, other) = (other, self);
        var result = new SetObject();
        TempRoots.Add(Sets.New(result));
        foreach (var key in Items(other))
            if (Contains(self, key)) result.Add(key);
        return Sets.New(result);
    }

    /// <summary>dictitems_xor: the pairs of one dict that the other lacks or maps to another value.</summary>
    static Value ItemsXor(Value a, Value b)
    {
        var remaining = Dicts.Get(View(a)!.Dict).Copy();
        var result = new SetObject();
        TempRoots.Add(Sets.New(result));
        TempRoots.Add(Dicts.New(remaining));
        foreach (var pair in Items(b))
        {
            Value key = Tuples.Span(pair)[0], value = Tuples.Span(pair)[1];
            bool same = remaining.TryGet(key, out var mine) && Protocols.EqualsForContainer(mine, value);
            if (same) remaining.Remove(key, out _);
            else result.Add(pair);
        }
        foreach (var (key, value) in remaining.Items().ToArray()) result.Add(Tuples.Of(key, value));
        return Sets.New(result);
    }

    /// <summary>`item in view` for a keys or items view.</summary>
    public static bool Contains(Value view, Value item)
    {
        var dv = View(view)!;
        var d = Dicts.Get(dv.Dict);
        if (dv.Mode == 0) return d.ContainsKey(item);
        if (!item.Is(ObjectKind.Tuple) || Tuples.Count(item) != 2) return false;
        var pair = Tuples.Span(item);
        return d.TryGet(pair[0], out var v) && Protocols.EqualsForContainer(v, pair[1]);
    }

    /// <summary>view op other (dictview_richcompare): NotImplemented unless other is a set,
    /// frozenset, or keys or items view.</summary>
    public static Value Compare(int op, Value view, Value other)
    {
        if (!Sets.IsSet(other) && !IsSetLike(other)) return Types.NotImplemented;
        using var roots = TempRoots.Mark_();
        long lenSelf = Protocols.Len(view), lenOther = Protocols.Len(other);
        bool ok = op switch
        {
            Runtime.Compare.Eq or Runtime.Compare.Ne => lenSelf == lenOther && AllContainedIn(view, other),
            Runtime.Compare.Lt => lenSelf < lenOther && AllContainedIn(view, other),
            Runtime.Compare.Le => lenSelf <= lenOther && AllContainedIn(view, other),
            Runtime.Compare.Gt => lenSelf > lenOther && AllContainedIn(other, view),
            _ => lenSelf >= lenOther && AllContainedIn(other, view),
        };
        return Value.Bool(op == Runtime.Compare.Ne ? !ok : ok);
    }

    static bool AllContainedIn(Value a, Value b)
    {
        foreach (var x in Items(a))
            if (!Protocols.Contains(b, x)) return false;
        return true;
    }

    /// <summary>view.isdisjoint(other).</summary>
    public static bool IsDisjoint(Value view, Value other)
    {
        if (view.Same(other)) return Protocols.Len(view) == 0;
        using var roots = TempRoots.Mark_();
        Value self = view;
        bool sized = Sets.IsSet(other) || IsSetLike(other);
        if (sized && Protocols.Len(other) > Protocols.Len(self)) (self, other) = (other, self);
        foreach (var x in Items(other))
            if (Protocols.Contains(self, x)) return false;
        return true;
    }

    /// <summary>The items of an iterable, in a tuple rooted until the caller's TempRoots scope ends.</summary>
    static ReadOnlySpan<Value> Items(Value iterable)
    {
        var t = Tuples.FromSpan(CollectionsMarshal.AsSpan(Protocols.ToList(iterable)));
        TempRoots.Add(t);
        return Tuples.Span(t);
    }
}
