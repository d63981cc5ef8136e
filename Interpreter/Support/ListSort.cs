namespace Lbbv.Support;

/// <summary>
/// CPython 3.11's list sort (Objects/listobject.c: an adaptive natural merge sort, runs found by
/// count_run and extended by binary insertion to minrun, merged in powersort order with galloping),
/// so that a sort makes the same comparisons in the same order as CPython: the same result when
/// comparisons are inconsistent (nan), the same calls of a user <c>__lt__</c>, and, when a comparison
/// throws, the same partly sorted permutation left in the arrays (CPython leaves the list so).
/// Keys are sorted in place, with values (when given) moved in step.
/// </summary>
public sealed class ListSort<T>
{
    const int MinGallop = 7;
    const int MaxPending = 64;

    readonly T[] keys;
    readonly T[]? values;
    readonly Func<T, T, bool> lessThan;
    int minGallop = MinGallop;
    T[] tempKeys = [];
    T[]? tempValues;
    readonly int[] runBase = new int[MaxPending];
    readonly int[] runLength = new int[MaxPending];
    readonly int[] runPower = new int[MaxPending];
    int runs;

    ListSort(T[] keys, T[]? values, Func<T, T, bool> lessThan)
    {
        this.keys = keys;
        this.values = values;
        this.lessThan = lessThan;
    }

    /// <summary>Sorts keys (and values alongside) by <paramref name="lessThan"/>. An exception from
    /// it propagates with the arrays holding the permutation CPython's sort would have left.</summary>
    public static void Sort(T[] keys, T[]? values, Func<T, T, bool> lessThan)
    {
        if (values != null && values.Length != keys.Length)
            throw new ArgumentException("keys and values differ in length");
        if (keys.Length < 2) return;
        new ListSort<T>(keys, values, lessThan).Run();
    }

    void Run()
    {
        int remaining = keys.Length, lo = 0;
        int minRun = ComputeMinRun(remaining);
        do
        {
            int n = CountRun(lo, lo + remaining, out bool descending);
            if (descending) Reverse(lo, n);
            if (n < minRun)
            {
                int force = remaining <= minRun ? remaining : minRun;
                BinarySort(lo, lo + force, lo + n);
                n = force;
            }
            FoundNewRun(n);
            runBase[runs] = lo;
            runLength[runs] = n;
            runs++;
            lo += n;
            remaining -= n;
        } while (remaining > 0);
        ForceCollapse();
    }

    static int ComputeMinRun(int n)
    {
        int r = 0;
        while (n >= 64)
        {
            r |= n & 1;
            n >>= 1;
        }
        return n + r;
    }

    void Reverse(int lo, int n)
    {
        Array.Reverse(keys, lo, n);
        if (values != null) Array.Reverse(values, lo, n);
    }

    /// <summary>The length of the run at lo: the longest non-descending prefix, or the longest
    /// strictly descending one (then <paramref name="descending"/>).</summary>
    int CountRun(int lo, int hi, out bool descending)
    {
        descending = false;
        lo++;
        if (lo == hi) return 1;
        int n = 2;
        if (lessThan(keys[lo], keys[lo - 1]))
        {
            descending = true;
            for (lo++; lo < hi; lo++, n++)
                if (!lessThan(keys[lo], keys[lo - 1])) break;
        }
        else
        {
            for (lo++; lo < hi; lo++, n++)
                if (lessThan(keys[lo], keys[lo - 1])) break;
        }
        return n;
    }

    /// <summary>Binary insertion of [start, hi) into the sorted [lo, start).</summary>
    void BinarySort(int lo, int hi, int start)
    {
        if (lo == start) start++;
        for (; start < hi; start++)
        {
            int l = lo, r = start;
            T pivot = keys[r];
            do
            {
                int p = l + ((r - l) >> 1);
                if (lessThan(pivot, keys[p])) r = p;
                else l = p + 1;
            } while (l < r);
            Array.Copy(keys, l, keys, l + 1, start - l);
            keys[l] = pivot;
            if (values != null)
            {
                T value = values[start];
                Array.Copy(values, l, values, l + 1, start - l);
                values[l] = value;
            }
        }
    }

    /// <summary>The k in [0, n] with a[k-1] &lt; key &lt;= a[k] in the sorted a[start, start+n),
    /// searching out from hint.</summary>
    int GallopLeft(T key, T[] a, int start, int n, int hint)
    {
        int at = start + hint, lastOfs = 0, ofs = 1;
        if (lessThan(a[at], key))
        {
            int maxOfs = n - hint;
            while (ofs < maxOfs)
            {
                if (!lessThan(a[at + ofs], key)) break;
                lastOfs = ofs;
                ofs = (ofs << 1) + 1;
            }
            if (ofs > maxOfs) ofs = maxOfs;
            lastOfs += hint;
            ofs += hint;
        }
        else
        {
            int maxOfs = hint + 1;
            while (ofs < maxOfs)
            {
                if (lessThan(a[at - ofs], key)) break;
                lastOfs = ofs;
                ofs = (ofs << 1) + 1;
            }
            if (ofs > maxOfs) ofs = maxOfs;
            int k = lastOfs;
            lastOfs = hint - ofs;
            ofs = hint - k;
        }
        lastOfs++;
        while (lastOfs < ofs)
        {
            int m = lastOfs + ((ofs - lastOfs) >> 1);
            if (lessThan(a[start + m], key)) lastOfs = m + 1;
            else ofs = m;
        }
        return ofs;
    }

