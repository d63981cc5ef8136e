using Lbbv.Fuzz.Model;

namespace Lbbv.Fuzz.Generation;

public sealed partial class ExprGenerator
{
    public Expr Obj(Scope s, int depth)
    {
        if (depth <= 0 || rng.Percent(40))
            return Choose(
                (4, () => VarOf(Cat.Obj, s)),
                (2, () => L($"{World.Objects}[{rng.Below(world.Classes.Count)}]")),
                (2, () => s.Counters.Count == 0 ? null
                    : E($"{World.Objects}[{{0}} % {world.Classes.Count}]", L(rng.Pick(s.Counters)))));
        return Choose(
            (3, () => E(rng.Pick(world.Classes).Name + "({0}, {1})", Scalar(s), Scalar(s))),
            (2, () => E(World.GlobalClass + "({0}, {1})", Scalar(s), Scalar(s))),
            (1, () => E("({0} if {1} else {2})", Obj(s, depth - 1), Cond(s, depth - 1), Obj(s, depth - 1))));
    }

    public Expr Any(Scope s, int depth)
    {
        if (depth <= 0 || rng.Percent(30)) return AnyLeaf(s);
        int d = depth - 1;
        return Choose(
            (4, () => Gen(rng.Pick([Cat.Num, Cat.Str, Cat.List, Cat.Tuple, Cat.Dict, Cat.Obj]), s, d)),
            (3, () => AnyAtom(s)),
            (2, () => E("{0}.a", Obj(s, d))),
            (1, () => E("{0}.b", Obj(s, d))),
            (1, () => E("{0}.kind", Obj(s, d))),
            (2, () => !s.CallMethods || world.AnyMethodMayRaise && s.Safe ? null : E("{0}.m({1})", Obj(s, d), Flat(s))),
            (1, () => E("{0}.get({1})", Dict(s, d), Key(s))),
            (1, () => E("{0}.get({1}, {2})", Dict(s, d), Key(s), Flat(s))),
            (2, () => E("({0} if {1} else {2})", Any(s, d), Cond(s, d), Any(s, d))),
            (1, () => E("({0} or {1})", Any(s, d), Flat(s))),
            (1, () => E("({0} and {1})", Any(s, d), Flat(s))),
            (2, () => Call(Cat.Any, s, d)),
            (2, () => !s.CallGlobalFunc || world.GlobalFuncMayRaise && s.Safe ? null
                : E(World.GlobalFunc + "({0})", Any(s, d))),
            (1, () => E($"{World.Pool}[{{0}} % {world.PoolSize}]", Int(s, d))),
            (s.Safe ? 0 : 8, () => RaisingAny(s, d)));
    }

    /// <summary>Attributes and methods some kinds of value have and others lack.</summary>
    static readonly string[] MaybeMissing =
        ["upper()", "keys()", "count(1)", "a", "bit_length()", "real", "is_integer()", "strip()"];

    /// <summary>Operations on values of unknown kind: most raise TypeError for some kinds.</summary>
    Expr RaisingAny(Scope s, int d) => Choose(
        (3, () => E($"({{0}} {rng.Pick(["+", "-", "/", "//", "%", "&", "|"])} {{1}})", AnyAtom(s),
            rng.Percent(70) ? Flat(s) : L(rng.Pick(Literals.SmallInts)))),
        // Repetition and shifts by a small count only ('ab' * 2**40 would allocate terabytes), and
        // of a value no assignment accumulates (x = y * 2; y = x * 2 in a loop would double a str
        // each iteration).
        (1, () => E($"({{0}} {rng.Pick(["*", "<<", ">>"])} {rng.Pick(Literals.SmallInts)})",
            rng.Percent(50) ? L($"{World.Pool}[{rng.Below(world.PoolSize)}]") : Flat(s))),
        (2, () => E("{0}[{1}]", AnyAtom(s), rng.Percent(50) ? Num(s, d) : Key(s))),
        (1, () => E("{0}[{1}:{2}]", AnyAtom(s), Bound(s), Bound(s))),
        (1, () => E($"{{0}}[{rng.Between(-3, 3)}]", VarOf(Cat.List, s) ?? VarOf(Cat.Tuple, s) ?? AnyAtom(s))),
        (2, () => E("{0}[{1}]", VarOf(Cat.Dict, s) ?? AnyAtom(s), Key(s))),
        (1, () => E("(-{0})", AnyAtom(s))),
        (1, () => E("abs({0})", AnyAtom(s))),
        (1, () => E(rng.Percent(50) ? "max({0}, {1})" : "min({0}, {1})", AnyAtom(s), Flat(s))),
        (1, () => E("{0}.c", Obj(s, d))),
        (1, () => s.CallMethods ? E("{0}.n()", Obj(s, d)) : null),
        (1, () => E("{0}.p", Obj(s, d))),
        (1, () => E("({0} + {1})", Obj(s, d), Flat(s))),
        (1, () => E("{0}[{1}]", Obj(s, d), Flat(s))),
        (1, () => s.CallMethods ? E("{0}.m({1})", Obj(s, d), Flat(s)) : null),
        (1, () => E("{0}({1})", AnyAtom(s), Flat(s))),
        (1, () => E($"{{0}}.{rng.Pick(MaybeMissing)}", AnyAtom(s))),
        (1, () => E("sorted({0})", AnyAtom(s))),
        (1, () => E("list({0})", AnyAtom(s))),
        (1, () => E("dict({0})", AnyAtom(s))),
        (1, () => E("{0}.pop({1})", VarOf(Cat.Dict, s) ?? AnyAtom(s), Key(s))),
        (1, () => E("iter({0})", AnyAtom(s)) is var it ? E("next({0})", it) : null),
        (1, () => Call(Cat.Any, s.Unsafe(), d)));
}
