using Lbbv.Fuzz.Model;

namespace Lbbv.Fuzz.Generation;

public sealed partial class ExprGenerator
{
    static readonly string[] StrMethods0 =
        ["upper", "lower", "strip", "title", "swapcase", "capitalize", "lstrip", "rstrip", "casefold"];
    static readonly string[] SliceBounds = ["None", "0", "1", "(-1)", "3", "(-3)", "(2**63)", "(-2**64)", "100"];

    public Expr StrLeaf(Scope s) => Choose((3, () => VarOf(Cat.Str, s)), (3, () => L(rng.Pick(Literals.Strs))));

    /// <summary>A slice bound that never raises: a known int, None, or an edge int (clamped).</summary>
    Expr Bound(Scope s) => rng.Percent(50) ? L(rng.Pick(SliceBounds)) : Int(s, 1);

    public Expr Str(Scope s, int depth)
    {
        if (depth <= 0 || rng.Percent(30)) return StrLeaf(s);
        int d = depth - 1;
        return Choose(
            (3, () => E("({0} + {1})", Str(s, d), Str(s, d))),
            (2, () => E("{0}[{1}:{2}]", Str(s, d), Bound(s), Bound(s))),
            (1, () => E($"{{0}}[::{rng.Pick(["-1", "2", "-2", "3"])}]", Str(s, d))),
            (3, () => E(rng.Percent(50) ? "str({0})[:24]" : "repr({0})[:24]", Any(s, d))),
            (2, () => E($"{{0}}.{rng.Pick(StrMethods0)}()", Str(s, d))),
            (1, () => E("{0}.replace({1}, {2})", Str(s, d), StrLeaf(s), StrLeaf(s))),
            (1, () => E($"({{0}} * {rng.Between(0, 3)})", Str(s, d))),
            (1, () => E($"{{0}}.{rng.Pick(["zfill", "center", "ljust", "rjust"])}({rng.Between(0, 9)})", Str(s, d))),
            (1, () => E("'-'.join([{0}, {1}])", Str(s, d), Str(s, d))),
            (1, () => E("','.join({0}.split())", Str(s, d))),
            (2, () => E("type({0}).__name__", Any(s, d))),
            (2, () => FString(s)),
            (1, () => E("('%.20s|%.20r' % ({0}, {1}))", Any(s, d), Any(s, d))),
            (1, () => E($"('{rng.Pick(["%5.2f", "%d", "%x", "%e", "%g", "%-6d", "%+.3f"])}' % ({{0}},))",
                rng.Percent(70) ? Int(s, d) : E("({0} > {1})", Num(s, d), Num(s, d)))),
            (1, () => E("'{!s:.20}<{!r:.20}>'.format({0}, {1})", Any(s, d), Str(s, d))),
            (1, () => E($"chr({{0}} % {rng.Between(30, 200)} + 48)", Int(s, d))),
            (1, () => E("str({0})", Num(s, d))),
            (1, () => E("({0} if {1} else {2})", Str(s, d), Cond(s, d), Str(s, d))),
            (1, () => Call(Cat.Str, s, d)),
            (s.Safe ? 0 : 5, () => RaisingStr(s, d)));
    }

    /// <summary>An f-string; its holes are leaves (an f-string may not nest its own quote in 3.11).</summary>
    Expr FString(Scope s) => rng.Below(5) switch
    {
        0 => E("f\"<{{0}!r:.20}|{{1}}>\"", AnyLeaf(s), StrLeaf(s)),
        1 => E($"f\"{{{{0}}:{rng.Pick([">8", "<5", "^7", "", ".0f", ".2e", ",", "+"])}}}\"", NumLeaf(s)),
        2 => E("f\"{{0}=}\"", NumLeaf(s)),
        3 => E("f\"{{0}!s:>6}\"", StrLeaf(s)),
        _ => E("f\"{{0}}-{{1}!s:.20}\"", NumLeaf(s), AnyLeaf(s)),
    };

    /// <summary>A leaf of any kind (a variable, pool entry or literal).</summary>
    Expr AnyLeaf(Scope s) => Choose(
        (3, () => VarOf(Cat.Any, s)),
        (2, () => NumLeaf(s)),
        (2, () => StrLeaf(s)),
        (1, () => VarOf(Cat.List, s)),
        (1, () => VarOf(Cat.Tuple, s)),
        (1, () => VarOf(Cat.Dict, s)),
        (1, () => VarOf(Cat.Obj, s)),
        (1, () => L("None")),
        (1, () => L($"{World.Pool}[{rng.Below(world.PoolSize)}]")));

    Expr RaisingStr(Scope s, int d) => Choose(
        // The receiver is never a literal: 'abc'[1.5] makes CPython print a SyntaxWarning.
        (3, () => E("{0}[{1}]", VarOf(Cat.Str, s) ?? E("str({0})", NumLeaf(s)), Num(s, d))),
        (2, () => E("({0} + {1})", Str(s, d), Any(s, d))),
        (1, () => E("{0}.index({1})", Str(s, d), Str(s, d))),
        (1, () => E("chr({0})", Num(s, d))),
        (1, () => E("{0}.split({1})", Str(s, d), StrLeaf(s))),
        (1, () => E($"f\"{{{{0}}:{rng.Pick(["x", "d", ".2f", ">4", "b", "%"])}}}\"", AnyLeaf(s))),
        (1, () => E("('%d|%.20s' % ({0}, {1}))", Any(s, d), Any(s, d))),
        (1, () => E("({0} * {1})", Str(s, d), Int(s, d))),
        (1, () => E($"{{0}}.{rng.Pick(StrMethods0)}()", AnyAtom(s))),
        (1, () => E("str({0}.a)[:24]", AnyAtom(s))));
}
