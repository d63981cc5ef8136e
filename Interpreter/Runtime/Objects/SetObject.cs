// set / frozenset companion over Lbbv.Support.SetTable (CPython's exact iteration and pop order).
using Lbbv.Support;

namespace Lbbv.Runtime;

public sealed class SetObject : ITraceable
{
    static readonly Func<Value, long> hash = Protocols.Hash;
    static readonly Func<Value, Value, bool> equals = (a, b) => a.Same(b) || Protocols.KeyEquals(a, b);

    public SetTable<Value> Table;

    public SetObject() { Table = new SetTable<Value>(hash, equals); }
    public SetObject(SetTable<Value> table) { Table = table; }

    public int Count => Table.Count;

    public void Trace()
    {
        int pos = 0;
        while (Table.TryGetNext(ref pos, out var v)) Gc.Mark(v);
    }

    public bool Contains(Value v) => Table.Contains(v);
    public bool Add(Value v) => Table.Add(v);
    public bool Remove(Value v) => Table.Discard(v);
    public void Clear() => Table.Clear();
    public Value Pop() => Table.Count == 0 ? Value.Empty : Table.Pop();
    public Value[] ToArray() => Table.ToList().ToArray();
    public SetObject Copy() => new(Table.Copy());
    public long FrozenHash() => Table.FrozenSetHash();
}

public static class Sets
{
    public static SetObject Get(Value v) => Obj.Get<SetObject>(v);
    public static Value New(SetObject s, bool frozen = false) => Obj.New(frozen ? ObjectKind.FrozenSet : ObjectKind.Set, s);
    public static bool IsSet(Value v) => v.IsObject && (v.Kind == ObjectKind.Set || v.Kind == ObjectKind.FrozenSet);
    /// <summary>A set used as a lookup key is compared as a frozenset (CPython does the same).</summary>
    public static Value KeyForLookup(Value v) => v.Is(ObjectKind.Set) ? New(Get(v), true) : v;

    public static SetObject FromIterable(Value iterable)
    {
        if (IsSet(iterable)) return Get(iterable).Copy();
        var s = new SetObject();
        SetOps.UpdateFrom(s, iterable);
        return s;
    }
}
