namespace Lbbv.Runtime;

/// <summary>The classes whose instance slots have a class record (<see cref="ClassObject.SlotClass"/>),
/// held weakly: what `__class__` assignment must widen. An object whose class changes from C may
/// sit in any slot whose record names C, so every such record widens to mixed classes (and the
/// caller bumps the class version, so code that relied on one stops using it).</summary>
public static class SlotClassRecords
{
    static readonly List<WeakReference<ClassObject>> holders = [];

    /// <summary>A slot of <paramref name="holder"/> got its first class record.</summary>
    internal static void Register(ClassObject holder)
    {
        foreach (var weak in holders)
            if (weak.TryGetTarget(out var known) && known == holder) return;
        holders.RemoveAll(w => !w.TryGetTarget(out _));
        holders.Add(new WeakReference<ClassObject>(holder));
    }

    /// <summary>Instances of <paramref name="cls"/> may now be of another class: widens every
    /// record naming it.</summary>
    public static void InstanceLeftClass(ClassObject cls)
    {
        foreach (var weak in holders)
            if (weak.TryGetTarget(out var holder)) holder.WidenClassRecords(cls.Self.Ptr);
    }
}
