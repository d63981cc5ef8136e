using Lbbv.Fuzz.Model;

namespace Lbbv.Fuzz.Generation;

/// <summary>Generates the module's functions: `gA`/`gB`/`gC` (one signature; the global `g` is
/// rebound among them), the bounded recursion `rec`, the generator `gen`, and `f0`..`fN` with typed
/// parameters (a Num parameter sees ints, big ints, floats and bools in turn; an Any parameter sees
/// everything), each calling only functions defined before it.</summary>
public sealed class FunctionGenerator(Rng rng, World world, ExprGenerator exprs, StmtGenerator stmts)
{
    static readonly Cat[] ParameterCats = [Cat.Num, Cat.Num, Cat.Any, Cat.Any, Cat.Str, Cat.List, Cat.Obj, Cat.Dict];
    static readonly Cat[] ResultCats = [Cat.Num, Cat.Any, Cat.Any, Cat.Str, Cat.List, Cat.Obj, Cat.Dict, Cat.Tuple];
    static readonly string[] ParameterNames = ["a", "b", "c"];

    static Line Stmt(string template, params Expr[] kids) => Line.Of(template, kids);

    static Compound Def(string header, IEnumerable<Stmt> body) => Compound.Of(Clause.Of(header, body));

    public IEnumerable<Stmt> Rebindables()
    {
        int count = rng.Between(2, 3);
        for (int i = 0; i < count; i++)
        {
            var info = new FunctionInfo("g" + (char)('A' + i), [Cat.Any], Cat.Any) { MayRaise = rng.Percent(15) };
            var scope = NewScope([new Var("a", Cat.Any)], !info.MayRaise, callable: 0, Cat.Any, budget: 3)
                with { CallGlobalFunc = false };
            var body = stmts.Block(scope, rng.Between(0, 2));
            body.Add(Stmt("return {0}", exprs.Any(scope, 2)));
            info.Cost = scope.Budget.MaxWork;
            world.Rebindables.Add(info);
            yield return Def($"def {info.Name}(a):", body);
        }
        yield return Stmt($"{World.GlobalFunc} = gA");
        yield return Stmt($"{World.GlobalClass} = K0");
    }

    public IEnumerable<Stmt> RecursionAndGenerator()
    {
        if (rng.Percent(50))
        {
            world.HasRecursive = true;
            var scope = NewScope([new Var("n", Cat.Int, Fixed: true), new Var("x", Cat.Any)], safe: true, callable: 0,
                Cat.Any, budget: 1) with { Counters = ["n"], CallMethods = false, CallGlobalFunc = false };
            yield return Def("def rec(n, x):",
            [
                Compound.Of(Clause.Of("if n <= 0:", [Stmt("return x")])),
                Stmt("return rec(n - 1, {0})", exprs.Any(scope, 2)),
            ]);
        }
        if (rng.Percent(50))
        {
            world.HasGenerator = true;
            var scope = NewScope([], safe: true, callable: 0, Cat.Num, budget: 1)
                with { Counters = ["j"], CallMethods = false, CallGlobalFunc = false };
            yield return Def("def gen(n):",
                [Compound.Of(Clause.Of("for j in range(n):", [Stmt("yield {0}", exprs.Num(scope, 2))]))]);
        }
        if (rng.Percent(60))
        {
            foreach (var def in ClosableGenerators()) yield return def;
        }
    }

    /// <summary>`gen2(n, lg)`: yields under try/except/finally that log into the list `lg` what
    /// close() and throw() raise at the suspension point; on GeneratorExit it re-raises, returns,
    /// or yields again (close() then raises RuntimeError). Sometimes `gen3(n, lg)` delegating to it
    /// with `yield from` (close and throw pass through to gen2).</summary>
    IEnumerable<Stmt> ClosableGenerators()
    {
        world.HasClosableGenerator = true;
        var onExit = new List<Stmt> { Stmt("lg.append('exit')") };
        switch (rng.Below(3))
        {
            case 0: onExit.Add(Stmt("raise")); break;
            case 1: onExit.Add(Stmt("return")); break;
            default:
                world.ClosableGeneratorIgnoresExit = true;
                onExit.Add(Stmt("yield -1"));
                break;
        }
        var loop = Compound.Of(Clause.Of("for j in range(n):", [Compound.Of(
            Clause.Of("try:", [Stmt($"yield j * 3 + {rng.Pick(Literals.SmallInts)}")]),
            Clause.Of("except E0 as e:", [Stmt("lg.append(('E0', str(e)))")]))]));
        yield return Def("def gen2(n, lg):",
        [
            Compound.Of(
                Clause.Of("try:", [loop]),
                Clause.Of("except GeneratorExit:", onExit),
                Clause.Of("finally:", [Stmt("lg.append('fin')")])),
            Stmt("lg.append('end')"),
        ]);
        // A delegating generator closed while gen2 ignores GeneratorExit leaves gen2 suspended and
        // unreferenced: CPython finalizes it at once (its finally runs), Lbbv at a later collection.
        if (world.ClosableGeneratorIgnoresExit || !rng.Percent(50)) yield break;
        world.HasDelegatingGenerator = true;
        yield return Def("def gen3(n, lg):",
            [Stmt("r = yield from gen2(n, lg)"), Stmt("lg.append(('r', r))"), Stmt("yield 99")]);
    }

