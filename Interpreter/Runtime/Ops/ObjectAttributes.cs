// object.__setattr__ and object.__delattr__: the default attribute store and delete, which a class's
// own __setattr__/__delattr__ overrides (and usually calls, as `object.__setattr__(self, n, v)`);
// and object.__init_subclass__, the end of every `super().__init_subclass__(**kw)` chain.
namespace Lbbv.Runtime;

public static class ObjectAttributes
{
#pragma warning disable CS8618 // set by Register
    public static Value SetAttr, DelAttr;
#pragma warning restore CS8618

    public static void Register()
    {
        var t = new TypeBuilder(Types.Object);
        t.Method("__setattr__", static (in Args a) =>
        {
            a.Exactly(3, "__setattr__");
            var name = AttributeName(a[1]);
            if (a[0].Is(ObjectKind.Instance))
            {
                AttrCache cache = default;
                Attributes.InstanceSet(a[0], ClassObject.FromPtr(Obj.ClassPtr(a[0])), name, a[2], ref cache);
            }
            else Attributes.Set(a[0], name, a[2]);
            return Value.None;
        });
        t.Method("__delattr__", static (in Args a) =>
        {
            a.Exactly(2, "__delattr__");
            var name = AttributeName(a[1]);
            if (a[0].Is(ObjectKind.Instance)) Attributes.InstanceDelete(a[0], name);
            else Attributes.Delete(a[0], name);
            return Value.None;
        });
        var initSubclass = Obj.New(ObjectKind.BuiltinFunction,
            new BuiltinFunctionObject("__init_subclass__", InitSubclass, Types.Object));
        Types.Object.Dict["__init_subclass__"] = Obj.New(ObjectKind.ClassMethod, new ClassMethodObject(initSubclass));
        SetAttr = Types.Object.Dict["__setattr__"];
        DelAttr = Types.Object.Dict["__delattr__"];
        PermanentRoots.Add(SetAttr);
        PermanentRoots.Add(DelAttr);
    }

    static Value InitSubclass(in Args a)
    {
        string cls = ClassObject.Of(a[0]).QualName;
        if (a.HasKw) throw Errors.Type($"{cls}.__init_subclass__() takes no keyword arguments");
        if (a.Count > 1) throw Errors.Type($"{cls}.__init_subclass__() takes no arguments ({a.Count - 1} given)");
        return Value.None;
    }

    static string AttributeName(Value v) => v.Is(ObjectKind.Str)
        ? Strs.Get(v)
        : throw Errors.Type($"attribute name must be string, not '{Types.NameOf(v)}'");
}
