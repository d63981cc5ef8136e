// Subscription: obj[key], obj[key] = v, del obj[key] (indices and slices).
using System.Runtime.CompilerServices;
using System.Text;

namespace Lbbv.Runtime;

public static unsafe class Items
{
    /// <summary>CPython's PySlice_GetIndicesEx: (start, stop, step, slicelength).</summary>
    public static (long Start, long Stop, long Step, long Length) SliceIndices(SliceObject s, long n) =>
        SliceIndices(s.Start, s.Stop, s.Step, n);

    /// <summary>As for a slice object of these bounds (None for a missing one).</summary>
    public static (long Start, long Stop, long Step, long Length) SliceIndices(Value lo, Value hi, Value by, long n)
    {
        long step = 1;
        if (!by.IsNone)
        {
            step = SliceInt(by);
            if (step == 0) throw Errors.ValueErr("slice step cannot be zero");
        }
        long start, stop;
        if (lo.IsNone) start = step < 0 ? n - 1 : 0;
        else
        {
            start = SliceInt(lo);
            if (start < 0) { start += n; if (start < 0) start = step < 0 ? -1 : 0; }
            else if (start >= n) start = step < 0 ? n - 1 : n;
        }
        if (hi.IsNone) stop = step < 0 ? -1 : n;
        else
        {
            stop = SliceInt(hi);
            if (stop < 0) { stop += n; if (stop < 0) stop = step < 0 ? -1 : 0; }
            else if (stop >= n) stop = step < 0 ? n - 1 : n;
        }
        long len;
        if (step < 0) len = stop < start ? (start - stop - 1) / (-step) + 1 : 0;
        else len = start < stop ? (stop - start - 1) / step + 1 : 0;
        return (start, stop, step, len);
    }

    /// <summary>`list[lo:hi]` with each bound None or an int: the clamped range copied into a new list.</summary>
    static Value ListRange(Value list, Value lo, Value hi)
    {
        var l = Lists.P(list);
        long n = l->Count;
        long start = lo.IsNone ? 0 : ClampBound(lo.Payload, n);
        long stop = hi.IsNone ? n : ClampBound(hi.Payload, n);
        // SAFETY: 0 <= start <= n; the copy reads stop - start items from start when positive.
        return Lists.NewCopy(l->Items + start, Math.Max(0, stop - start), l->ElementKind);
    }

    /// <summary>A slice bound of a sequence of n items with step 1, as PySlice_AdjustIndices: a
    /// negative one counts from the end, then it is clamped to [0, n].</summary>
    static long ClampBound(long bound, long n)
    {
        if (bound < 0) { bound += n; return bound < 0 ? 0 : bound; }
        return bound > n ? n : bound;
    }

    static Value Unpacked(Value bound) => bound.IsNone || bound.IsInt ? bound : Value.Int(SliceInt(bound));

    static long SliceInt(Value v)
    {
        if (v.IsInt || v.IsBool) return v.Payload;
        if (Ints.IsBig(v)) return Ints.ToBig(v).Sign < 0 ? long.MinValue / 2 : long.MaxValue / 2;
        if (Arith.IsUser(v))
        {
            var m = Types.Of(v).Lookup("__index__");
            if (!m.IsEmpty) return Ints.ToLong(Calls.CallMethod(m, v));
        }
        throw Errors.Type("slice indices must be integers or None or have an __index__ method");
    }

