// Methods of list and tuple, and the stable sort used by list.sort and sorted().
using System.Runtime.CompilerServices;
namespace Lbbv.Runtime;

public static unsafe class ListMethods
{
    public static void Register(TypeBuilder t)
    {
        t.Method("append", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => { a.Exactly(2, "append"); Lists.Append(a[0], a[1]); return Value.None; });
        t.Method("extend", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => { a.Exactly(2, "extend"); ListOps.Extend(a[0], a[1]); return Value.None; });
        t.Method("insert", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            if (a.Count != 3) throw Errors.Type($"insert expected 2 arguments, got {a.Count - 1}");
            Lists.Insert(a[0], Ints.ToLong(a[1]), a[2]);
            return Value.None;
        });
        t.Method("pop", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            a.Range(1, 2, "pop");
            long n = Lists.Count(a[0]);
            if (n == 0) throw Errors.Index("pop from empty list");
            long i = a.Count > 1 ? Ints.ToLong(a[1]) : n - 1;
            if (i < 0) i += n;
            if (i < 0 || i >= n) throw Errors.Index("pop index out of range");
            return Lists.RemoveAt(a[0], i);
        });
        t.Method("remove", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            a.Exactly(2, "remove");
            long i = Find(a[0], a[1], 0, long.MaxValue);
            if (i < 0) throw Errors.ValueErr("list.remove(x): x not in list");
            Lists.RemoveAt(a[0], i);
            return Value.None;
        });
        t.Method("index", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            a.Range(2, 4, "index");
            long n = Lists.Count(a[0]);
            long start = a.Count > 2 ? Norm(Ints.ToLong(a[2]), n) : 0, stop = a.Count > 3 ? Norm(Ints.ToLong(a[3]), n) : n;
            long i = Find(a[0], a[1], start, stop);
            if (i < 0) throw Errors.ValueErr($"{Repr.Of(a[1])} is not in list");
            return Value.Int(i);
        });
        t.Method("count", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            a.Exactly(2, "count");
            long c = 0;
            var l = Lists.P(a[0]);
            for (long i = 0; i < l->Count; i++) if (Protocols.EqualsForContainer(l->Items[i], a[1])) c++;
            return Value.Int(c);
        });
        t.Method("reverse", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => { a.Exactly(1, "reverse"); Lists.Span(a[0]).Reverse(); return Value.None; });
        t.Method("copy", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => { a.Exactly(1, "copy"); return Lists.FromSpan(Lists.Span(a[0])); });
        t.Method("clear", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => { a.Exactly(1, "clear"); Lists.Clear(a[0]); return Value.None; });
        t.Method("sort", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            if (a.Count > 1) throw Errors.Type("sort() takes no positional arguments");
            a.AllowKw("sort", "key", "reverse");
            var key = a.Kw("key");
            var rev = a.Kw("reverse");
            Sort(a[0], key.IsEmpty ? Value.None : key, !rev.IsEmpty && Protocols.IsTrue(rev));
            return Value.None;
        });
        t.Method("__len__", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Value.Int(Lists.Count(a[0])));
        t.Method("__getitem__", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Items.Get(a[0], a[1]));
        t.Method("__contains__", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Value.Bool(Protocols.Contains(a[0], a[1])));
    }

    static long Norm(long i, long n) { if (i < 0) { i += n; if (i < 0) i = 0; } return Math.Min(i, n); }

    static long Find(Value list, Value x, long start, long stop)
    {
        var l = Lists.P(list);
        for (long i = start; i < Math.Min(stop, l->Count); i++) if (Protocols.EqualsForContainer(l->Items[i], x)) return i;
        return -1;
    }

    /// <summary>Stable sort with `<` only (as CPython); the list is emptied while sorting.</summary>
    public static void Sort(Value list, Value key, bool reverse)
    {
        var items = Lists.Span(list).ToArray();
        int n = items.Length;
        if (n < 2) { if (reverse) Lists.Span(list).Reverse(); return; }
        int mark = TempRoots.Count;
        try
        {
            var keysHolder = Lists.New(n);
            TempRoots.Add(keysHolder);
            TempRoots.Add(Lists.FromSpan(items));
            var keys = items;
            if (!key.IsNone)
            {
                keys = new Value[n];
                for (int i = 0; i < n; i++) { keys[i] = Calls.Call(key, items[i]); Lists.Append(keysHolder, keys[i]); }
            }
            Lists.Clear(list);
            var idx = new int[n];
            for (int i = 0; i < n; i++) idx[i] = reverse ? n - 1 - i : i;
            var tmp = new int[n];
            MergeSort(idx, tmp, 0, n, keys, reverse);
            var sorted = new Value[n];
            for (int i = 0; i < n; i++) sorted[i] = items[idx[i]];
            if (reverse) Array.Reverse(sorted);
            if (Lists.Count(list) != 0) throw Errors.ValueErr("list modified during sort");
            Lists.ReplaceRange(list, 0, 0, sorted);
        }
        catch
        {
            if (Lists.Count(list) == 0) Lists.ReplaceRange(list, 0, 0, items);
            throw;
        }
        finally { TempRoots.PopTo(mark); }
    }

    static bool Less(Value a, Value b)
    {
        if (a.IsInt && b.IsInt) return a.Payload < b.Payload;
        if (a.IsFloat && b.IsFloat) return a.AsFloat < b.AsFloat;
        return Protocols.IsTrue(Compare.Rich(Compare.Lt, a, b));
    }

    static void MergeSort(int[] idx, int[] tmp, int lo, int hi, Value[] keys, bool reverse)
    {
        if (hi - lo < 2) return;
        if (hi - lo <= 8)
        {
            for (int i = lo + 1; i < hi; i++)
            {
                int x = idx[i];
                int j = i - 1;
                while (j >= lo && Less(keys[x], keys[idx[j]])) { idx[j + 1] = idx[j]; j--; }
                idx[j + 1] = x;
            }
            return;
        }
        int mid = (lo + hi) / 2;
        MergeSort(idx, tmp, lo, mid, keys, reverse);
        MergeSort(idx, tmp, mid, hi, keys, reverse);
        if (!Less(keys[idx[mid]], keys[idx[mid - 1]])) return;
        int a = lo, b = mid, k = lo;
        while (a < mid && b < hi) tmp[k++] = Less(keys[idx[b]], keys[idx[a]]) ? idx[b++] : idx[a++];
        while (a < mid) tmp[k++] = idx[a++];
        while (b < hi) tmp[k++] = idx[b++];
        Array.Copy(tmp, lo, idx, lo, hi - lo);
    }
}

public static class TupleMethods
{
    public static void Register(TypeBuilder t)
    {
        t.Method("index", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            var items = Tuples.Span(a[0]);
            for (int i = 0; i < items.Length; i++) if (Protocols.EqualsForContainer(items[i], a[1])) return Value.Int(i);
            throw Errors.ValueErr("tuple.index(x): x not in tuple");
        });
        t.Method("count", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            long c = 0;
            foreach (var v in Tuples.Span(a[0])) if (Protocols.EqualsForContainer(v, a[1])) c++;
            return Value.Int(c);
        });
        t.Method("__len__", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Value.Int(Tuples.Count(a[0])));
        t.Method("__getitem__", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Items.Get(a[0], a[1]));
    }
}
