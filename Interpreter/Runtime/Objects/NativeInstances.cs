// Instances of classes implemented in C# by library modules (collections.deque, array.array,
// random.Random): ordinary instances (ObjectKind.Instance, the class in the header), so every
// dunder the runtime looks up on a class reaches their builtin methods, whose data lives in the
// instance's managed companion. Their classes are builtin: a user class cannot derive from one
// yet, and their instances take no new attributes.
namespace Lbbv.Runtime;

public static unsafe class NativeInstances
{
    /// <summary>A builtin class `module.name` (not a builtins name).</summary>
    public static ClassObject MakeClass(string module, string name)
    {
        var c = Types.Make(name, Types.Object, register: false);
        c.Module = module;
        return c;
    }

    public static Value New(ClassObject cls, object companion)
    {
        var v = Instances.New(cls);
        // SAFETY: a fresh instance; its header's companion handle is unused until now.
        ((ObjectHeader*)v.Ptr)->Handle = Handles.Add(companion);
        return v;
    }

    /// <summary>The companion of `self` for a method of `cls`: CPython's descriptor check otherwise.</summary>
    public static T Self<T>(Value self, ClassObject cls, string method) where T : class
    {
        if (self.Is(ObjectKind.Instance) && Types.Of(self).IsSubclassOf(cls) && Obj.Companion(self) is T data)
            return data;
        throw Errors.Type($"descriptor '{method}' for '{cls.Module}.{cls.Name}' objects doesn't apply to a "
            + $"'{Types.NameOf(self)}' object");
    }

    /// <summary>A read-only attribute computed by `getter` (a property whose fget is a builtin).</summary>
    public static void Getter(ClassObject cls, string name, NativeFn getter) =>
        cls.Dict[name] = Obj.New(ObjectKind.Property, new PropertyObject
        {
            Get = Obj.New(ObjectKind.BuiltinFunction, new BuiltinFunctionObject(name, getter, cls)),
            Set = Value.Empty,
            Del = Value.Empty,
        });
}
