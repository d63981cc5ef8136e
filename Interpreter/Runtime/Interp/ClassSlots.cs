// `__slots__`: a class whose classes above the builtins all declare __slots__ (none naming
// `__dict__`) has instances without a __dict__: only the declared names can be set. Instances keep
// their attributes in the class's slot layout as every instance does; the declaration only limits
// the names (ClassObject.FixedAttributes). Not modelled: the member descriptors CPython puts in the
// class dict (`C.a` is an AttributeError here, CPython shows `<member 'a' of 'C' objects>`).
namespace Lbbv.Runtime;

public static class ClassSlots
{
    /// <summary>Records cls's `__slots__` (a str or an iterable of str) and computes its fixed names.</summary>
    public static void Declare(ClassObject cls, Value slots)
    {
        var names = new List<string>();
        var items = slots.Is(ObjectKind.Str) ? [slots] : Protocols.ToList(slots);
        foreach (var item in items)
        {
            if (!item.Is(ObjectKind.Str))
                throw Errors.Type($"__slots__ items must be strings, not '{Types.NameOf(item)}'");
            string name = Strs.Get(item);
            if (name is not ("__dict__" or "__weakref__") && cls.Dict.ContainsKey(name))
                throw Errors.ValueErr($"'{name}' in __slots__ conflicts with class variable");
            names.Add(name);
        }
        cls.DeclaredSlots = names.ToArray();
    }

    /// <summary>The names instances of cls may have, or null when they have a __dict__.</summary>
    public static HashSet<string>? FixedAttributes(ClassObject cls)
    {
        var allowed = new HashSet<string>();
        foreach (var c in cls.Mro)
        {
            if (c.IsBuiltin) continue;
            if (c.DeclaredSlots == null || c.DeclaredSlots.Contains("__dict__")) return null;
            allowed.UnionWith(c.DeclaredSlots);
        }
        return allowed;
    }
}
