using Lbbv.Fuzz.Model;

namespace Lbbv.Fuzz.Generation;

public sealed partial class StmtGenerator
{
    static readonly string[] Counters = ["i", "j", "k", "i3", "i4", "i5"];

    Stmt If(Scope s)
    {
        var inner = s.Nested();
        var clauses = new List<Clause> { Clause.Of("if {0}:", Block(inner, rng.Between(1, 3)), exprs.Cond(s, 2)) };
        if (rng.Percent(25))
            clauses.Add(Clause.Of("elif {0}:", Block(inner, rng.Between(1, 2)), exprs.Cond(s, 2))
                with { Optional = true });
        if (rng.Percent(50))
            clauses.Add(Clause.Of("else:", Block(inner, rng.Between(1, 2))) with { Optional = true });
        return new Compound([.. clauses]);
    }

    /// <summary>try around operations that may raise; the handler records the exception's type and
    /// message (printed outside loops, folded into the checksum inside them).</summary>
    Stmt Try(Scope s)
    {
        var body = new List<Stmt>();
        if (rng.Percent(60)) body.Add(Mix(exprs.Risky(s)));
        body.AddRange(Block(s.Unsafe(), rng.Between(rng.Percent(60) ? 0 : 1, 3)));
        var clauses = new List<Clause> { Clause.Of("try:", body) };
        if (rng.Percent(40))
        {
            var names = Enumerable.Range(0, rng.Between(1, 3)).Select(_ => rng.Pick(Literals.Exceptions)).Distinct();
            string caught = rng.Percent(20) ? "E0" : string.Join(", ", names);
            clauses.Add(Clause.Of($"except ({caught}) as e:", [Handler(s, "e1")]) with { Optional = true });
        }
        clauses.Add(Clause.Of("except Exception as e:", [Handler(s, "e2")]));
        if (rng.Percent(20)) clauses.Add(Clause.Of("else:", Block(s.Nested(), 1)) with { Optional = true });
        if (rng.Percent(20)) clauses.Add(Clause.Of("finally:", [Mix(exprs.Any(s, 1))]) with { Optional = true });
        return new Compound([.. clauses]);
    }

    Line Handler(Scope s, string tag) => s.Work > 1 || s.InFunction
        ? Stmt($"_mix(('{tag}', type(e).__name__, str(e)))")
        : Stmt($"print('{tag}', type(e).__name__, _r(str(e)))");

    /// <summary>A loop of 31 to 300 iterations: past the JIT's default thresholds (30), so its body
    /// and what it calls run compiled, and long enough for values to change type inside it.</summary>
    IEnumerable<Stmt> HotLoop(Scope s)
    {
        int n = rng.Percent(70) ? rng.Between(31, 120) : rng.Between(121, 300);
        n = Math.Max(31, Math.Min(n, World.WorkLimit / 4 / s.Work));
        string counter = Counters[Math.Min(s.LoopDepth, Counters.Length - 1)];
        s.Budget.Note(s.Work * n);
        var after = s.Prints && s.LoopDepth == 0 ? Show() : Mix(exprs.Any(s, 1));
        if (rng.Percent(80))
        {
            var body = Block(s.InLoop(counter, n), rng.Between(2, 6));
            return [Compound.Of(Clause.Of("for " + counter + " in range({0}):", body, L(n.ToString()))), after];
        }
        // The same loop as a while: a back edge the compiler sees through a compare and a jump.
        string w = "w" + s.LoopDepth;
        var whileBody = new List<Stmt> { Stmt(w + " += 1") };
        whileBody.AddRange(Block(s.InLoop(w, n), rng.Between(2, 6)));
        return [Stmt(w + " = 0"), Compound.Of(Clause.Of($"while {w} < {{0}}:", whileBody, L(n.ToString()))), after];
    }

    IEnumerable<Stmt> SmallLoop(Scope s)
    {
        int choice = rng.Below(3);
        int n = rng.Between(2, 6);
        if ((long)s.Work * 16 > World.WorkLimit) return Assign(s);
        s.Budget.Note(s.Work * 16);
        string counter = Counters[Math.Min(s.LoopDepth, Counters.Length - 1)];
        if (choice == 0)
        {
            var body = Block(s.InLoop(counter, n), rng.Between(1, 3));
            return [Compound.Of(Clause.Of("for " + counter + " in range({0}):", body, L(n.ToString())))];
        }
        if (choice == 1)
        {
            var element = new Var("v" + s.LoopDepth, Cat.Any, Fixed: true);
            var body = Block(s.InLoop(null, 16, element), rng.Between(1, 3));
            var iterable = rng.Percent(20) && world.HasGenerator && s.CallableFunctions > 0
                ? Expr.Leaf($"gen({rng.Between(0, 5)})")
                : Expr.Of("list({0})", exprs.Iterable(s, 2));
            var clauses = new List<Clause> { Clause.Of($"for {element.Name} in {{0}}:", body, iterable) };
            if (rng.Percent(20)) clauses.Add(Clause.Of("else:", [Mix(L("'else'"))]) with { Optional = true });
            return [new Compound([.. clauses])];
        }
        string w = "w" + s.LoopDepth;
        var whileBody = new List<Stmt> { Stmt(w + " += 1") };
        whileBody.AddRange(Block(s.InLoop(w, n), rng.Between(1, 3)));
        return [Stmt(w + " = 0"), Compound.Of(Clause.Of($"while {w} < {{0}}:", whileBody, L(n.ToString())))];
    }
}