    /// <summary>An index into a sequence of length n (negative counts from the end); -1 when out of range.</summary>
    static long Index(Value key, long n, string typeName)
    {
        long i;
        if (key.IsInt || key.IsBool) i = key.Payload;
        else if (Ints.IsBig(key)) throw Errors.Index($"cannot fit 'int' into an index-sized integer");
        else if (Arith.IsUser(key) && !Types.Of(key).Lookup("__index__").IsEmpty)
            i = Ints.ToLong(Calls.CallMethod(Types.Of(key).Lookup("__index__"), key));
        else if (typeName == "string") throw Errors.Type($"string indices must be integers, not '{Types.NameOf(key)}'");
        else throw Errors.Type($"{typeName} indices must be integers or slices, not {Types.NameOf(key)}");
        if (i < 0) i += n;
        return i < 0 || i >= n ? -1 : i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Value Get(Value o, Value key)
    {
        if (o.IsObject)
        {
            switch (o.Kind)
            {
                case ObjectKind.List:
                    {
                        if (key.Is(ObjectKind.Slice)) return GetSlice(o, Slices.Get(key));
                        long idx = Index(key, Lists.Count(o), "list");
                        if (idx < 0) throw Errors.Index("list index out of range");
                        return Lists.P(o)->Items[idx];
                    }
                case ObjectKind.Tuple:
                    {
                        if (key.Is(ObjectKind.Slice)) return GetSlice(o, Slices.Get(key));
                        long idx = Index(key, Tuples.Count(o), "tuple");
                        if (idx < 0) throw Errors.Index("tuple index out of range");
                        return Tuples.Items(o)[idx];
                    }
                case ObjectKind.Str:
                    return key.Is(ObjectKind.Slice) ? GetSlice(o, Slices.Get(key)) : StrGet(Strs.Obj_(o), key);
                case ObjectKind.Dict:
                    {
                        var d = Dicts.Get(o);
                        if (d.TryGet(key, out var v)) return v;
                        throw Errors.Key(key);
                    }
                case ObjectKind.Range:
                    {
                        var r = Ranges.Get(o);
                        if (key.Is(ObjectKind.Slice)) return GetSlice(o, Slices.Get(key));
                        long idx = Index(key, r.Length, "range");
                        if (idx < 0) throw Errors.Index("range object index out of range");
                        return Value.Int(r.Start + idx * r.Step);
                    }
                case ObjectKind.Instance:
                case ObjectKind.Exception:
                    {
                        var m = Types.Of(o).Lookup("__getitem__");
                        if (!m.IsEmpty) return Calls.CallMethod(m, o, key);
                        break;
                    }
                case ObjectKind.Other:
                    if (Obj.Companion(o) is BigRangeObject br) return br.Item(key);
                    break;
                case ObjectKind.Class:
                    {
                        var cls = ClassObject.Of(o);
                        var getItem = Metaclasses.Method(cls, "__getitem__");
                        if (!getItem.IsEmpty) return Calls.CallMethod(getItem, o, key);
                        var classGetItem = cls.Lookup("__class_getitem__");
                        if (!classGetItem.IsEmpty)
                        {
                            if (classGetItem.Is(ObjectKind.Function)) return Calls.Call(classGetItem, o, key);
                            return Calls.CallMethod(classGetItem, o, key);
                        }
                        if (cls.IsBuiltin) return o; // list[int] etc. in annotations
                        break;
                    }
            }
        }
        throw Errors.Type($"'{Types.NameOf(o)}' object is not subscriptable");
    }

    static Value GetSlice(Value o, SliceObject s) => GetSlice(o, s.Start, s.Stop, s.Step);

    /// <summary>`o[lo:hi:by]` (None for a missing bound) without a slice object when o is a list,
    /// tuple, str or range; any other o is subscripted by a new slice object.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Value GetSlice(Value o, Value lo, Value hi, Value by)
    {
        switch (o.IsObject ? o.Kind : ObjectKind.Other)
        {
            case ObjectKind.List:
                {
                    if (by.IsNone && (lo.IsNone || lo.IsInt) && (hi.IsNone || hi.IsInt)) return ListRange(o, lo, hi);
                    // Bounds with __index__ run before the length is read (they may change the list), as in CPython.
                    by = Unpacked(by);
                    if (by.IsInt && by.Payload == 0) throw Errors.ValueErr("slice step cannot be zero");
                    lo = Unpacked(lo);
                    hi = Unpacked(hi);
                    var (start, _, step, len) = SliceIndices(lo, hi, by, Lists.Count(o));
                    var src = Lists.P(o)->Items;
                    var r = Lists.New(len);
                    var l = Lists.P(r);
                    // SAFETY: SliceIndices keeps every start + i*step (i < len) inside the source's count.
                    if (step == 1) Buffer.MemoryCopy(src + start, l->Items, len * Layout.ValueSize, len * Layout.ValueSize);
                    else for (long i = 0; i < len; i++) l->Items[i] = src[start + i * step];
                    l->Count = len;
                    l->ElementKind = len > 0 ? Lists.P(o)->ElementKind : Lists.NoKind; // a part of the items
                    return r;
                }
            case ObjectKind.Tuple:
                {
                    var src = Tuples.Span(o);
                    var (start, _, step, len) = SliceIndices(lo, hi, by, src.Length);
                    if (step == 1 && len == src.Length) return o;
                    var r = Tuples.New(len);
                    var items = Tuples.Items(r);
                    for (long i = 0; i < len; i++) items[i] = src[(int)(start + i * step)];
                    return r;
                }
            case ObjectKind.Str:
                {
                    var s = Strs.Obj_(o);
                    if (!s.HasAstral)
                    {
                        string str = s.V;
                        var (start, _, step, len) = SliceIndices(lo, hi, by, str.Length);
                        if (step == 1) return Strs.New(str.Substring((int)start, (int)len));
                        var sb = new StringBuilder((int)len);
                        for (long i = 0; i < len; i++) sb.Append(str[(int)(start + i * step)]);
                        return Strs.New(sb.ToString());
                    }
                    var cps = s.CodePoints();
                    var (cStart, _, cStep, cLen) = SliceIndices(lo, hi, by, cps.Length);
                    var sbc = new StringBuilder();
                    for (long i = 0; i < cLen; i++) sbc.Append(char.ConvertFromUtf32(cps[cStart + i * cStep]));
                    return Strs.New(sbc.ToString());
                }
            case ObjectKind.Range:
                {
                    var r = Ranges.Get(o);
                    // CPython's compute_slice: the bounds map through the range, the length does not enter.
                    var (start, stop, step, _) = SliceIndices(lo, hi, by, r.Length);
                    return Ranges.New(r.Start + start * r.Step, r.Start + stop * r.Step, r.Step * step);
                }
            default:
                return Get(o, Slices.New(lo, hi, by));
        }
    }

    static Value StrGet(StrObject s, Value key)
    {
        if (!s.HasAstral)
        {
            string str = s.V;
            long idx = Index(key, str.Length, "string");
            if (idx < 0) throw Errors.Index("string index out of range");
            return Strs.New(str[(int)idx].ToString());
        }
        var cps = s.CodePoints();
        long j = Index(key, cps.Length, "string");
        if (j < 0) throw Errors.Index("string index out of range");
        return Strs.FromCodePoint(cps[j]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Set(Value o, Value key, Value v)
    {
        if (o.IsObject)
        {
            switch (o.Kind)
            {
                case ObjectKind.List:
                    {
                        if (key.Is(ObjectKind.Slice)) { ListOps.SetSlice(o, Slices.Get(key), v); return; }
                        long idx = Index(key, Lists.Count(o), "list");
                        if (idx < 0) throw Errors.Index("list assignment index out of range");
                        Lists.P(o)->Items[idx] = v;
                        Lists.NoteStored(Lists.P(o), v);
                        return;
                    }
                case ObjectKind.Dict:
                    Dicts.Get(o).Set(key, v);
                    return;
                case ObjectKind.Instance:
                case ObjectKind.Exception:
                    {
                        var m = Types.Of(o).Lookup("__setitem__");
                        if (!m.IsEmpty) { Calls.CallMethod(m, o, key, v); return; }
                        break;
                    }
            }
        }
        throw Errors.Type($"'{Types.NameOf(o)}' object does not support item assignment");
    }

    public static void Delete(Value o, Value key)
    {
        if (o.IsObject)
        {
            switch (o.Kind)
            {
                case ObjectKind.List:
                    {
                        if (key.Is(ObjectKind.Slice)) { ListOps.DeleteSlice(o, Slices.Get(key)); return; }
                        long idx = Index(key, Lists.Count(o), "list");
                        if (idx < 0) throw Errors.Index("list assignment index out of range");
                        Lists.RemoveAt(o, idx);
                        return;
                    }
                case ObjectKind.Dict:
                    if (!Dicts.Get(o).Remove(key, out _)) throw Errors.Key(key);
                    return;
                case ObjectKind.Instance:
                case ObjectKind.Exception:
                    {
                        var m = Types.Of(o).Lookup("__delitem__");
                        if (!m.IsEmpty) { Calls.CallMethod(m, o, key); return; }
                        break;
                    }
            }
        }
        throw Errors.Type($"'{Types.NameOf(o)}' object doesn't support item deletion");
    }
}
