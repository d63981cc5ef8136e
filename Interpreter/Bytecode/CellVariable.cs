// The identity of one cell variable: a local of a function that inner functions read or write.
// Every cell of it (one per call of the defining function) is reached through the slot of this
// variable in the defining code (a cell variable) and in each inner code that captures it (a free
// variable, possibly passed through intermediate scopes); the compiler resolves which enclosing
// code defines each free variable, so all those code objects share this one object.
namespace Lbbv.Bytecode;

public sealed class CellVariable(string name, string definedIn)
{
    /// <summary>The variable's name.</summary>
    public string Name { get; } = name;
    /// <summary>The qualified name of the code that defines (creates the cells of) the variable.</summary>
    public string DefinedIn { get; } = definedIn;
    /// <summary>The runtime's record of what the variable's cells have held (Runtime.CellRecords), or
    /// 0 until the runtime first loads a code that names the variable.</summary>
    public nint Record { get; set; }

    public override string ToString() => $"{DefinedIn}.{Name}";
}
