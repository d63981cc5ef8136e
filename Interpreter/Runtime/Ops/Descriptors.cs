// User descriptors: a class attribute whose type defines __get__, __set__ or __delete__ (CPython's
// descriptor protocol). A data descriptor (with __set__ or __delete__) takes precedence over the
// instance's own attribute; a non-data descriptor (only __get__) is used when the instance has
// none. Properties, functions, classmethods and staticmethods keep their own paths (Attributes).
namespace Lbbv.Runtime;

public static class Descriptors
{
    /// <summary>`ca` is an instance of a user class defining __set__ or __delete__.</summary>
    public static bool IsData(Value ca)
    {
        if (!Arith.IsUser(ca)) return false;
        var t = Types.Of(ca);
        return !t.Lookup("__set__").IsEmpty || !t.Lookup("__delete__").IsEmpty;
    }

    /// <summary>ca.__get__(instance, owner) when ca's type defines __get__ (true), else false.</summary>
    public static bool TryGet(Value ca, Value instance, Value owner, out Value result)
    {
        result = Value.Empty;
        if (!Arith.IsUser(ca)) return false;
        var get = Types.Of(ca).Lookup("__get__");
        if (get.IsEmpty) return false;
        result = Calls.CallMethod(get, ca, instance, owner);
        return true;
    }

    /// <summary>ca.__set__(instance, v) for a data descriptor (true); false when ca is none.</summary>
    public static bool TrySet(Value ca, Value instance, string name, Value v)
    {
        if (!IsData(ca)) return false;
        var set = Types.Of(ca).Lookup("__set__");
        if (set.IsEmpty) throw Errors.Attribute("__set__");
        Calls.CallMethod(set, ca, instance, v);
        return true;
    }

    /// <summary>ca.__delete__(instance) for a data descriptor (true); false when ca is none.</summary>
    public static bool TryDelete(Value ca, Value instance)
    {
        if (!IsData(ca)) return false;
        var delete = Types.Of(ca).Lookup("__delete__");
        if (delete.IsEmpty) throw Errors.Attribute("__delete__");
        Calls.CallMethod(delete, ca, instance);
        return true;
    }
}
