// str: a native header plus this companion holding the .NET string (UTF-16; code-point aware).
using System.Runtime.CompilerServices;
namespace Lbbv.Runtime;

public sealed class StrObject
{
    public readonly string V;
    long hash = -1;
    sbyte astral = -1; // 1 when the string has surrogate pairs (code points beyond the BMP)

    public StrObject(string v) { V = v; }

    public long Hash
    {
        get
        {
            // CPython's hash with PYTHONHASHSEED=0 (never -1: -1 means not computed yet).
            if (hash == -1) hash = Lbbv.Support.StrHash.Of(V);
            return hash;
        }
    }

    public bool HasAstral
    {
        get
        {
            if (astral < 0)
            {
                astral = 0;
                foreach (char c in V) if (char.IsSurrogate(c)) { astral = 1; break; }
            }
            return astral == 1;
        }
    }

    /// <summary>Length in code points.</summary>
    public int Length => HasAstral ? CodePoints().Length : V.Length;

    public int[] CodePoints()
    {
        var list = new List<int>(V.Length);
        for (int i = 0; i < V.Length; i++)
        {
            if (char.IsHighSurrogate(V[i]) && i + 1 < V.Length && char.IsLowSurrogate(V[i + 1]))
            { list.Add(char.ConvertToUtf32(V[i], V[i + 1])); i++; }
            else list.Add(V[i]);
        }
        return list.ToArray();
    }
}

public static class Strs
{
    static readonly Value[] chars = new Value[256];
    static Value empty;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Value New(string s)
    {
        if (s.Length <= 1)
        {
            if (s.Length == 0) return empty.IsEmpty ? (empty = Permanent("")) : empty;
            char c = s[0];
            if (c < 256) return chars[c].IsEmpty ? (chars[c] = Permanent(s)) : chars[c];
        }
        NativeHeap.AccountManaged(24 + 2L * s.Length);
        return Obj.New(ObjectKind.Str, new StrObject(s));
    }

    static Value Permanent(string s)
    {
        var v = Obj.New(ObjectKind.Str, new StrObject(s));
        PermanentRoots.Add(v);
        return v;
    }

    public static void ResetCache() { Array.Clear(chars); empty = default; }

    public static Value FromCodePoint(int cp) => New(char.ConvertFromUtf32(cp));

    public static string Get(Value v) => Obj.Get<StrObject>(v).V;
    public static StrObject Obj_(Value v) => Obj.Get<StrObject>(v);
}
