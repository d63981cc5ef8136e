namespace Lbbv.Support;

/// <summary>
/// A hash set laid out exactly as CPython 3.11's setobject.c, so iteration order and pop() order
/// match: 8 slots initially, linear probing of 9 then perturbation, dummies on discard, resize when
/// fill*5 &gt;= mask*3. Hashes are CPython hash values (never -1) supplied by the runtime.
/// </summary>
public sealed class SetTable<T>
{
    private const int MinSize = 8, LinearProbes = 9, PerturbShift = 5;
    private const byte Empty = 0, Active = 1, Dummy = 2;

    private struct Entry
    {
        public T Key;
        public long Hash;
        public byte State;
    }

    private readonly Func<T, long> _hash;
    private readonly Func<T, T, bool> _equals;
    private Entry[] _table = new Entry[MinSize];
    private long _mask = MinSize - 1;
    private long _fill, _used, _finger;

    /// <summary>An empty set using CPython hash values and Python equality.</summary>
    public SetTable(Func<T, long> hash, Func<T, T, bool> equals) { _hash = hash; _equals = equals; }

    /// <summary>len(set).</summary>
    public int Count => (int)_used;

    /// <summary>Changes whenever the table is rebuilt or an entry added/removed (for iterators).</summary>
    public long Used => _used;

    /// <summary>The hash function this set uses.</summary>
    public Func<T, long> HashFunction => _hash;

    // ---- probing ----

    private long LookKey(T key, long hash)
    {
        ulong perturb = (ulong)hash;
        ulong mask = (ulong)_mask;
        ulong i = (ulong)hash & mask;
        var table = _table;
        while (true)
        {
            int probes = i + LinearProbes <= mask ? LinearProbes : 0;
            ulong j = i;
            do
            {
                ref Entry e = ref table[j];
                if (e.State == Empty) return -(long)j - 1;
                if (e.State == Active && e.Hash == hash && _equals(e.Key, key)) return (long)j;
                j++;
            } while (probes-- > 0);
            perturb >>= PerturbShift;
            i = (i * 5 + 1 + perturb) & mask;
        }
    }

    /// <summary>set.add with a known hash; true when the key was added.</summary>
    public bool Add(T key, long hash)
    {
        ulong mask = (ulong)_mask;
        ulong i = (ulong)hash & mask;
        ulong perturb = (ulong)hash;
        long freeslot = -1;
        var table = _table;
        while (true)
        {
            int probes = i + LinearProbes <= mask ? LinearProbes : 0;
            ulong j = i;
            do
            {
                ref Entry e = ref table[j];
                if (e.State == Empty)
                {
                    if (freeslot >= 0)
                    {
                        ref Entry f = ref table[freeslot];
                        f.Key = key; f.Hash = hash; f.State = Active;
                        _used++;
                        return true;
                    }
                    e.Key = key; e.Hash = hash; e.State = Active;
                    _fill++; _used++;
                    if ((ulong)_fill * 5 >= mask * 3) Resize(_used > 50000 ? _used * 2 : _used * 4);
                    return true;
                }
                if (e.State == Active)
                {
                    if (e.Hash == hash && _equals(e.Key, key)) return false;
                }
                else freeslot = (long)j; // CPython keeps the last dummy seen
                j++;
            } while (probes-- > 0);
            perturb >>= PerturbShift;
            i = (i * 5 + 1 + perturb) & mask;
        }
    }

    /// <summary>set.add(key).</summary>
    public bool Add(T key) => Add(key, _hash(key));

    private static void InsertClean(Entry[] table, ulong mask, T key, long hash)
    {
        ulong perturb = (ulong)hash;
        ulong i = (ulong)hash & mask;
        while (true)
        {
            if (table[i].State == Empty) { Put(ref table[i], key, hash); return; }
            if (i + LinearProbes <= mask)
            {
                for (ulong j = 1; j <= LinearProbes; j++)
                    if (table[i + j].State == Empty) { Put(ref table[i + j], key, hash); return; }
            }
            perturb >>= PerturbShift;
            i = (i * 5 + 1 + perturb) & mask;
        }
    }

    private static void Put(ref Entry e, T key, long hash) { e.Key = key; e.Hash = hash; e.State = Active; }

    private void Resize(long minUsed)
    {
        long newSize = MinSize;
        while (newSize <= minUsed) newSize <<= 1;
        var old = _table;
        if (newSize == MinSize && old.Length == MinSize && _fill == _used) return; // small table, no dummies
        var table = new Entry[newSize];
        ulong newMask = (ulong)(newSize - 1);
        for (int k = 0; k < old.Length; k++)
            if (old[k].State == Active) InsertClean(table, newMask, old[k].Key, old[k].Hash);
        _fill = _used;
        _table = table;
        _mask = newSize - 1;
    }

    // ---- queries and removal ----

