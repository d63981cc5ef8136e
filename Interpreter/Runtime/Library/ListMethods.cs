// Methods of list and tuple, and the stable sort used by list.sort and sorted().
using System.Runtime.CompilerServices;
using Lbbv.Support;
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
            // The index is converted first (CPython: `[].pop((1, 2))` is a TypeError, not an IndexError).
            long i = a.Count > 1 ? Ints.ToLong(a[1]) : n - 1;
            if (n == 0) throw Errors.Index("pop from empty list");
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
        t.Method("reverse", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => { a.Exactly(1, "reverse"); Lists.Reverse(a[0]); return Value.None; });
        t.Method("copy", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => { a.SelfOnly("list.copy"); return Lists.FromSpan(Lists.ReadOnly(a[0])); });
        t.Method("clear", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => { a.SelfOnly("list.clear"); Lists.Clear(a[0]); return Value.None; });
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

    /// <summary>list.sort as CPython's list_sort_impl: the list is empty while keys are computed and
    /// items compared (changes made meanwhile are dropped, and reported as "list modified during
    /// sort"); reverse sorts the reversed items stably and reverses back; the sort itself is CPython's
    /// (<see cref="ListSort{T}"/>), so an exception from a comparison leaves the list as CPython does.</summary>
    public static void Sort(Value list, Value key, bool reverse)
    {
        var items = Lists.Span(list).ToArray();
        int n = items.Length;
        int mark = TempRoots.Count;
        try
        {
            TempRoots.Add(Lists.FromSpan(items));
            Lists.Clear(list);
            Value[]? keys = null;
            try
            {
                if (!key.IsNone)
                {
                    var keysHolder = Lists.New(n);
                    TempRoots.Add(keysHolder);
                    keys = new Value[n];
                    for (int i = 0; i < n; i++) { keys[i] = Calls.Call(key, items[i]); Lists.Append(keysHolder, keys[i]); }
                }
            }
            catch
            {
                Restore(list, items);
                throw;
            }
            bool reversed = reverse && n > 1;
            if (reversed)
            {
                Array.Reverse(items);
                if (keys != null) Array.Reverse(keys);
            }
            bool sorted = false;
            try
            {
                ListSort<Value>.Sort(keys ?? items, keys == null ? null : items, Less);
                sorted = true;
            }
            finally
            {
                if (reversed) Array.Reverse(items);
                bool modified = Lists.Count(list) != 0;
                Restore(list, items);
                // Reported only when no comparison raised (CPython keeps the first error).
                if (modified && sorted) throw Errors.ValueErr("list modified during sort");
            }
        }
        finally { TempRoots.PopTo(mark); }
    }

    static void Restore(Value list, Value[] items)
    {
        Lists.Clear(list);
        Lists.ReplaceRange(list, 0, 0, items);
    }

    static bool Less(Value a, Value b)
    {
        if (a.IsInt && b.IsInt) return a.Payload < b.Payload;
        if (a.IsFloat && b.IsFloat) return a.AsFloat < b.AsFloat;
        return Protocols.IsTrue(Compare.Rich(Compare.Lt, a, b));
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
