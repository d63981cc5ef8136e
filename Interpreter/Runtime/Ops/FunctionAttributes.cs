// The attributes of a Python function object: its names, docstring, module, defaults and its own
// `__dict__` (where `f.tag = 1` and functools' `__wrapped__` live).
namespace Lbbv.Runtime;

public static class FunctionAttributes
{
    /// <summary>The attribute, or Empty when the function has none of that name.</summary>
    public static Value Get(FunctionData fd, string name)
    {
        switch (name)
        {
            case "__name__": return Strs.New(fd.Name);
            case "__qualname__": return Strs.New(fd.QualName);
            case "__module__": return fd.ModuleName.IsEmpty ? Strs.New(fd.Code.Module.Name) : fd.ModuleName;
            case "__doc__":
                if (!fd.Doc.IsEmpty) return fd.Doc;
                return fd.Code.Code.DocString is { } doc ? Strs.New(doc) : Value.None;
            case "__defaults__": return fd.Defaults.IsEmpty ? Value.None : fd.Defaults;
            case "__kwdefaults__": return fd.KwDefaults.IsEmpty ? Value.None : fd.KwDefaults;
            case "__dict__": return DictOf(fd);
        }
        return fd.Dict.IsEmpty ? Value.Empty : Dicts.Get(fd.Dict).GetOrEmpty(Strs.New(name));
    }

    public static void Set(FunctionData fd, string name, Value v)
    {
        switch (name)
        {
            case "__name__": fd.Name = StrOrError(v, "__name__"); return;
            case "__qualname__": fd.QualName = StrOrError(v, "__qualname__"); return;
            case "__module__": fd.ModuleName = v; return;
            case "__doc__": fd.Doc = v; return;
            case "__defaults__":
                if (!v.IsNone && !v.Is(ObjectKind.Tuple))
                    throw Errors.Type("__defaults__ must be set to a tuple object");
                fd.Defaults = v.IsNone || Tuples.Count(v) == 0 ? Value.Empty : v;
                return;
            case "__kwdefaults__":
                if (!v.IsNone && !v.Is(ObjectKind.Dict))
                    throw Errors.Type("__kwdefaults__ must be set to a dict object");
                fd.KwDefaults = v.IsNone ? Value.Empty : v;
                return;
            case "__dict__":
                if (!v.Is(ObjectKind.Dict))
                    throw Errors.Type($"__dict__ must be set to a dictionary, not a '{Types.NameOf(v)}'");
                fd.Dict = v;
                return;
        }
        Dicts.Get(DictOf(fd)).Set(Strs.New(name), v);
    }

    /// <summary>del f.name; false when the function has no such attribute of its own.</summary>
    public static bool Delete(FunctionData fd, string name)
    {
        if (name == "__doc__") { fd.Doc = Value.None; return true; }
        return !fd.Dict.IsEmpty && Dicts.Get(fd.Dict).Remove(Strs.New(name), out _);
    }

    static Value DictOf(FunctionData fd)
    {
        if (fd.Dict.IsEmpty) fd.Dict = Dicts.New();
        return fd.Dict;
    }

    static string StrOrError(Value v, string what) =>
        v.Is(ObjectKind.Str) ? Strs.Get(v) : throw Errors.Type($"{what} must be set to a string object");
}
