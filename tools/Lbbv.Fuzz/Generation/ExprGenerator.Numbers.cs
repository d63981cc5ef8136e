using Lbbv.Fuzz.Model;

namespace Lbbv.Fuzz.Generation;

public sealed partial class ExprGenerator
{
    static readonly string[] Compare = ["<", "<=", "==", "!=", ">", ">="];
    static readonly string[] TypeNames = ["int", "float", "bool", "str", "list", "(int, float)", "tuple", "dict"];
    static readonly string[] NonZeroDivisors = ["3", "(-5)", "7", "2", "1.5", "(-0.5)", "(2**64)", "1000000007"];

    /// <summary>A number literal: small and edge ints, float specials, bools.</summary>
    public Expr NumLiteral() => rng.Weighted([4, 3, 3, 1]) switch
    {
        0 => L(rng.Pick(Literals.SmallInts)),
        1 => L(rng.Pick(Literals.EdgeInts)),
        2 => L(rng.Pick(Literals.Floats)),
        _ => L(rng.Pick(Literals.Bools)),
    };

    public Expr NumLeaf(Scope s) => Choose(
        (4, () => VarOf(Cat.Num, s)),
        (2, () => s.Counters.Count == 0 ? null : L(rng.Pick(s.Counters))),
        (3, NumLiteral),
        (1, () => L(World.GlobalNum)));

    public Expr Int(Scope s, int depth)
    {
        if (depth <= 0 || rng.Percent(50))
            return Choose((3, () => s.Counters.Count == 0 ? null : L(rng.Pick(s.Counters))),
                (2, () => L(rng.Pick(Literals.SmallInts))));
        return Choose(
            (2, () => E($"({{0}} % {rng.Between(2, 9)})", Int(s, depth - 1))),
            (2, () => E("({0} + {1})", Int(s, depth - 1), Int(s, depth - 1))),
            (1, () => E("({0} * 3)", Int(s, depth - 1))),
            (2, () => E("len({0})", Sized(s, depth - 1))));
    }

    /// <summary>A str, list, tuple or dict: something len() accepts.</summary>
    Expr Sized(Scope s, int depth) => rng.Below(4) switch
    {
        0 => Str(s, depth),
        1 => List(s, depth),
        2 => Tuple(s, depth),
        _ => Dict(s, depth),
    };

    public Expr Num(Scope s, int depth)
    {
        if (depth <= 0 || rng.Percent(30)) return NumLeaf(s);
        int d = depth - 1;
        return Choose(
            (4, () => E("({0} + {1})", Num(s, d), Num(s, d))),
            (3, () => E("({0} - {1})", Num(s, d), Num(s, d))),
            (3, () => E("({0} * {1})", Num(s, d), Num(s, d))),
            (1, () => E("(-{0})", Num(s, d))),
            (1, () => E("abs({0})", Num(s, d))),
            (1, () => E(rng.Percent(50) ? "min({0}, {1})" : "max({0}, {1})", Num(s, d), Num(s, d))),
            (2, () => E($"({{0}} {rng.Pick(["//", "%", "/"])} {rng.Pick(NonZeroDivisors)})", Num(s, d))),
            (2, () => E($"({{0}} {rng.Pick(Compare)} {{1}})", Num(s, d), Num(s, d))),
            (1, () => E($"({{0}} {rng.Pick(Compare)} {{1}} {rng.Pick(Compare)} {{2}})",
                Num(s, d), Num(s, d), Num(s, d))),
            (1, () => E("({0} == {1})", Any(s, d), Any(s, d))),
            (1, () => E("({0} is None)", AnyAtom(s))),
            (1, () => E("({0} in {1})", Flat(s), rng.Percent(50) ? List(s, d) : Tuple(s, d))),
            (1, () => E($"isinstance({{0}}, {rng.Pick(TypeNames.Append(world.Classes[0].Name).ToList())})", Any(s, d))),
            (2, () => E("len({0})", Sized(s, d))),
            (2, () => E("({0} if {1} else {2})", Num(s, d), Cond(s, d), Num(s, d))),
            (1, () => E("float({0})", Num(s, d))),
            (1, () => E("int({0})", rng.Percent(50) ? Int(s, d) : E("({0} > {1})", Num(s, d), Num(s, d)))),
            (1, () => E($"round({{0}}, {rng.Between(-1, 3)})", Num(s, d))),
            (1, () => E("bool({0})", Any(s, d))),
            (1, () => E("sum([{0}, {1}, {2}])", Num(s, d), Num(s, d), Num(s, d))),
            (2, () => Call(Cat.Num, s, d)),
            (s.Safe ? 0 : 8, () => RaisingNum(s, d)));
    }

    /// <summary>Arithmetic that may raise ZeroDivisionError, OverflowError, ValueError or TypeError.</summary>
    Expr RaisingNum(Scope s, int d) => Choose(
        (3, () => E($"({{0}} {rng.Pick(["/", "//", "%"])} {{1}})", Num(s, d), Num(s, d))),
        // The base is a leaf: (x ** 5) ** 5 of an int near 2**64 has more digits than CPython converts to str.
        (2, () => E($"({{0}} ** {rng.Pick(Literals.Exponents)})", NumLeaf(s))),
        (2, () => E($"({{0}} {rng.Pick(["<<", ">>"])} {{1}})", Num(s, d),
            rng.Percent(70) ? E($"({{0}} % {rng.Between(1, 70)})", Int(s, d)) : L(rng.Pick(["(-1)", "64", "0"])))),
        (2, () => E($"({{0}} {rng.Pick(["&", "|", "^"])} {{1}})", Num(s, d), Num(s, d))),
        (1, () => E("(~{0})", Num(s, d))),
        (2, () => E("int({0})", Any(s, d))),
        (1, () => E("float({0})", Any(s, d))),
        (1, () => E("round({0})", Num(s, d))),
        (1, () => E($"math.{rng.Pick(["floor", "ceil", "trunc", "sqrt", "fabs", "log"])}({{0}})", Num(s, d))),
        (1, () => E("divmod({0}, {1})[0]", Num(s, d), Num(s, d))),
        (2, () => E("({0} < {1})", AnyAtom(s), Any(s, d))),
        (1, () => E("len({0})", AnyAtom(s))),
        (1, () => E("({0} in {1})", Any(s, d), AnyAtom(s))),
        (1, () => E("{0}.index({1})", VarOf(Cat.List, s) ?? L("[1, 2]"), Flat(s))));
}
