// Values that live for the whole run (builtin types, interned strings, small caches).
namespace Lbbv.Runtime;

public static class PermanentRoots
{
    static Value[] items = new Value[256];
    static int count;

    public static void Add(Value v)
    {
        if (count == items.Length) Array.Resize(ref items, count * 2);
        items[count++] = v;
    }

    internal static void Mark()
    {
        for (int i = 0; i < count; i++) Gc.Mark(items[i]);
    }

    internal static void Reset() { count = 0; Array.Clear(items); }
}
