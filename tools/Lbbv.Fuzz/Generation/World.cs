namespace Lbbv.Fuzz.Generation;

/// <summary>A generated function: parameter and result categories, and whether a call may raise
/// (then calls go inside try).</summary>
public sealed class FunctionInfo(string name, Cat[] parameters, Cat returns)
{
    public string Name { get; } = name;
    public Cat[] Parameters { get; } = parameters;
    public Cat Returns { get; } = returns;
    public bool MayRaise { get; set; }
    /// <summary>The most loop iterations one call runs (see <see cref="Budget.MaxWork"/>).</summary>
    public int Cost { get; set; } = 1;
}

/// <summary>A generated class. Every instance has attributes `a` (any value) and `b` (a number,
/// str or None) and a method `m(x)`; the rest varies by class, so attribute and method lookups
/// miss on some receivers of a polymorphic site.</summary>
public sealed class ClassInfo(string name, ClassInfo? baseClass)
{
    public string Name { get; } = name;
    public ClassInfo? Base { get; } = baseClass;
    /// <summary>Own __init__ (else inherited from the base, or the base's through super()).</summary>
    public bool OwnInit { get; set; }
    public bool SetsC { get; set; }
    public bool OwnM { get; set; }
    public bool OwnN { get; set; }
    public bool OwnBool { get; set; }
    public bool OwnLen { get; set; }
    public bool OwnRepr { get; set; }
    public bool OwnAdd { get; set; }
    public bool OwnGetItem { get; set; }
    public bool OwnProperty { get; set; }
    public bool OwnEq { get; set; }
    public bool MethodsMayRaise { get; set; }

    bool Has(Func<ClassInfo, bool> own) => own(this) || (Base?.Has(own) ?? false);
    public bool HasC => Has(c => c.SetsC);
    public bool HasN => Has(c => c.OwnN);
    public bool HasAdd => Has(c => c.OwnAdd);
    public bool HasGetItem => Has(c => c.OwnGetItem);
    public bool HasProperty => Has(c => c.OwnProperty);
    public bool HasEq => Has(c => c.OwnEq);
    public bool Raises => Has(c => c.MethodsMayRaise);
}

/// <summary>Everything a program defines at module level that statements may use.</summary>
public sealed class World
{
    public List<ClassInfo> Classes { get; } = [];
    public List<FunctionInfo> Functions { get; } = [];

    /// <summary>Functions of one signature (Any) -> Any that the global `g` is bound to in turn.</summary>
    public List<FunctionInfo> Rebindables { get; } = [];

    /// <summary>Module globals: `POOL` (a list of values of every kind), `OBJS` (instances of every
    /// class), `GN` (a number functions rebind through `global`), `g` (a function), `G` (a class).</summary>
    public const string Pool = "POOL", Objects = "OBJS", GlobalNum = "GN", GlobalFunc = "g", GlobalClass = "G";

    public int PoolSize { get; set; }
    public bool GlobalFuncMayRaise => Rebindables.Any(f => f.MayRaise);
    public bool AnyMethodMayRaise => Classes.Any(c => c.Raises);
    /// <summary>The most work a statement may do: iterations of its loops times its callees' cost.</summary>
    public const int WorkLimit = 12000;
    /// <summary>`rec(n, x)` (bounded recursion) and `gen(n)` (a generator of numbers) are defined.</summary>
    public bool HasRecursive { get; set; }
    public bool HasGenerator { get; set; }
}
