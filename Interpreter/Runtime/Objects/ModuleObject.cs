// A module: its name and its globals, each a cell object so that JIT code can load a global directly.
namespace Lbbv.Runtime;

public sealed unsafe class ModuleObject : ITraceable
{
    public readonly string Name;
    public string? File;
    /// <summary>For a package: the directory its submodules come from (a shipped one: see ShippedModules).</summary>
    public string? PackageDirectory;
    public Value Self;
    /// <summary>Global name -> cell object (a missing or deleted global is an empty cell).</summary>
    public readonly Dictionary<string, Value> Cells = new();
    /// <summary>The names of <see cref="Cells"/> in the order the cells were made: the order of
    /// globals() (cells are never removed; an unbound global is an empty cell).</summary>
    public readonly List<string> CellOrder = new();
    Value namespaceDict;

    public ModuleObject(string name) { Name = name; }

    public void Trace()
    {
        foreach (var c in Cells.Values) Gc.Mark(c);
        Gc.Mark(namespaceDict);
    }

    public Value CellFor(string name)
    {
        if (!Cells.TryGetValue(name, out var c))
        {
            c = Runtime.Cells.NewGlobal();
            Cells[name] = c;
            CellOrder.Add(name);
        }
        return c;
    }

    /// <summary>globals(): a dict whose entries are this module's global cells (one per module).</summary>
    public Value NamespaceDict =>
        namespaceDict.IsEmpty ? namespaceDict = Dicts.New(new DictObject(new ModuleNamespace(this))) : namespaceDict;

    /// <summary>`del name` at module level: false when the global is not bound.</summary>
    public bool Delete(string name, out Value old)
    {
        old = Get(name);
        if (old.IsEmpty) return false;
        Unbind(Runtime.Cells.P(Cells[name]), name);
        return true;
    }

    /// <summary>Unbinds global <paramref name="name"/> (its cell): every deletion of a module's global
    /// goes through here or through <see cref="Store"/> of Empty.</summary>
    public static void Unbind(CellObject* cell, string name)
    {
        BeforeWrite(cell, name);
        CellRecords.NoteMayBeEmpty(CellRecords.OfGlobal(cell));
        cell->Value = Value.Empty;
    }

    public Value Get(string name)
    {
        // SAFETY: module cells are live cell objects.
        return Cells.TryGetValue(name, out var c) ? Runtime.Cells.P(c)->Value : Value.Empty;
    }

    public void Set(string name, Value v) => Store(Runtime.Cells.P(CellFor(name)), name, v);

    /// <summary>Binds global <paramref name="name"/> (its cell) to <paramref name="v"/>: every store to a
    /// module's global goes through here. An unbound (binding it may shadow a builtin) or watched
    /// cell calls <see cref="BeforeWrite"/> first; otherwise it costs one compare, and noting the
    /// value's kind in the global's record (<see cref="CellRecords.NoteGlobal"/>) another.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void Store(CellObject* cell, string name, Value v)
    {
        if (cell->Value.IsEmpty || (cell->Header.GcBits & ObjectHeader.WatchedBit) != 0) BeforeWrite(cell, name);
        else cell->Header.GcBits |= ObjectHeader.RebindBit; // rebound: not a constant for JIT code
        CellRecords.NoteGlobal(cell, v);
        cell->Value = v;
    }

    /// <summary>Called before global <paramref name="name"/>'s cell is bound, rebound or deleted.
    /// JIT code reads builtins, and the functions, classes and modules of watched cells, as constants
    /// behind the class-version check, so the version is bumped when a watched cell changes or an
    /// unbound one that shadows a builtin is bound (rare: usually once per such global, while the
    /// module starts).</summary>
    public static void BeforeWrite(CellObject* cell, string name)
    {
        if ((cell->Header.GcBits & ObjectHeader.WatchedBit) != 0)
        {
            cell->Header.GcBits &= unchecked((byte)~ObjectHeader.WatchedBit);
            cell->Header.GcBits |= ObjectHeader.RebindBit;
            ClassObject.GlobalVersion++;
        }
        else if (cell->Value.IsEmpty && Builtins.Module is { } builtins && !builtins.Get(name).IsEmpty)
            ClassObject.GlobalVersion++;
    }

    public IEnumerable<KeyValuePair<string, Value>> Items()
    {
        foreach (var k in CellOrder)
        {
            var v = Get(k);
            if (!v.IsEmpty) yield return new(k, v);
        }
    }

    public static ModuleObject Of(Value v) => Obj.Get<ModuleObject>(v);
}
