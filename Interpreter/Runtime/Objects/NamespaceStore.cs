// The entries of a dict that is another object's namespace: globals() is the module's global cells,
// obj.__dict__ the instance's slots. Reads and writes go straight to that storage, through the
// same store paths as `global x; x = v` and `obj.x = v` (watched cells and class versions included),
// so machine code that reads cells and slots directly stays valid.
namespace Lbbv.Runtime;

public abstract class NamespaceStore
{
    /// <summary>Entry positions are [0, Used); a position whose name is unbound has an Empty key.</summary>
    public abstract int Used { get; }
    public abstract string NameAt(int e);
    public abstract Value ValueAt(int e);
    public abstract void SetValueAt(int e, Value v);
    /// <summary>The bound value of `name`, or Empty.</summary>
    public abstract Value Get(string name);
    public abstract void Set(string name, Value v);
    /// <summary>Unbinds `name`; false when it was not bound.</summary>
    public abstract bool Remove(string name, out Value old);
    public abstract void Trace();

    /// <summary>The name at e as an interned str (permanently rooted: callers hold keys across
    /// calls into Python, as they may with a dict's own keys), Empty when unbound.</summary>
    public Value KeyAt(int e) => ValueAt(e).IsEmpty ? Value.Empty : Names.Intern(NameAt(e));

    public int Count
    {
        get
        {
            int n = 0;
            for (int e = 0; e < Used; e++) if (!ValueAt(e).IsEmpty) n++;
            return n;
        }
    }
}

/// <summary>A module's globals, in the order their cells were created.</summary>
public sealed unsafe class ModuleNamespace(ModuleObject module) : NamespaceStore
{
    readonly ModuleObject module = module;

    public override int Used => module.CellOrder.Count;
    public override string NameAt(int e) => module.CellOrder[e];
    public override Value ValueAt(int e) => Cells.P(module.Cells[module.CellOrder[e]])->Value;
    public override void SetValueAt(int e, Value v) => module.Set(module.CellOrder[e], v);
    public override Value Get(string name) => module.Get(name);
    public override void Set(string name, Value v) => module.Set(name, v);
    public override bool Remove(string name, out Value old) => module.Delete(name, out old);
    public override void Trace() => Gc.Mark(module.Self);
}

/// <summary>An instance's attributes, in its class's slot order.</summary>
public sealed class InstanceNamespace(Value instance) : NamespaceStore
{
    readonly Value instance = instance;
    ClassObject Class => Types.Of(instance);

    public override int Used => Class.SlotNames.Count;
    public override string NameAt(int e) => Class.SlotNames[e];
    public override Value ValueAt(int e) => Instances.Get(instance, e);
    public override void SetValueAt(int e, Value v) => Attributes.StoreSlot(instance, Class, NameAt(e), v);
    public override Value Get(string name) =>
        Class.Slots.TryGetValue(name, out int slot) ? Instances.Get(instance, slot) : Value.Empty;
    public override void Set(string name, Value v) => Attributes.StoreSlot(instance, Class, name, v);
    public override void Trace() => Gc.Mark(instance);

    public override bool Remove(string name, out Value old)
    {
        old = Get(name);
        if (old.IsEmpty) return false;
        Instances.Set(instance, Class.Slots[name], Value.Empty);
        return true;
    }
}
