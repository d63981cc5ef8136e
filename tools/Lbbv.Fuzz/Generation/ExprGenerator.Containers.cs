using Lbbv.Fuzz.Model;

namespace Lbbv.Fuzz.Generation;

public sealed partial class ExprGenerator
{
    Expr Flats(Scope s, int count, string open, string close)
    {
        var kids = Enumerable.Range(0, count).Select(_ => Flat(s)).ToArray();
        string holes = string.Join(", ", Enumerable.Range(0, count).Select(i => "{" + i + "}"));
        if (open == "(" && count == 1) holes += ",";
        return E(open + holes + close, kids);
    }

    /// <summary>An iterable whose elements are flat: what a comprehension or `for` walks.</summary>
    public Expr Iterable(Scope s, int depth) => Choose(
        (3, () => VarOf(Cat.List, s)),
        (2, () => VarOf(Cat.Tuple, s)),
        (2, () => Str(s, depth)),
        (2, () => E($"range({rng.Between(0, 6)})")),
        (1, () => E("range({0} % 5)", Int(s, depth))),
        (1, () => VarOf(Cat.Dict, s) is { } d
            ? E(rng.Pick(["list({0})", "list({0}.values())", "list({0}.keys())"]), d)
            : null),
        (1, () => Flats(s, rng.Between(0, 4), "[", "]")));

    /// <summary>An iterable of flat values that reads no container variable: what zip and enumerate
    /// pair up. (Pairing a list variable's items, assigned back to it in a loop, would nest them one
    /// level deeper each iteration.)</summary>
    Expr FlatIterable(Scope s, int depth) => Choose(
        (2, () => Str(s, depth)),
        (1, () => E($"range({rng.Between(0, 6)})")),
        (1, () => Flats(s, rng.Between(0, 4), "[", "]")));

    /// <summary>A comprehension over an iterable; the element (and filter) use the loop variable `v`
    /// as a value of any kind, with operations that never raise.</summary>
    Expr Comprehension(Scope s, int depth, string open, string close)
    {
        var inner = s with { Vars = [.. s.Vars.Where(v => v.Name != "v"), new Var("v", Cat.Any)] };
        Expr element = Choose(
            (2, () => L("v")),
            (1, () => E("repr(v)[:10]")),
            (1, () => E("({0}, type(v).__name__)", Flat(inner))),
            (1, () => E("(not v)")),
            (1, () => E("type(v).__name__")),
            (1, () => E("(v == {0})", Flat(inner))),
            (1, () => E("(v if v else {0})", Flat(inner))));
        var iterable = Iterable(s, depth - 1);
        return rng.Percent(40)
            ? E(open + "{0} for v in {1} if {2}" + close, element, iterable, Cond(inner, 1))
            : E(open + "{0} for v in {1}" + close, element, iterable);
    }

    public Expr List(Scope s, int depth)
    {
        if (depth <= 0 || rng.Percent(25))
            return Choose((4, () => VarOf(Cat.List, s)), (2, () => Flats(s, rng.Between(0, 4), "[", "]")));
        int d = depth - 1;
        return Choose(
            (3, () => Flats(s, rng.Between(0, 5), "[", "]")),
            (2, () => E("{0}[{1}:{2}]", List(s, d), Bound(s), Bound(s))),
            (1, () => E($"{{0}}[::{rng.Pick(["-1", "2", "-2"])}]", List(s, d))),
            (2, () => E("({0} + {1})", List(s, d), List(s, d))),
            (1, () => E($"({{0}} * {rng.Between(0, 2)})", List(s, d))),
            (1, () => E("list({0})", Tuple(s, d))),
            (1, () => E("list({0})", Str(s, d))),
            (1, () => E("list(range({0} % 6))", Int(s, d))),
            (2, () => Comprehension(s, depth, "[", "]")),
            (1, () => E("{0}.split({1})", Str(s, d), L(rng.Pick(["','", "' '", "'a'"])))),
            (1, () => E("list(map(str, {0}))", Iterable(s, d))),
            (1, () => E("list(filter(None, {0}))", Iterable(s, d))),
            (1, () => E("list(zip({0}, {1}))", FlatIterable(s, d), FlatIterable(s, d))),
            (1, () => E("list(enumerate({0}))", FlatIterable(s, d))),
            (1, () => E("list(reversed({0}))", List(s, d))),
            (1, () => E("sorted({0})", Str(s, d))),
            (1, () => E("{0}.copy()", List(s, d))),
            (1, () => Call(Cat.List, s, d)),
            (s.Safe ? 0 : 3, () => Choose(
                (2, () => E("sorted({0})", List(s, d))),
                (1, () => E("list({0})", AnyAtom(s))),
                (1, () => E("({0} + {1})", List(s, d), AnyAtom(s))))));
    }

    public Expr Tuple(Scope s, int depth)
    {
        if (depth <= 0 || rng.Percent(25))
            return Choose((4, () => VarOf(Cat.Tuple, s)), (2, () => Flats(s, rng.Between(0, 3), "(", ")")));
        int d = depth - 1;
        return Choose(
            (3, () => Flats(s, rng.Between(0, 4), "(", ")")),
            (2, () => E("{0}[{1}:{2}]", Tuple(s, d), Bound(s), Bound(s))),
            (2, () => E("({0} + {1})", Tuple(s, d), Tuple(s, d))),
            (1, () => E("tuple({0})", List(s, d))),
            (1, () => E("tuple({0})", Str(s, d))),
            (1, () => Comprehension(s, depth, "tuple(", ")")),
            (1, () => E("divmod({0}, {1})", Num(s, d), L(rng.Pick(NonZeroDivisors)))),
            (1, () => E("({0}, {1})", Num(s, d), Str(s, d))),
            (s.Safe ? 0 : 2, () => E("divmod({0}, {1})", Num(s, d), Num(s, d))));
    }

    public Expr Dict(Scope s, int depth)
    {
        if (depth <= 0 || rng.Percent(25))
            return Choose((4, () => VarOf(Cat.Dict, s)), (1, () => L("{}")),
                (2, () => DictLiteral(s, rng.Between(1, 3))));
        int d = depth - 1;
        return Choose(
            (3, () => DictLiteral(s, rng.Between(0, 4))),
            (1, () => E("dict({0})", Dict(s, d))),
            (1, () => E("{v: {0} for v in {1}}", Flat(s), Keys(Iterable(s, d), s, d))),
            (1, () => E("dict(zip({0}, {1}))", Str(s, d), Iterable(s, d))),
            (1, () => E("{0}.copy()", Dict(s, d))),
            (1, () => Call(Cat.Dict, s, d)),
            (s.Safe ? 0 : 2, () => E("{{0}: 1}", AnyAtom(s))));
    }

    /// <summary>The iterable if it is a range (its items are hashable), else a small range.</summary>
    Expr Keys(Expr iterable, Scope s, int depth) =>
        iterable.Template.StartsWith("range", StringComparison.Ordinal) ? iterable : E("range({0} % 6)", Int(s, depth));

    Expr DictLiteral(Scope s, int count)
    {
        var kids = new List<Expr>();
        var parts = new List<string>();
        for (int i = 0; i < count; i++)
        {
            parts.Add("{" + (2 * i) + "}: {" + (2 * i + 1) + "}");
            kids.Add(Key(s));
            kids.Add(Flat(s));
        }
        return E("{" + string.Join(", ", parts) + "}", [.. kids]);
    }
}
