namespace Lbbv.Runtime;

/// <summary>`obj.__class__ = C` (object.__setattr__'s `__class__` descriptor, CPython's
/// object_set_class): C must be a class whose instances have the same layout as obj's, that is,
/// both are user classes over the same builtin base. The instance's attributes move to the slots
/// the new class's shape gives their names; code compiled for the old class checks the class in
/// the instance header, so it sees the change. Slot class records that name the old class widen
/// (SlotClassRecords), and the class-version bump invalidates code that relied on them.</summary>
public static class ClassAssignment
{
    public static void Set(Value o, Value newClass)
    {
        if (!newClass.Is(ObjectKind.Class))
            throw Errors.Type($"__class__ must be set to a class, not '{Types.NameOf(newClass)}' object");
        var to = ClassObject.Of(newClass);
        var from = Types.Of(o);
        if (to.IsBuiltin || from.IsBuiltin || !o.Is(ObjectKind.Instance) && !o.Is(ObjectKind.Exception))
            throw Errors.Type("__class__ assignment only supported for mutable types or ModuleType subclasses");
        if (SolidBase(to) != SolidBase(from))
            throw Errors.Type($"__class__ assignment: '{to.Name}' object layout differs from '{from.Name}'");
        if (to == from) return;
        if (!o.Is(ObjectKind.Instance))
            throw ImportAndUnsupportedBuiltins.NotSupported("assignment to __class__ of an exception");
        Move(o, from, to);
    }

    /// <summary>The first builtin class of the MRO: what decides an instance's layout.</summary>
    static ClassObject SolidBase(ClassObject c)
    {
        foreach (var k in c.Mro)
            if (k.IsBuiltin) return k;
        return c;
    }

    static unsafe void Move(Value o, ClassObject from, ClassObject to)
    {
        var attributes = new List<(string Name, Value Value)>();
        int count = Math.Min(from.SlotNames.Count, (int)Instances.P(o)->SlotCount);
        for (int i = 0; i < count; i++)
        {
            var v = Instances.Get(o, i);
            if (!v.IsEmpty) attributes.Add((from.SlotNames[i], v));
            Instances.Set(o, i, Value.Empty);
        }
        // SAFETY: o is an instance (checked by the caller); its header's class is replaced whole.
        Instances.P(o)->Header.Class = to.Self.Ptr;
        SlotClassRecords.InstanceLeftClass(from); // a slot whose record names `from` may hold o
        foreach (var (name, v) in attributes) Attributes.StoreSlot(o, to, name, v);
        ClassObject.GlobalVersion++; // caches that paired this object with its old class
    }
}
