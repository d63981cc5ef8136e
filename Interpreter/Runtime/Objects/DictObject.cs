// dict: CPython-style compact ordered hash table (an index array over insertion-ordered entries).
using System.Runtime.CompilerServices;
namespace Lbbv.Runtime;

public sealed class DictObject : ITraceable
{
    int[] index = Empty8();
    long[] hashes = new long[4];
    Value[] keys = new Value[4];
    Value[] vals = new Value[4];
    int used;   // entries in use (including deleted holes)
    int count;
    int version;
    /// <summary>Set when the entries are another object's namespace (globals(), obj.__dict__):
    /// every operation then goes to it and the table above stays empty.</summary>
    readonly NamespaceStore? ns;

    public DictObject() { }
    public DictObject(NamespaceStore store) { ns = store; }

    public int Count => ns == null ? count : ns.Count;
    /// <summary>Changes on every insertion/deletion of a key (iterators detect size changes); a
    /// namespace's size stands for it, as its stores do not all pass through here.</summary>
    public int Version => ns == null ? version : ns.Count;
    /// <summary>Index slots not free (-1): entries and deleted markers (-2). A lookup stops only at a
    /// free slot, so resizing is driven by this count, not by <see cref="used"/> (which a removal of
    /// the last entry lowers while its marker stays).</summary>
    int filled;

    static int[] Empty8() { var a = new int[8]; Array.Fill(a, -1); return a; }

    public void Trace()
    {
        ns?.Trace();
        for (int i = 0; i < used; i++)
        {
            if (keys[i].IsEmpty) continue;
            Gc.Mark(keys[i]);
            Gc.Mark(vals[i]);
        }
    }

    /// <summary>Entry slot range for iteration: entries [0, Used) whose key is not Empty.</summary>
    public int Used => ns == null ? used : ns.Used;
    public Value KeyAt(int i) => ns == null ? keys[i] : ns.KeyAt(i);
    public Value ValueAt(int i) => ns == null ? vals[i] : ns.ValueAt(i);
    public void SetValueAt(int i, Value v) { if (ns == null) vals[i] = v; else ns.SetValueAt(i, v); }
    /// <summary>The hash stored with entry i (a namespace's str keys hash again, as cheaply).</summary>
    public long HashAt(int i) => ns == null ? hashes[i] : Protocols.Hash(ns.KeyAt(i));

    /// <summary>A namespace's key as a name; null (after checking that it hashes) when it is not a str.</summary>
    static string? NameOf(Value key)
    {
        if (key.Is(ObjectKind.Str)) return Strs.Get(key);
        Protocols.Hash(key);
        return null;
    }

