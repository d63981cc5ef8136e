// CPython's method resolution order for a class with several bases: the C3 linearization
// (Objects/typeobject.c, mro_implementation), with its error messages.
namespace Lbbv.Runtime;

public static class C3Linearization
{
    /// <summary>[cls] + merge(mro(base) for each base, bases).</summary>
    public static ClassObject[] Merge(ClassObject cls)
    {
        var bases = cls.Bases;
        for (int i = 0; i < bases.Length; i++)
            for (int j = i + 1; j < bases.Length; j++)
                if (bases[i] == bases[j]) throw Errors.Type($"duplicate base class {bases[i].Name}");
        var sequences = new List<List<ClassObject>>();
        foreach (var b in bases) sequences.Add(new List<ClassObject>(b.Mro));
        sequences.Add(new List<ClassObject>(bases));
        var result = new List<ClassObject> { cls };
        while (true)
        {
            sequences.RemoveAll(s => s.Count == 0);
            if (sequences.Count == 0) return result.ToArray();
            ClassObject? next = null;
            foreach (var s in sequences)
            {
                var candidate = s[0];
                if (!sequences.Any(other => other.IndexOf(candidate) > 0)) { next = candidate; break; }
            }
            if (next == null) throw Inconsistent(sequences);
            result.Add(next);
            foreach (var s in sequences) if (s[0] == next) s.RemoveAt(0);
        }
    }

    /// <summary>CPython's set_mro_error: the heads left, each named once, in order.</summary>
    static PyException Inconsistent(List<List<ClassObject>> sequences)
    {
        var names = new List<string>();
        foreach (var s in sequences)
            if (!names.Contains(s[0].Name)) names.Add(s[0].Name);
        return Errors.Type("Cannot create a consistent method resolution\norder (MRO) for bases "
            + string.Join(", ", names));
    }
}