    /// <summary>key in set, with a known hash.</summary>
    public bool Contains(T key, long hash) => LookKey(key, hash) >= 0;

    /// <summary>key in set.</summary>
    public bool Contains(T key) => LookKey(key, _hash(key)) >= 0;

    /// <summary>set.discard with a known hash; true when found.</summary>
    public bool Discard(T key, long hash)
    {
        long j = LookKey(key, hash);
        if (j < 0) return false;
        ref Entry e = ref _table[j];
        e.Key = default!; e.Hash = -1; e.State = Dummy;
        _used--;
        return true;
    }

    /// <summary>set.discard(key).</summary>
    public bool Discard(T key) => Discard(key, _hash(key));

    /// <summary>set.pop(); KeyError "pop from an empty set".</summary>
    public T Pop()
    {
        if (_used == 0) throw new PyError("KeyError", "pop from an empty set");
        var table = _table;
        long i = _finger & _mask;
        while (table[i].State != Active)
        {
            i++;
            if (i > _mask) i = 0;
        }
        T key = table[i].Key;
        table[i].Key = default!; table[i].Hash = -1; table[i].State = Dummy;
        _used--;
        _finger = i + 1;
        return key;
    }

    /// <summary>set.clear(): back to the 8-slot table.</summary>
    public void Clear()
    {
        _table = new Entry[MinSize];
        _mask = MinSize - 1;
        _fill = _used = 0;
    }

    // ---- iteration ----

    /// <summary>set_next: the next active entry at or after pos (start with pos = 0).</summary>
    public bool TryGetNext(ref int pos, out T key)
    {
        var table = _table;
        int i = pos;
        while (i < table.Length && table[i].State != Active) i++;
        pos = i + 1;
        if (i >= table.Length) { key = default!; return false; }
        key = table[i].Key;
        return true;
    }

    private bool TryGetNextEntry(ref int pos, out T key, out long hash)
    {
        var table = _table;
        int i = pos;
        while (i < table.Length && table[i].State != Active) i++;
        pos = i + 1;
        if (i >= table.Length) { key = default!; hash = 0; return false; }
        key = table[i].Key;
        hash = table[i].Hash;
        return true;
    }

    /// <summary>The elements with their stored hashes, in iteration order.</summary>
    public List<(T Key, long Hash)> Entries()
    {
        var r = new List<(T, long)>((int)_used);
        foreach (var e in _table) if (e.State == Active) r.Add((e.Key, e.Hash));
        return r;
    }

    /// <summary>Every element is in <paramref name="other"/>, looked up with its stored hash (as
    /// CPython: an element's __hash__ is not called again).</summary>
    public bool IsSubsetOf(SetTable<T> other)
    {
        foreach (var (key, hash) in Entries()) if (!other.Contains(key, hash)) return false;
        return true;
    }

    /// <summary>The elements in iteration order.</summary>
    public List<T> ToList()
    {
        var r = new List<T>((int)_used);
        foreach (var e in _table) if (e.State == Active) r.Add(e.Key);
        return r;
    }

    // ---- bulk operations (CPython's orders) ----

    /// <summary>set_merge: update from another set (also set(s), s.copy(), s | t).</summary>
    public void Update(SetTable<T> other)
    {
        if (ReferenceEquals(other, this) || other._used == 0) return;
        if ((_fill + other._used) * 5 >= _mask * 3) Resize((_used + other._used) * 2);
        var ot = other._table;
        if (_fill == 0 && _mask == other._mask && other._fill == other._used)
        {
            var t = _table;
            for (int k = 0; k < ot.Length; k++) if (ot[k].State == Active) t[k] = ot[k];
            _fill = other._fill;
            _used = other._used;
            return;
        }
        if (_fill == 0)
        {
            _fill = _used = other._used;
            for (int k = 0; k < ot.Length; k++)
                if (ot[k].State == Active) InsertClean(_table, (ulong)_mask, ot[k].Key, ot[k].Hash);
            return;
        }
        for (int k = 0; k < ot.Length; k++)
            if (ot[k].State == Active) Add(ot[k].Key, ot[k].Hash);
    }

    /// <summary>Update from a dict's keys with their stored hashes (CPython presizes for dicts).</summary>
    public void UpdateFromDict(ReadOnlySpan<T> keys, ReadOnlySpan<long> hashes)
    {
        if ((_fill + keys.Length) * 5 >= _mask * 3) Resize((_used + keys.Length) * 2);
        for (int k = 0; k < keys.Length; k++) Add(keys[k], hashes[k]);
    }

    /// <summary>Update from any other iterable: plain adds in iteration order.</summary>
    public void UpdateFrom(IEnumerable<T> items)
    {
        foreach (var x in items) Add(x, _hash(x));
    }

