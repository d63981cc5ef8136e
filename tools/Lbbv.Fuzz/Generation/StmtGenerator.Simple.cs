using Lbbv.Fuzz.Model;

namespace Lbbv.Fuzz.Generation;

public sealed partial class StmtGenerator
{
    Var? Assignable(Scope s, Func<Var, bool>? filter = null)
    {
        var vars = s.Vars.Where(v => !v.Fixed && (filter == null || filter(v))).ToList();
        return vars.Count == 0 ? null : rng.Pick(vars);
    }

    static bool Mentions(Expr e, string name) =>
        (e.IsLeaf && e.Template == name) || e.Kids.Any(k => Mentions(k, name));

    static bool Multiplies(Expr e) =>
        e.Template.Contains('*') || e.Template.Contains("<<") || e.Kids.Any(Multiplies);

    /// <summary>`v = e`, bounded: a number that may grow is taken modulo one of
    /// <see cref="Literals.Moduli"/> (crossing 2**63 on the way); a str, list or tuple is cut to a
    /// few items; a value of any kind never depends on itself.</summary>
    public Line AssignTo(Var v, Expr e, Scope s)
    {
        switch (v.Cat)
        {
            case Cat.Num when Multiplies(e) || Mentions(e, v.Name) || (!e.IsLeaf && rng.Percent(40)):
                e = Expr.Of("({0} % " + rng.Pick(Literals.Moduli) + ")", e);
                break;
            case Cat.Str or Cat.List or Cat.Tuple when !e.IsLeaf:
                e = Expr.Of(rng.Percent(50) ? "({0})[:12]" : "({0})[-12:]", e);
                break;
            case Cat.Any when Mentions(e, v.Name):
                e = exprs.Flat(s);
                break;
        }
        return Stmt(v.Name + " = {0}", e);
    }

    IEnumerable<Stmt> Assign(Scope s)
    {
        var v = Assignable(s);
        if (v == null) return [Mix(exprs.Any(s, 2))];
        var assign = AssignTo(v, exprs.Gen(v.Cat, s, 3), s);
        return rng.Percent(50) ? [assign, Mix(L(v.Name))] : [assign];
    }

    IEnumerable<Stmt> Augmented(Scope s)
    {
        var v = Assignable(s, v => v.Cat is Cat.Num or Cat.Str);
        if (v == null) return Assign(s);
        if (v.Cat == Cat.Str)
            return [Stmt($"{v.Name} = ({v.Name} + {{0}})[-12:]", exprs.Str(s, 2))];
        var e = exprs.Num(s, 2);
        if (Mentions(e, v.Name) || Multiplies(e)) e = exprs.NumLiteral();
        return [Stmt($"{v.Name} {rng.Pick(["+=", "-="])} {{0}}", e)];
    }

    /// <summary>A change of one variable's kind at one iteration of the enclosing loop: an int
    /// becomes a float or a big int, an instance of one class another's.</summary>
    IEnumerable<Stmt> PhaseChange(Scope s)
    {
        var v = Assignable(s, v => v.Cat is Cat.Num or Cat.Any or Cat.Obj);
        if (v == null) return Assign(s);
        var counter = L(rng.Pick(s.Counters));
        Expr value = v.Cat switch
        {
            Cat.Num => exprs.NumLiteral(),
            Cat.Obj => exprs.Obj(s, 1),
            _ => exprs.Any(s, 1) is var e && !Mentions(e, v.Name) ? e : exprs.Flat(s),
        };
        string test = rng.Percent(60) ? $"{{0}} == {rng.Between(0, 60)}" : $"{{0}} % {rng.Between(2, 7)} == 0";
        return [Compound.Of(Clause.Of("if " + test + ":", [Stmt(v.Name + " = {0}", value)], counter))];
    }

    IEnumerable<Stmt> Mutate(Scope s)
    {
        // A fixed variable (self, in a method) is never rebound, but its attributes may change.
        var candidates = s.Vars.Where(v => (v.Cat == Cat.Obj || !v.Fixed)
            && v.Cat is Cat.List or Cat.Dict or Cat.Obj or Cat.Str or Cat.Tuple).ToList();
        if (candidates.Count == 0) return [Mix(exprs.Any(s, 2))];
        var v = rng.Pick(candidates);
        var n = L(v.Name);
        return v.Cat switch
        {
            Cat.List => MutateList(n, s),
            Cat.Dict => [MutateDict(n, s)],
            Cat.Obj => [MutateObject(n, s)],
            Cat.Str => [Stmt($"{v.Name} = ({v.Name} + {{0}})[-12:]", exprs.Str(s, 2))],
            _ => [Stmt($"{v.Name} = ({v.Name} + {{0}})[:8]", exprs.Tuple(s, 2))],
        };
    }

