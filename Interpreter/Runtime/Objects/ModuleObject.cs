// A module: its name and its globals, each a cell object so that JIT code can load a global directly.
namespace Lbbv.Runtime;

public sealed unsafe class ModuleObject : ITraceable
{
    public readonly string Name;
    public string? File;
    public Value Self;
    /// <summary>Global name -> cell object (a missing or deleted global is an empty cell).</summary>
    public readonly Dictionary<string, Value> Cells = new();

    public ModuleObject(string name) { Name = name; }

    public void Trace()
    {
        foreach (var c in Cells.Values) Gc.Mark(c);
    }

    public Value CellFor(string name)
    {
        if (!Cells.TryGetValue(name, out var c)) { c = Runtime.Cells.New(Value.Empty); Cells[name] = c; }
        return c;
    }

    public Value Get(string name)
    {
        // SAFETY: module cells are live cell objects.
        return Cells.TryGetValue(name, out var c) ? Runtime.Cells.P(c)->Value : Value.Empty;
    }

    public void Set(string name, Value v) => Runtime.Cells.P(CellFor(name))->Value = v;

    public IEnumerable<KeyValuePair<string, Value>> Items()
    {
        foreach (var (k, c) in Cells)
        {
            var v = CellValue(c);
            if (!v.IsEmpty) yield return new(k, v);
        }
    }

    static Value CellValue(Value c) => Runtime.Cells.P(c)->Value;

    public static ModuleObject Of(Value v) => Obj.Get<ModuleObject>(v);
}