    static PyException NonStrName() =>
        Errors.New(Types.NotImplementedError, "non-str keys in a module or instance namespace are not supported");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    int Find(Value key, long hash)
    {
        int mask = index.Length - 1;
        ulong perturb = (ulong)hash;
        int i = (int)(hash & mask);
        while (true)
        {
            int e = index[i];
            if (e == -1) return -1;
            if (e >= 0 && hashes[e] == hash)
            {
                Value k = keys[e];
                if (k.Same(key) || Protocols.KeyEquals(k, key)) return e;
            }
            perturb >>= 5;
            i = (int)((i * 5 + 1 + (long)perturb) & mask);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGet(Value key, out Value v)
    {
        if (ns != null)
        {
            v = NameOf(key) is { } name ? ns.Get(name) : Value.Empty;
            return !v.IsEmpty;
        }
        int e = Find(key, Protocols.Hash(key));
        if (e < 0) { v = default; return false; }
        v = vals[e];
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Value GetOrEmpty(Value key)
    {
        if (ns != null) return NameOf(key) is { } name ? ns.Get(name) : Value.Empty;
        int e = Find(key, Protocols.Hash(key));
        return e < 0 ? Value.Empty : vals[e];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool ContainsKey(Value key) => ns == null ? Find(key, Protocols.Hash(key)) >= 0 : !GetOrEmpty(key).IsEmpty;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Set(Value key, Value v)
    {
        if (ns != null) { ns.Set(NameOf(key) ?? throw NonStrName(), v); return; }
        long h = Protocols.Hash(key);
        int e = Find(key, h);
        if (e >= 0) { vals[e] = v; return; }
        Insert(key, h, v);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void Insert(Value key, long h, Value v)
    {
        if ((filled + 1) * 3 >= index.Length * 2) Resize(Math.Max(8, count * 3));
        if (used == keys.Length)
        {
            int n = keys.Length * 2;
            Array.Resize(ref keys, n); Array.Resize(ref vals, n); Array.Resize(ref hashes, n);
        }
        keys[used] = key; vals[used] = v; hashes[used] = h;
        int mask = index.Length - 1;
        ulong perturb = (ulong)h;
        int i = (int)(h & mask);
        while (index[i] >= 0) { perturb >>= 5; i = (int)((i * 5 + 1 + (long)perturb) & mask); }
        if (index[i] == -1) filled++;
        index[i] = used;
        used++;
        count++;
        version++;
    }

    void Resize(int minSize)
    {
        int size = 8;
        while (size <= minSize) size <<= 1;
        // compact entries
        int j = 0;
        for (int i = 0; i < used; i++)
        {
            if (keys[i].IsEmpty) continue;
            keys[j] = keys[i]; vals[j] = vals[i]; hashes[j] = hashes[i]; j++;
        }
        for (int i = j; i < used; i++) { keys[i] = default; vals[i] = default; }
        used = j;
        filled = j;
        index = new int[size];
        Array.Fill(index, -1);
        int mask = size - 1;
        for (int e = 0; e < used; e++)
        {
            long h = hashes[e];
            ulong perturb = (ulong)h;
            int i = (int)(h & mask);
            while (index[i] >= 0) { perturb >>= 5; i = (int)((i * 5 + 1 + (long)perturb) & mask); }
            index[i] = e;
        }
        NativeHeap.AccountManaged(size * 4L + keys.Length * 40L);
    }

    public bool Remove(Value key, out Value v)
    {
        if (ns != null)
        {
            if (NameOf(key) is { } name) return ns.Remove(name, out v);
            v = default;
            return false;
        }
        long h = Protocols.Hash(key);
        int mask = index.Length - 1;
        ulong perturb = (ulong)h;
        int i = (int)(h & mask);
        while (true)
        {
            int e = index[i];
            if (e == -1) { v = default; return false; }
            if (e >= 0 && hashes[e] == h && (keys[e].Same(key) || Protocols.KeyEquals(keys[e], key)))
            {
                v = vals[e];
                index[i] = -2;
                keys[e] = default; vals[e] = default;
                count--;
                version++;
                if (e == used - 1) used--;
                return true;
            }
            perturb >>= 5;
            i = (int)((i * 5 + 1 + (long)perturb) & mask);
        }
    }

    /// <summary>Removes and returns the last inserted item (popitem).</summary>
    public bool PopLast(out Value k, out Value v)
    {
        for (int e = Used - 1; e >= 0; e--)
        {
            if (KeyAt(e).IsEmpty) continue;
            k = KeyAt(e);
            Remove(k, out v);
            return true;
        }
        k = v = default;
        return false;
    }

    public void Clear()
    {
        if (ns != null)
        {
            for (int e = 0; e < ns.Used; e++) if (!ns.ValueAt(e).IsEmpty) ns.Remove(ns.NameAt(e), out _);
            return;
        }
        index = Empty8();
        hashes = new long[4]; keys = new Value[4]; vals = new Value[4];
        used = 0; filled = 0; count = 0; version++;
    }

    public DictObject Copy()
    {
        var d = new DictObject();
        if (ns != null)
        {
            foreach (var (k, v) in Items()) d.Set(k, v);
            return d;
        }
        for (int i = 0; i < used; i++) if (!keys[i].IsEmpty) d.Insert(keys[i], hashes[i], vals[i]);
        return d;
    }

    public IEnumerable<KeyValuePair<Value, Value>> Items()
    {
        for (int i = 0; i < Used; i++)
        {
            var k = KeyAt(i);
            if (!k.IsEmpty) yield return new(k, ValueAt(i));
        }
    }
}

public static class Dicts
{
    public static Value New() => Obj.New(ObjectKind.Dict, new DictObject());
    public static Value New(DictObject d) => Obj.New(ObjectKind.Dict, d);
    public static DictObject Get(Value v) => Obj.Get<DictObject>(v);
    /// <summary>A dict, or an object with a `keys` method (what `{**m}` and `f(**m)` accept).</summary>
    public static bool IsMapping(Value v) =>
        v.Is(ObjectKind.Dict) || Arith.IsUser(v) && !Types.Of(v).Lookup("keys").IsEmpty;

    /// <summary>The (key, value) pairs of a mapping: a dict's items, or m[k] for each k in m.keys().
    /// A user mapping's pairs are pushed on TempRoots: the caller pops them when done.</summary>
    public static List<KeyValuePair<Value, Value>> MappingItems(Value m)
    {
        if (m.Is(ObjectKind.Dict)) return Get(m).Items().ToList();
        var keys = Protocols.ToList(Calls.Call(Attributes.Get(m, "keys")));
        foreach (var k in keys) TempRoots.Add(k); // kept alive while __getitem__ runs Python code
        var items = new List<KeyValuePair<Value, Value>>(keys.Count);
        foreach (var k in keys)
        {
            var v = Items.Get(m, k);
            TempRoots.Add(v);
            items.Add(new(k, v));
        }
        return items;
    }
}