    IEnumerable<Stmt> MutateList(Expr l, Scope s)
    {
        Line Trim() => Stmt("del {0}[12:]", l);
        if (!s.Safe && rng.Percent(40))
            return [rng.Below(6) switch
            {
                0 => Stmt("{0}[{1}] = {2}", l, exprs.Num(s, 1), exprs.Flat(s)),
                1 => Stmt("{0}.remove({1})", l, exprs.Flat(s)),
                2 => Stmt("{0}.sort()", l),
                3 => Stmt("{0}[::2] = {1}", l, exprs.List(s, 1)),
                4 => Stmt("{0}.pop({1})", l, exprs.Int(s, 1)),
                _ => Stmt("{0}[{1}] = {2}", l, exprs.Int(s, 1), exprs.Flat(s)),
            }];
        return rng.Below(9) switch
        {
            0 or 1 => [Stmt("{0}.append({1})", l, exprs.Flat(s)), Trim()],
            2 => [Stmt("{0}.extend({1})", l, exprs.List(s, 1)), Trim()],
            3 => [Stmt("{0}.insert({1}, {2})", l, exprs.Int(s, 1), exprs.Flat(s)), Trim()],
            4 => [Stmt("{0}[{1}:{2}] = {3}", l, L(rng.Pick(["0", "1", "(-2)", "None", "(2**63)"])),
                L(rng.Pick(["1", "3", "(-1)", "None", "0"])), exprs.List(s, 1)), Trim()],
            5 => [Stmt("del {0}[{1}:{2}]", l, L(rng.Pick(["0", "1", "(-2)"])), L(rng.Pick(["1", "2", "None"])))],
            6 => [Compound.Of(Clause.Of("if {0}:", [Stmt("{0}.pop()", l)], l))],
            7 => [Stmt("{0}.reverse()", l)],
            _ => [Stmt("{0} = {1}", l, Expr.Of("({0})[:12]", exprs.List(s, 2)))],
        };
    }

    Line MutateDict(Expr d, Scope s)
    {
        if (!s.Safe && rng.Percent(30))
            return rng.Percent(50)
                ? Stmt("del {0}[{1}]", d, exprs.Key(s))
                : Stmt("{0}[{1}] = {2}", d, exprs.Any(s, 1), exprs.Flat(s));
        return rng.Below(6) switch
        {
            0 or 1 or 2 => Stmt("{0}[{1}] = {2}", d, exprs.Key(s), exprs.Flat(s)),
            3 => Stmt("{0}.pop({1}, None)", d, exprs.Key(s)),
            4 => Stmt("{0}.update({1})", d, exprs.Dict(s, 1)),
            _ => Stmt("{0}.setdefault({1}, {2})", d, exprs.Key(s), exprs.Flat(s)),
        };
    }

    /// <summary>An attribute store: `a` takes a scalar or a flat container, `b` a scalar, `c` exists
    /// on some instances only (a new attribute changes the instance's shape).</summary>
    Line MutateObject(Expr o, Scope s)
    {
        if (!s.Safe && rng.Percent(30)) return Stmt("{0}.a += {1}", o, exprs.Scalar(s));
        return rng.Below(5) switch
        {
            0 or 1 => Stmt("{0}.a = {1}", o, exprs.Scalar(s)),
            2 => Stmt("{0}.a = {1}", o, rng.Percent(50) ? exprs.List(s, 0) : exprs.Tuple(s, 0)),
            3 => Stmt("{0}.b = {1}", o, exprs.Scalar(s)),
            _ => Stmt("{0}.c = {1}", o, exprs.Scalar(s)),
        };
    }

    /// <summary>Rebinding the global function `g`, class `G` or number `GN` (in a loop, at one
    /// iteration: code compiled for the old binding must see the new one).</summary>
    IEnumerable<Stmt> Rebind(Scope s)
    {
        var choices = new List<Line>();
        if (s.CanRebind(World.GlobalFunc) && world.Rebindables.Count > 0)
            choices.Add(Stmt(World.GlobalFunc + " = " + rng.Pick(world.Rebindables).Name));
        if (s.CanRebind(World.GlobalClass))
            choices.Add(Stmt(World.GlobalClass + " = " + rng.Pick(world.Classes).Name));
        if (s.CanRebind(World.GlobalNum))
            choices.Add(Stmt(World.GlobalNum + " = {0}", Expr.Of("({0} % (2**64))", exprs.Num(s, 2))));
        if (s.CanRebind(World.Objects) && !s.InFunction)
            choices.Add(Stmt($"{World.Objects}[{rng.Below(world.Classes.Count)}] = {{0}}", exprs.Obj(s, 1)));
        if (options.ClassAttributes && s.CallMethods)
        {
            // A class attribute or method changes under code compiled for the old one. A root class's
            // `m` (it uses only `a` and `b`, which every instance has, and no super()) works on every
            // class's instances.
            var target = rng.Pick(world.Classes);
            choices.Add(rng.Percent(50)
                ? Stmt($"{target.Name}.kind = {{0}}", exprs.Scalar(s))
                : Stmt($"{target.Name}.m = {rng.Pick(world.Classes.Where(c => c.Base == null).ToList()).Name}.m"));
        }
        if (choices.Count == 0) return Assign(s);
        var line = rng.Pick(choices);
        if (s.Counters.Count == 0 || rng.Percent(30)) return [line];
        return [Compound.Of(Clause.Of($"if {{0}} == {rng.Between(1, 50)}:", [line], L(rng.Pick(s.Counters))))];
    }

    /// <summary>`_gc()`: a collection at the next safepoint; in a loop, at one iteration in 40.</summary>
    Stmt CollectionPoint(Scope s)
    {
        if (s.Counters.Count == 0) return Stmt("_gc()");
        return Compound.Of(Clause.Of($"if {{0}} % 40 == {rng.Below(40)}:", [Stmt("_gc()")], L(rng.Pick(s.Counters))));
    }

    Line Raise(Scope s)
    {
        // A number as the test: a tuple there makes CPython warn "assertion is always true".
        if (rng.Percent(25)) return Stmt("assert {0}, {1}", exprs.Num(s, 2), exprs.Str(s, 1));
        string type = rng.Pick(["ValueError", "KeyError", "E0", "E1", "TypeError", "IndexError"]);
        return Stmt($"raise {type}({{0}})", exprs.Str(s, 1));
    }

    IEnumerable<Stmt> CallForEffect(Scope s)
    {
        var call = exprs.Any(s, 1);
        return [rng.Percent(50) ? Mix(call) : Stmt("{0}", call)];
    }
}
