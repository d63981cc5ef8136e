using Lbbv.Fuzz.Model;

namespace Lbbv.Fuzz.Generation;

/// <summary>Generates expressions of a category (see <see cref="Cat"/>). In a safe scope only
/// operations that cannot raise on any value of their operands' categories are used; outside,
/// operations that may raise (ZeroDivisionError, IndexError, KeyError, TypeError, OverflowError,
/// ValueError, AttributeError) are mixed in.
///
/// Two rules keep every program small and fast whatever the seed: containers and attributes only
/// ever receive flat values (scalars, or the fixed instances of OBJS), so nothing nests deeper than
/// two levels however long a loop runs; and `+`/`*` on values of unknown kind take a flat right
/// operand, so a value grows at most linearly in a loop.</summary>
public sealed partial class ExprGenerator(Rng rng, World world)
{
    public Expr Gen(Cat cat, Scope s, int depth) => cat switch
    {
        Cat.Num => Num(s, depth),
        Cat.Int => Int(s, depth),
        Cat.Str => Str(s, depth),
        Cat.List => List(s, depth),
        Cat.Tuple => Tuple(s, depth),
        Cat.Dict => Dict(s, depth),
        Cat.Obj => Obj(s, depth),
        _ => Any(s, depth),
    };

    static Expr L(string text) => Expr.Leaf(text);

    static Expr E(string template, params Expr[] kids) => Expr.Of(template, kids);

    /// <summary>A variable of the category, or null when the scope has none.</summary>
    Expr? VarOf(Cat cat, Scope s)
    {
        var vars = s.Of(cat).ToList();
        return vars.Count == 0 ? null : L(rng.Pick(vars).Name);
    }

    /// <summary>One of the producers, drawn by weight; a producer that cannot make anything here
    /// (it returns null: no variable of its category, say) is dropped and another drawn.</summary>
    Expr Choose(params (int Weight, Func<Expr?> Make)[] producers)
    {
        Span<int> weights = stackalloc int[producers.Length];
        int left = 0;
        for (int i = 0; i < producers.Length; i++)
        {
            weights[i] = producers[i].Weight;
            left += weights[i];
        }
        while (left > 0)
        {
            int pick = rng.Weighted(weights);
            var made = producers[pick].Make();
            if (made != null) return made;
            left -= weights[pick];
            weights[pick] = 0;
        }
        return L("None");
    }

    /// <summary>A value that nests nothing: a scalar, a scalar variable, or one of the fixed instances.</summary>
    public Expr Flat(Scope s) => Choose(
        (4, () => NumLeaf(s)),
        (2, () => StrLeaf(s)),
        (1, () => L("None")),
        (1, () => L($"{World.Objects}[{rng.Below(world.Classes.Count)}]")),
        (1, () => E("({0}, {1})", NumLeaf(s), StrLeaf(s))));

    /// <summary>A number, str or None: what instance attributes and constructor arguments receive,
    /// so an instance never refers to another instance directly (a cycle through instances would
    /// make their __repr__ recurse without end; cycles through lists print `[...]`).</summary>
    public Expr Scalar(Scope s) => Choose((4, () => NumLeaf(s)), (2, () => StrLeaf(s)), (1, () => L("None")));

    /// <summary>A hashable key from a small set, so dicts stay small.</summary>
    public Expr Key(Scope s) => Choose(
        (5, () => L(rng.Pick(Literals.Keys))),
        (2, () => s.Counters.Count == 0 ? null : E("({0} % 8)", L(rng.Pick(s.Counters)))),
        (1, () => VarOf(Cat.Str, s) is { } v ? E("{0}[:1]", v) : null));

    /// <summary>A receiver for an operation on a value of unknown kind: never a literal (a literal
    /// receiver of a call or subscript makes CPython print a SyntaxWarning).</summary>
    Expr AnyAtom(Scope s) => Choose(
        (4, () => VarOf(Cat.Any, s)),
        (2, () => L($"{World.Pool}[{rng.Below(world.PoolSize)}]")),
        (2, () => s.Counters.Count == 0 ? null : E($"{World.Pool}[{{0}} % {world.PoolSize}]", L(rng.Pick(s.Counters)))),
        (1, () => VarOf(Cat.Obj, s) is { } o ? E("{0}.a", o) : null),
        (1, () => VarOf(Cat.Num, s)),
        (1, () => VarOf(Cat.Str, s)),
        (1, () => VarOf(Cat.List, s)),
        (1, () => VarOf(Cat.Dict, s)));

    /// <summary>A condition: a truth test of any value, a comparison, or a phase test of a counter.</summary>
    public Expr Cond(Scope s, int depth) => Choose(
        (4, () => Any(s, depth)),
        (2, () => Num(s, depth)),
        (2, () => s.Counters.Count == 0 ? null
            : E($"({{0}} % {rng.Between(2, 5)} == {rng.Below(2)})", L(rng.Pick(s.Counters)))),
        (1, () => E("(not {0})", Any(s, depth - 1))),
        (1, () => E("({0} and {1})", Any(s, depth - 1), Any(s, depth - 1))),
        (1, () => E("({0} or {1})", Any(s, depth - 1), Num(s, depth - 1))));
}