    /// <summary>As <see cref="GallopLeft"/>, but after any elements equal to key:
    /// a[k-1] &lt;= key &lt; a[k].</summary>
    int GallopRight(T key, T[] a, int start, int n, int hint)
    {
        int at = start + hint, lastOfs = 0, ofs = 1;
        if (lessThan(key, a[at]))
        {
            int maxOfs = hint + 1;
            while (ofs < maxOfs)
            {
                if (!lessThan(key, a[at - ofs])) break;
                lastOfs = ofs;
                ofs = (ofs << 1) + 1;
            }
            if (ofs > maxOfs) ofs = maxOfs;
            int k = lastOfs;
            lastOfs = hint - ofs;
            ofs = hint - k;
        }
        else
        {
            int maxOfs = n - hint;
            while (ofs < maxOfs)
            {
                if (lessThan(key, a[at + ofs])) break;
                lastOfs = ofs;
                ofs = (ofs << 1) + 1;
            }
            if (ofs > maxOfs) ofs = maxOfs;
            lastOfs += hint;
            ofs += hint;
        }
        lastOfs++;
        while (lastOfs < ofs)
        {
            int m = lastOfs + ((ofs - lastOfs) >> 1);
            if (lessThan(key, a[start + m])) ofs = m;
            else lastOfs = m + 1;
        }
        return ofs;
    }

    void EnsureTemp(int need)
    {
        if (tempKeys.Length >= need) return;
        tempKeys = new T[need];
        if (values != null) tempValues = new T[need];
    }

    /// <summary>Copies n elements, keys and values (overlap allowed, as memmove).</summary>
    void Move(T[] fromKeys, T[]? fromValues, int from, T[] toKeys, T[]? toValues, int to, int n)
    {
        if (n <= 0) return;
        Array.Copy(fromKeys, from, toKeys, to, n);
        if (values != null) Array.Copy(fromValues!, from, toValues!, to, n);
    }

    /// <summary>Merges the runs [pa, pa+na) and [pb, pb+nb) (pb = pa + na, na &lt;= nb) with A in
    /// the temporary array, filling from the left.</summary>
    void MergeLo(int pa, int na, int pb, int nb)
    {
        EnsureTemp(na);
        Move(keys, values, pa, tempKeys, tempValues, 0, na);
        int dest = pa, a = 0, b = pb;
        Move(keys, values, b++, keys, values, dest++, 1);
        if (--nb == 0) goto Succeed;
        if (na == 1) goto CopyB;
        int mg = minGallop;
        try
        {
            while (true)
            {
                int aCount = 0, bCount = 0;
                while (true)
                {
                    if (lessThan(keys[b], tempKeys[a]))
                    {
                        Move(keys, values, b++, keys, values, dest++, 1);
                        bCount++;
                        aCount = 0;
                        if (--nb == 0) goto Succeed;
                        if (bCount >= mg) break;
                    }
                    else
                    {
                        Move(tempKeys, tempValues, a++, keys, values, dest++, 1);
                        aCount++;
                        bCount = 0;
                        if (--na == 1) goto CopyB;
                        if (aCount >= mg) break;
                    }
                }
                mg++;
                do
                {
                    if (mg > 1) mg--;
                    minGallop = mg;
                    int k = GallopRight(keys[b], tempKeys, a, na, 0);
                    aCount = k;
                    if (k != 0)
                    {
                        Move(tempKeys, tempValues, a, keys, values, dest, k);
                        dest += k;
                        a += k;
                        na -= k;
                        if (na == 1) goto CopyB;
                        if (na == 0) goto Succeed; // only with an inconsistent comparison
                    }
                    Move(keys, values, b++, keys, values, dest++, 1);
                    if (--nb == 0) goto Succeed;
                    k = GallopLeft(tempKeys[a], keys, b, nb, 0);
                    bCount = k;
                    if (k != 0)
                    {
                        Move(keys, values, b, keys, values, dest, k);
                        dest += k;
                        b += k;
                        nb -= k;
                        if (nb == 0) goto Succeed;
                    }
                    Move(tempKeys, tempValues, a++, keys, values, dest++, 1);
                    if (--na == 1) goto CopyB;
                } while (aCount >= MinGallop || bCount >= MinGallop);
                mg++;
                minGallop = mg;
            }
        }
        catch
        {
            Move(tempKeys, tempValues, a, keys, values, dest, na); // what is left of A goes back
            throw;
        }
    Succeed:
        Move(tempKeys, tempValues, a, keys, values, dest, na);
        return;
    CopyB:
        // The last element of A belongs at the end of the merge.
        Move(keys, values, b, keys, values, dest, nb);
        Move(tempKeys, tempValues, a, keys, values, dest + nb, 1);
    }

