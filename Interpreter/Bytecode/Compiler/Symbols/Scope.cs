using Lbbv.Syntax;

namespace Lbbv.Bytecode.Compiler.Symbols;

internal enum ScopeKind { Module, Function, Lambda, Class, Comprehension }

/// <summary>How a name is accessed in one scope, after analysis.</summary>
internal enum VarKind { Local, Cell, Free, GlobalExplicit, GlobalImplicit }

[Flags]
internal enum SymFlags
{
    None = 0,
    Assigned = 1,   // bound in this scope (assignment, def, import, for target, except name, del)
    Param = 2,
    Global = 4,     // `global` declaration
    Nonlocal = 8,   // `nonlocal` declaration
    Used = 16,
}

/// <summary>One scope of the symbol table (CPython's symtable entry).</summary>
internal sealed class Scope(ScopeKind kind, string name, Scope? parent, Node? node, string? privateName)
{
    public ScopeKind Kind { get; } = kind;
    public string Name { get; } = name;
    public Scope? Parent { get; } = parent;
    public Node? Node { get; } = node;
    /// <summary>Name of the innermost enclosing class, for private name mangling (`__x` -> `_C__x`).</summary>
    public string? PrivateName { get; } = privateName;
    public List<Scope> Children { get; } = new();

    /// <summary>Names in order of first appearance.</summary>
    public List<string> Order { get; } = new();
    public Dictionary<string, SymFlags> Flags { get; } = new();
    /// <summary>Parameters in slot order: positional, keyword-only, *args, **kwargs.</summary>
    public List<string> Params { get; } = new();
    /// <summary>Where `global`/`nonlocal` declared a name (for error positions).</summary>
    public Dictionary<string, Pos> DeclPos { get; } = new();

    public bool IsGenerator { get; set; }
    /// <summary>An `async def` body: its code makes a coroutine (a generator with the Coroutine flag).</summary>
    public bool IsCoroutine { get; set; }
    /// <summary>Class scope whose methods use `super`/`__class__`: the body gets a `__class__` cell.</summary>
    public bool NeedsClassClosure { get; set; }

    /// <summary>Resolved access of every name used or bound in this scope.</summary>
    public Dictionary<string, VarKind> Resolved { get; } = new();
    /// <summary>Free variables of this code (sorted): captured from the enclosing function scopes,
    /// including names only passed through to inner scopes.</summary>
    public List<string> FreeVars { get; } = new();
    /// <summary>Cell variables of this code (sorted).</summary>
    public List<string> CellVars { get; } = new();
    /// <summary>The identity of each cell variable, shared with the inner scopes that capture it.</summary>
    public Dictionary<string, CellVariable> CellVariables { get; } = new();

    public bool IsFunctionLike => Kind is ScopeKind.Function or ScopeKind.Lambda or ScopeKind.Comprehension;

    public SymFlags FlagsOf(string name) => Flags.TryGetValue(name, out var f) ? f : SymFlags.None;

    public void Add(string name, SymFlags flags)
    {
        if (Flags.TryGetValue(name, out var old)) Flags[name] = old | flags;
        else { Flags[name] = flags; Order.Add(name); }
    }

    public VarKind Resolve(string name) =>
        Resolved.TryGetValue(name, out var k) ? k : VarKind.GlobalImplicit;

    /// <summary>The variable behind free variable <paramref name="name"/>: the cell of the nearest
    /// enclosing scope that defines it.</summary>
    public CellVariable FreeVariable(string name)
    {
        for (var s = Parent; s != null; s = s.Parent)
            if (s.CellVariables.TryGetValue(name, out var v)) return v;
        throw new InvalidOperationException(
            $"internal compiler error: free variable '{name}' of {Name} has no defining scope");
    }

    public override string ToString() => $"{Kind} {Name}";
}
