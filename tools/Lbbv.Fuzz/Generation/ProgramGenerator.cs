using Lbbv.Fuzz.Model;

namespace Lbbv.Fuzz.Generation;

/// <summary>Generates the program for a seed: prelude, classes, the global pools and rebindable
/// names, functions, then 2 to 4 sections, each either module-level code or a driver function
/// `runN()` called from module level, with a checksum line after every top-level statement.</summary>
public static class ProgramGenerator
{
    public static PyProgram Generate(long seed) => Generate(seed, GeneratorOptions.Default);

    public static PyProgram Generate(long seed, GeneratorOptions options)
    {
        var rng = new Rng((ulong)seed * 0x2545F4914F6CDD1DUL + 0x1234567UL);
        var world = new World();
        var exprs = new ExprGenerator(rng, world);
        var stmts = new StmtGenerator(rng, world, exprs, options);
        var functions = new FunctionGenerator(rng, world, exprs, stmts);
        // The pool's size is fixed first: methods and functions index it before it is generated.
        world.PoolSize = 9 + rng.Between(0, 3);
        var body = new List<Stmt>();
        body.Add(Line.Of($"# lbbv-fuzz seed {seed}"));
        body.AddRange(Prelude.Statements());
        body.AddRange(new ClassGenerator(rng, world, exprs, stmts).Generate());
        body.AddRange(Pools(rng, world, exprs));
        body.AddRange(functions.Rebindables());
        body.AddRange(functions.RecursionAndGenerator());
        body.AddRange(functions.Functions(rng.Between(2, 5)));
        int sections = rng.Between(2, 4);
        for (int i = 0; i < sections; i++)
            body.AddRange(rng.Percent(60)
                ? Driver(i, rng, world, stmts, functions)
                : ModuleSection(rng, world, stmts, functions));
        body.Add(Line.Of("_show('end')"));
        return new PyProgram([.. body]);
    }

    /// <summary>POOL: values of every kind (indexed by a counter, a site sees a new kind each
    /// iteration); OBJS: one instance of each class; GN: a global number.</summary>
    static IEnumerable<Stmt> Pools(Rng rng, World world, ExprGenerator exprs)
    {
        var scope = new Scope { Vars = [], Budget = new Budget(0) };
        yield return Line.Of(World.GlobalNum + " = {0}", exprs.NumLiteral());
        var items = new List<Expr>();
        foreach (var c in world.Classes)
            items.Add(Expr.Of(c.Name + "({0}, {1})", exprs.Scalar(scope), exprs.Scalar(scope)));
        var objects = Expr.Of("[" + string.Join(", ", items.Select((_, i) => "{" + i + "}")) + "]", [.. items]);
        yield return Line.Of(World.Objects + " = {0}", objects);

        var pool = new List<Expr>
        {
            exprs.NumLiteral(), exprs.NumLiteral(), Expr.Leaf(rng.Pick(Literals.Floats)), exprs.StrLeaf(scope),
            Expr.Leaf(rng.Pick(["None", "[]", "()", "{}", "''", "0", "0.0", "False"])),
            exprs.List(scope, 1), exprs.Tuple(scope, 1), exprs.Dict(scope, 1),
            Expr.Leaf($"{World.Objects}[{rng.Below(world.Classes.Count)}]"),
        };
        while (pool.Count < world.PoolSize) pool.Insert(rng.Below(pool.Count), exprs.Flat(scope));
        string holes = string.Join(", ", pool.Select((_, i) => "{" + i + "}"));
        yield return Line.Of(World.Pool + " = [" + holes + "]", [.. pool]);
    }

    static List<(Var Var, Line Init)> SectionLocals(Rng rng, FunctionGenerator functions) =>
        functions.Locals(rng.Between(4, 7), "z").ToList();

    static bool IsShow(Stmt stmt) =>
        stmt is Line { Template: var t } && t.StartsWith("_show", StringComparison.Ordinal);

    /// <summary>`def runN(): ...` rebinding the globals, then a call (sometimes two: the second
    /// runs the compiled code with the globals as the first call left them).</summary>
    static IEnumerable<Stmt> Driver(int index, Rng rng, World world, StmtGenerator stmts, FunctionGenerator functions)
    {
        var locals = SectionLocals(rng, functions);
        var scope = functions.NewScope([.. locals.Select(l => l.Var)], safe: true, world.Functions.Count, null,
            budget: rng.Between(8, 20)) with
        {
            Globals = new HashSet<string> { World.GlobalFunc, World.GlobalClass, World.GlobalNum },
            Prints = true,
        };
        var body = new List<Stmt> { Line.Of($"global {World.GlobalFunc}, {World.GlobalClass}, {World.GlobalNum}") };
        body.AddRange(locals.Select(l => l.Init));
        foreach (var stmt in stmts.Block(scope, rng.Between(3, 7)))
        {
            body.Add(stmt);
            if (stmt is Compound) body.Add(stmts.Mix(Expr.Leaf(rng.Pick(locals).Var.Name)));
        }
        string name = "run" + index;
        yield return Compound.Of(Clause.Of($"def {name}():", body));
        yield return Line.Of(name + "()");
        yield return stmts.Show();
        if (rng.Percent(30))
        {
            yield return Line.Of(name + "()");
            yield return stmts.Show();
        }
    }

    /// <summary>Statements at module level: locals are globals here, and loops run on global loads
    /// and stores.</summary>
    static IEnumerable<Stmt> ModuleSection(Rng rng, World world, StmtGenerator stmts, FunctionGenerator functions)
    {
        var locals = SectionLocals(rng, functions);
        var scope = functions.NewScope([.. locals.Select(l => l.Var)], safe: true, world.Functions.Count, null,
            budget: rng.Between(8, 16)) with { InFunction = false, Prints = true };
        foreach (var l in locals) yield return l.Init;
        var block = stmts.Block(scope, rng.Between(3, 6));
        for (int i = 0; i < block.Count; i++)
        {
            yield return block[i];
            if (!IsShow(block[i]) && (i + 1 == block.Count || !IsShow(block[i + 1]))) yield return stmts.Show();
        }
    }
}
