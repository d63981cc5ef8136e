// Interned str Values for a code's names (class-body namespaces are dicts keyed by str).
namespace Lbbv.Runtime;

public static class Names
{
    static readonly Dictionary<string, Value> interned = new();

    public static Value Intern(string s)
    {
        if (!interned.TryGetValue(s, out var v))
        {
            v = Strs.New(s);
            PermanentRoots.Add(v);
            interned[s] = v;
        }
        return v;
    }

    public static Value Str(CodeRuntime cr, int i) => Intern(cr.Names[i]);

    public static void Reset() => interned.Clear();
}
