// Iterator companions. Next() returns Empty when exhausted (never a .NET exception).
// Range and list iterators are native objects instead (NativeIterators.cs).
using System.Runtime.CompilerServices;
namespace Lbbv.Runtime;

public abstract class IteratorObject : ITraceable
{
    public abstract ClassObject Type { get; }
    public abstract Value Next();
    public virtual void Trace() { }
}

public sealed unsafe class ListReverseIterator(Value list) : IteratorObject
{
    readonly Value list = list;
    long i = Lists.Count(list) - 1;
    public override ClassObject Type => Types.ListReverseIterator;
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override Value Next()
    {
        var l = Lists.P(list);
        // SAFETY: bounds checked.
        if (i >= 0 && i < l->Count) return l->Items[i--];
        i = -1;
        return Value.Empty;
    }
    public override void Trace() => Gc.Mark(list);
}

public sealed unsafe class TupleIterator(Value tuple) : IteratorObject
{
    readonly Value tuple = tuple;
    long i;
    public override ClassObject Type => Types.TupleIterator;
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override Value Next() => i < Tuples.Count(tuple) ? Tuples.Items(tuple)[i++] : Value.Empty;
    public override void Trace() => Gc.Mark(tuple);
}

public sealed class StrIterator(string s) : IteratorObject
{
    readonly string s = s;
    int i;
    public override ClassObject Type => Types.StrIterator;
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override Value Next()
    {
        if (i >= s.Length) return Value.Empty;
        if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length) { i += 2; return Strs.New(s.Substring(i - 2, 2)); }
        return Strs.New(s[i++].ToString());
    }
}

/// <summary>Iterates a dict's keys, values or items, failing if the dict changes size.</summary>
public sealed class DictIterator(Value dict, int mode) : IteratorObject
{
    readonly Value dict = dict;
    readonly int mode = mode; // 0 keys, 1 values, 2 items
    int i;
    readonly int version = Dicts.Get(dict).Version;
    readonly int count = Dicts.Get(dict).Count;
    public override ClassObject Type => mode == 0 ? Types.DictKeyIterator : mode == 1 ? Types.DictValueIterator : Types.DictItemIterator;
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override Value Next()
    {
        var d = Dicts.Get(dict);
        if (d.Version != version)
        {
            if (d.Count != count) throw Errors.New(Types.RuntimeError, "dictionary changed size during iteration");
            throw Errors.New(Types.RuntimeError, "dictionary keys changed during iteration");
        }
        while (i < d.Used)
        {
            int e = i++;
            var k = d.KeyAt(e);
            if (k.IsEmpty) continue;
            return mode == 0 ? k : mode == 1 ? d.ValueAt(e) : Tuples.Of(k, d.ValueAt(e));
        }
        return Value.Empty;
    }
    public override void Trace() => Gc.Mark(dict);
}

/// <summary>An iterator over a snapshot of values (sets, dict views of copies, sorted...).</summary>
public sealed class ArrayIterator(Value[] items, ClassObject type) : IteratorObject
{
    readonly Value[] items = items;
    readonly ClassObject type = type;
    int i;
    public override ClassObject Type => type;
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override Value Next() => i < items.Length ? items[i++] : Value.Empty;
    public override void Trace() { foreach (var v in items) Gc.Mark(v); }
}

/// <summary>The iterator of an object with __getitem__ only (the old sequence protocol).</summary>
public sealed class SeqIterator(Value seq) : IteratorObject
{
    readonly Value seq = seq;
    long i;
    bool done;
    public override ClassObject Type => Types.SeqIterator;
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override Value Next()
    {
        if (done) return Value.Empty;
        try { return Items.Get(seq, Value.Int(i++)); }
        catch (PyException e) when (Exceptions.Matches(e.Exc, Types.IndexError) || Exceptions.Matches(e.Exc, Types.StopIteration))
        { done = true; return Value.Empty; }
    }
    public override void Trace() => Gc.Mark(seq);
}

/// <summary>Iterator implemented by a .NET generator function (map, filter, zip, enumerate...).
/// The captured state must be traced by `trace`.</summary>
public sealed class NativeIterator(ClassObject type, Func<Value> next, Action trace) : IteratorObject
{
    public override ClassObject Type => type;
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override Value Next() => next();
    public override void Trace() => trace();
}

public static class Iterators
{
    public static Value New(IteratorObject it) => Obj.New(ObjectKind.Iterator, it);
}
