// BuildClass: runs a class body with a fresh namespace and creates the class.
namespace Lbbv.Runtime;

public static class ClassBuilder
{
    /// <summary>[body function, name, bases...] -> class (Empty when the body raised).</summary>
    public static Value Build(ReadOnlySpan<Value> items)
    {
        var body = items[0];
        string name = Strs.Get(items[1]);
        var bases = items[2..];
        if (bases.Length > 1) throw Errors.Type($"class {name}: multiple inheritance is not supported by Lbbv");
        ClassObject baseClass = Types.Object;
        if (bases.Length == 1)
        {
            if (!bases[0].Is(ObjectKind.Class)) throw Errors.Type("bases must be types");
            baseClass = ClassObject.Of(bases[0]);
            if (baseClass.IsBuiltin && baseClass != Types.Object && !baseClass.IsSubclassOf(Types.BaseException))
                throw Errors.Type($"subclassing the builtin type '{baseClass.Name}' is not supported by Lbbv");
        }
        var ns = Dicts.New();
        using var root = TempRoots.Push(ns);
        var r = Calls.CallFunction(body, ReadOnlySpan<Value>.Empty, Value.Empty, ns.Ptr);
        if (r.IsEmpty) return r;
        var fd = Functions.Data(body);
        var cls = new ClassObject(name) { Base = baseClass, Module = fd.Code.Module.Name };
        foreach (var (k, v) in Dicts.Get(ns).Items())
        {
            string key = Strs.Get(k);
            if (key == "__qualname__" || key == "__module__") continue;
            cls.Dict[key] = v;
        }
        cls.Self = Obj.New(ObjectKind.Class, cls);
        cls.ComputeMro();
        ClassObject.GlobalVersion++;
        if (r.Is(ObjectKind.Cell)) unsafe { Cells.P(r)->Value = cls.Self; }
        return cls.Self;
    }
}
