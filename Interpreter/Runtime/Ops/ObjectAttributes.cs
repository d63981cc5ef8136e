// object.__init_subclass__, the end of every `super().__init_subclass__(**kw)` chain.
namespace Lbbv.Runtime;

public static class ObjectAttributes
{
    /// <summary>object.__init_subclass__ in object's dict, where `super().__init_subclass__(**kw)`
    /// chains end. (object.__setattr__ and the other methods every class inherits are
    /// InheritedMethods: kept out of the dict, so that finding one on a class means an override.)</summary>
    public static void Register()
    {
        var initSubclass = Obj.New(ObjectKind.BuiltinFunction,
            new BuiltinFunctionObject("__init_subclass__", InitSubclass, Types.Object));
        Types.Object.Dict["__init_subclass__"] = Obj.New(ObjectKind.ClassMethod, new ClassMethodObject(initSubclass));
    }

    static Value InitSubclass(in Args a)
    {
        string cls = ClassObject.Of(a[0]).QualName;
        if (a.HasKw) throw Errors.Type($"{cls}.__init_subclass__() takes no keyword arguments");
        if (a.Count > 1) throw Errors.Type($"{cls}.__init_subclass__() takes no arguments ({a.Count - 1} given)");
        return Value.None;
    }
}
