namespace Lbbv.Fuzz.Generation;

/// <summary>Where a statement or expression is generated: the variables it may use and what it may
/// do there. Immutable; nested blocks derive a new scope.</summary>
public sealed record Scope
{
    public required IReadOnlyList<Var> Vars { get; init; }
    /// <summary>False inside a try whose handlers catch Exception: operations that may raise are allowed.</summary>
    public bool Safe { get; init; } = true;
    /// <summary>Known-int variables: loop counters.</summary>
    public IReadOnlyList<string> Counters { get; init; } = [];
    /// <summary>Iterations of the enclosing loops multiplied (bounds the work of nested loops and calls).</summary>
    public int Work { get; init; } = 1;
    public int LoopDepth { get; init; }
    public int BlockDepth { get; init; }
    /// <summary>In a function body (else module level, where globals are assigned directly).</summary>
    public bool InFunction { get; init; }
    /// <summary>The globals this function declared `global` (it may rebind them).</summary>
    public IReadOnlySet<string> Globals { get; init; } = new HashSet<string>();
    /// <summary>How many of the world's functions (a prefix, in definition order) calls may name:
    /// a function only calls those defined before it, so no call chain recurses.</summary>
    public int CallableFunctions { get; init; }
    /// <summary>May call `o.m(...)` and `o.n()` (not inside methods: m may be any class's m).</summary>
    public bool CallMethods { get; init; }
    /// <summary>May call the rebindable global function `g`.</summary>
    public bool CallGlobalFunc { get; init; }
    /// <summary>A driver or module section: a checksum line is printed after each hot loop (other
    /// functions run many times and only fold values into the checksum).</summary>
    public bool Prints { get; init; }
    /// <summary>In a function body: the category its return statements return.</summary>
    public Cat? Returns { get; init; }
    /// <summary>Inside a for or while loop of this function (break and continue are allowed).</summary>
    public bool InLoopBody { get; init; }
    public required Budget Budget { get; init; }

    public IEnumerable<Var> Of(Cat cat) => Vars.Where(v => v.Cat == cat);

    public Scope Unsafe() => this with { Safe = false, BlockDepth = BlockDepth + 1 };
    public Scope Nested() => this with { BlockDepth = BlockDepth + 1 };

    public Scope InLoop(string? counter, int iterations, Var? element = null) => this with
    {
        Counters = counter is null ? Counters : [.. Counters, counter],
        Vars = element is null ? Vars : [.. Vars.Where(v => v.Name != element.Name), element],
        Work = Work * Math.Max(1, iterations),
        LoopDepth = LoopDepth + 1,
        BlockDepth = BlockDepth + 1,
        InLoopBody = true,
    };

    public bool CanRebind(string global) => !InFunction || Globals.Contains(global);
}

/// <summary>The statements a function, method or section may still generate (keeps programs small)
/// and the most work (loop iterations times callee work) any of its statements does: a function's
/// cost, which bounds the loops its callers may call it from.</summary>
public sealed class Budget(int statements)
{
    public int Left { get; private set; } = statements;
    public int MaxWork { get; private set; } = 1;
    public bool Take() => Left-- > 0;
    public void Note(int work) => MaxWork = Math.Max(MaxWork, work);
}