    /// <summary>s.copy() / set(s).</summary>
    public SetTable<T> Copy()
    {
        var r = new SetTable<T>(_hash, _equals);
        r.Update(this);
        return r;
    }

    /// <summary>s | t.</summary>
    public SetTable<T> Union(SetTable<T> other)
    {
        var r = Copy();
        if (!ReferenceEquals(other, this)) r.Update(other);
        return r;
    }

    /// <summary>s &amp; t (iterates the smaller set, as set_intersection).</summary>
    public SetTable<T> Intersection(SetTable<T> other)
    {
        if (ReferenceEquals(other, this)) return Copy();
        var r = new SetTable<T>(_hash, _equals);
        SetTable<T> big = this, small = other;
        if (other._used > _used) { big = other; small = this; }
        int pos = 0;
        while (small.TryGetNextEntry(ref pos, out T key, out long hash))
            if (big.Contains(key, hash)) r.Add(key, hash);
        return r;
    }

    /// <summary>s.intersection(iterable) for a non-set iterable (stops once len(result) &gt;= len(s)).</summary>
    public SetTable<T> IntersectionWith(IEnumerable<T> items)
    {
        var r = new SetTable<T>(_hash, _equals);
        foreach (var key in items)
        {
            long hash = _hash(key);
            if (Contains(key, hash))
            {
                r.Add(key, hash);
                if (r._used >= _used) break;
            }
        }
        return r;
    }

    /// <summary>s &amp;= t: the intersection replaces this set's table.</summary>
    public void IntersectionUpdate(SetTable<T> other) => TakeBodyOf(Intersection(other));

    /// <summary>set_swap_bodies: this set takes <paramref name="t"/>'s table (t is left empty).</summary>
    public void TakeBodyOf(SetTable<T> t)
    {
        _table = t._table; _mask = t._mask; _fill = t._fill; _used = t._used;
        t._table = new Entry[MinSize]; t._mask = MinSize - 1; t._fill = t._used = 0;
    }

    /// <summary>s -= t (set_difference_update_internal with a set).</summary>
    public void DifferenceUpdate(SetTable<T> other)
    {
        if (ReferenceEquals(other, this)) { Clear(); return; }
        SetTable<T> o = (other._used >> 3) > _used ? Intersection(other) : other;
        int pos = 0;
        while (o.TryGetNextEntry(ref pos, out T key, out long hash)) Discard(key, hash);
        ShrinkAfterRemovals();
    }

    /// <summary>s.difference_update(iterable) for a non-set iterable.</summary>
    public void DifferenceUpdateFrom(IEnumerable<T> items)
    {
        foreach (var key in items) Discard(key, _hash(key));
        ShrinkAfterRemovals();
    }

    private void ShrinkAfterRemovals()
    {
        if ((ulong)(_fill - _used) <= (ulong)_mask / 4) return;
        Resize(_used > 50000 ? _used * 2 : _used * 4);
    }

    /// <summary>s - t (set_difference with a set operand).</summary>
    public SetTable<T> Difference(SetTable<T> other)
    {
        if ((_used >> 2) > other._used)
        {
            var c = Copy();
            c.DifferenceUpdate(other);
            return c;
        }
        var r = new SetTable<T>(_hash, _equals);
        int pos = 0;
        while (TryGetNextEntry(ref pos, out T key, out long hash))
            if (!other.Contains(key, hash)) r.Add(key, hash);
        return r;
    }

    /// <summary>s ^= t (set_symmetric_difference_update with a set).</summary>
    public void SymmetricDifferenceUpdate(SetTable<T> other)
    {
        if (ReferenceEquals(other, this)) { Clear(); return; }
        int pos = 0;
        while (other.TryGetNextEntry(ref pos, out T key, out long hash))
            if (!Discard(key, hash)) Add(key, hash);
    }

    /// <summary>s ^ t: copy of t, then symmetric-difference-update with s.</summary>
    public SetTable<T> SymmetricDifference(SetTable<T> other)
    {
        var r = other.Copy();
        r.SymmetricDifferenceUpdate(this);
        return r;
    }

    /// <summary>hash(frozenset) as CPython frozenset_hash.</summary>
    public long FrozenSetHash()
    {
        ulong h = 0;
        foreach (var e in _table) h ^= ShuffleBits(e.State == Active ? (ulong)e.Hash : e.State == Dummy ? ulong.MaxValue : 0);
        if (((_mask + 1 - _fill) & 1) != 0) h ^= ShuffleBits(0);
        if (((_fill - _used) & 1) != 0) h ^= ShuffleBits(ulong.MaxValue);
        h ^= ((ulong)_used + 1) * 1927868237UL;
        h ^= (h >> 11) ^ (h >> 25);
        h = h * 69069U + 907133923UL;
        if (h == ulong.MaxValue) h = 590923713UL;
        return (long)h;
    }

    private static ulong ShuffleBits(ulong h) => ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
}