    public IEnumerable<Stmt> Functions(int count)
    {
        for (int i = 0; i < count; i++)
        {
            int arity = rng.Between(1, 3);
            var parameters = Enumerable.Range(0, arity).Select(p => rng.Pick(ParameterCats)).ToArray();
            var info = new FunctionInfo("f" + i, parameters, rng.Pick(ResultCats)) { MayRaise = rng.Percent(20) };
            var vars = parameters.Select((c, p) => new Var(ParameterNames[p], c)).ToList();
            var body = new List<Stmt>();
            var globals = new HashSet<string>();
            if (rng.Percent(25))
            {
                globals.Add(World.GlobalNum);
                body.Add(Stmt("global " + World.GlobalNum));
            }
            foreach (var local in Locals(rng.Between(0, 2), "y"))
            {
                vars.Add(local.Var);
                body.Add(local.Init);
            }
            var bound = (Vars: vars.ToList(), At: body.Count);
            var scope = NewScope(vars, !info.MayRaise, callable: i, info.Returns, budget: rng.Between(3, 8))
                with { Globals = globals };
            body.AddRange(stmts.Block(scope, rng.Between(2, 6)));
            body.Add(Stmt("return {0}", exprs.Gen(info.Returns, scope, 2)));
            AddClosures(i, body, bound.Vars, bound.At);
            info.Cost = scope.Budget.MaxWork;
            world.Functions.Add(info);
            string signature = string.Join(", ", vars.Take(arity).Select(v => v.Name));
            yield return Def($"def {info.Name}({signature}):", body);
        }
    }

    /// <summary>Sometimes makes some of fN's variables closure cells: `_rdN()` reads them (a tuple,
    /// discarded) and `_wrN()` rebinds one to the value of a variable of its category (nonlocal),
    /// each called at a few places of the body, so the body's own loads and stores of them go through
    /// cells and inner functions load them as free variables (typed closure cells, docs/LBBV.md).
    /// Drawn from a forked generator: seeds without closures name the same programs as before.</summary>
    void AddClosures(int function, List<Stmt> body, List<Var> vars, int at)
    {
        var side = rng.Fork(0xCE11UL + (ulong)function);
        if (!side.Percent(40) || vars.Count == 0) return;
        var captured = vars.Where(_ => side.Percent(60)).ToList();
        if (captured.Count == 0) captured.Add(side.Pick(vars));
        var target = side.Pick(captured);
        var source = side.Pick(vars.Where(v => v.Cat == target.Cat).ToList());
        // `at`: after the locals' first assignments, so every captured variable is bound from then on.
        var calls = new List<Stmt>();
        for (int k = side.Between(1, 3); k > 0; k--) calls.Add(Stmt($"_rd{function}()"));
        calls.Add(Stmt($"_wr{function}({source.Name})"));
        foreach (var call in calls) body.Insert(side.Between(at, body.Count - 1), call);
        string read = string.Join(", ", captured.Select(v => v.Name));
        body.Insert(at, Def($"def _wr{function}(v):", [Stmt($"nonlocal {target.Name}"), Stmt($"{target.Name} = v")]));
        body.Insert(at, Def($"def _rd{function}():", [Stmt($"return ({read},)")]));
    }

    /// <summary>Fresh variables of several categories, each with its first assignment.</summary>
    public IEnumerable<(Var Var, Line Init)> Locals(int count, string prefix)
    {
        var cats = new[] { Cat.Num, Cat.Num, Cat.Str, Cat.List, Cat.Tuple, Cat.Dict, Cat.Obj, Cat.Any, Cat.Any };
        var seed = new Scope { Vars = [], Budget = new Budget(0) };
        for (int i = 0; i < count; i++)
        {
            var v = new Var(prefix + i, rng.Pick(cats));
            Expr init = v.Cat switch
            {
                Cat.Num => exprs.NumLiteral(),
                Cat.Any => exprs.Flat(seed),
                Cat.Obj => exprs.Obj(seed, 1),
                _ => exprs.Gen(v.Cat, seed, 1),
            };
            yield return (v, Line.Of(v.Name + " = {0}", init));
        }
    }

    public Scope NewScope(IReadOnlyList<Var> vars, bool safe, int callable, Cat? returns, int budget) => new()
    {
        Vars = vars,
        Safe = safe,
        InFunction = true,
        CallableFunctions = callable,
        CallMethods = true,
        CallGlobalFunc = true,
        Returns = returns,
        Budget = new Budget(budget),
    };
}