    /// <summary>Merges the runs [pa, pa+na) and [pb, pb+nb) (pb = pa + na, na &gt;= nb) with B in
    /// the temporary array, filling from the right.</summary>
    void MergeHi(int pa, int na, int pb, int nb)
    {
        EnsureTemp(nb);
        int dest = pb + nb - 1;
        Move(keys, values, pb, tempKeys, tempValues, 0, nb);
        int a = pa + na - 1, b = nb - 1;
        Move(keys, values, a--, keys, values, dest--, 1);
        if (--na == 0) goto Succeed;
        if (nb == 1) goto CopyA;
        int mg = minGallop;
        try
        {
            while (true)
            {
                int aCount = 0, bCount = 0;
                while (true)
                {
                    if (lessThan(tempKeys[b], keys[a]))
                    {
                        Move(keys, values, a--, keys, values, dest--, 1);
                        aCount++;
                        bCount = 0;
                        if (--na == 0) goto Succeed;
                        if (aCount >= mg) break;
                    }
                    else
                    {
                        Move(tempKeys, tempValues, b--, keys, values, dest--, 1);
                        bCount++;
                        aCount = 0;
                        if (--nb == 1) goto CopyA;
                        if (bCount >= mg) break;
                    }
                }
                mg++;
                do
                {
                    if (mg > 1) mg--;
                    minGallop = mg;
                    int k = na - GallopRight(tempKeys[b], keys, pa, na, na - 1);
                    aCount = k;
                    if (k != 0)
                    {
                        dest -= k;
                        a -= k;
                        Move(keys, values, a + 1, keys, values, dest + 1, k);
                        na -= k;
                        if (na == 0) goto Succeed;
                    }
                    Move(tempKeys, tempValues, b--, keys, values, dest--, 1);
                    if (--nb == 1) goto CopyA;
                    k = nb - GallopLeft(keys[a], tempKeys, 0, nb, nb - 1);
                    bCount = k;
                    if (k != 0)
                    {
                        dest -= k;
                        b -= k;
                        Move(tempKeys, tempValues, b + 1, keys, values, dest + 1, k);
                        nb -= k;
                        if (nb == 1) goto CopyA;
                        if (nb == 0) goto Succeed; // only with an inconsistent comparison
                    }
                    Move(keys, values, a--, keys, values, dest--, 1);
                    if (--na == 0) goto Succeed;
                } while (aCount >= MinGallop || bCount >= MinGallop);
                mg++;
                minGallop = mg;
            }
        }
        catch
        {
            Move(tempKeys, tempValues, 0, keys, values, dest - (nb - 1), nb); // what is left of B goes back
            throw;
        }
    Succeed:
        Move(tempKeys, tempValues, 0, keys, values, dest - (nb - 1), nb);
        return;
    CopyA:
        // The first element of B belongs at the front of the merge.
        Move(keys, values, a + 1 - na, keys, values, dest + 1 - na, na);
        dest -= na;
        Move(tempKeys, tempValues, b, keys, values, dest, 1);
    }

    /// <summary>Merges pending runs i and i + 1.</summary>
    void MergeAt(int i)
    {
        int pa = runBase[i], na = runLength[i], pb = runBase[i + 1], nb = runLength[i + 1];
        runLength[i] = na + nb;
        if (i == runs - 3)
        {
            runBase[i + 1] = runBase[i + 2];
            runLength[i + 1] = runLength[i + 2];
            runPower[i + 1] = runPower[i + 2];
        }
        runs--;
        // Elements of A before where B's first belongs, and of B after where A's last belongs, stay.
        int k = GallopRight(keys[pb], keys, pa, na, 0);
        pa += k;
        na -= k;
        if (na == 0) return;
        nb = GallopLeft(keys[pa + na - 1], keys, pb, nb, nb - 1);
        if (nb <= 0) return;
        if (na <= nb) MergeLo(pa, na, pb, nb);
        else MergeHi(pa, na, pb, nb);
    }

    /// <summary>The "power" of the run boundary between runs [s1, s1+n1) and [s1+n1, s1+n1+n2) in
    /// a list of length n (its depth in the conceptual merge tree).</summary>
    static int PowerLoop(long s1, long n1, long n2, long n)
    {
        int result = 0;
        long a = 2 * s1 + n1, b = a + n1 + n2;
        while (true)
        {
            result++;
            if (a >= n)
            {
                a -= n;
                b -= n;
            }
            else if (b >= n) break;
            a <<= 1;
            b <<= 1;
        }
        return result;
    }

    /// <summary>A new run of length n2 follows the top of the stack: merge the runs of greater power.</summary>
    void FoundNewRun(int n2)
    {
        if (runs == 0) return;
        int power = PowerLoop(runBase[runs - 1], runLength[runs - 1], n2, keys.Length);
        while (runs > 1 && runPower[runs - 2] > power) MergeAt(runs - 2);
        runPower[runs - 1] = power;
    }

    void ForceCollapse()
    {
        while (runs > 1)
        {
            int n = runs - 2;
            if (n > 0 && runLength[n - 1] < runLength[n + 1]) n--;
            MergeAt(n);
        }
    }
}
