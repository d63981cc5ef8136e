using Lbbv.Fuzz.Model;

namespace Lbbv.Fuzz.Generation;

public sealed partial class ExprGenerator
{
    /// <summary>An operation that raises for some of its operands' values: division by a number
    /// that may be zero (ZeroDivisionError), an index past the end (IndexError), a missing key
    /// (KeyError), a float too large or an int out of range (OverflowError), a bad literal or a math
    /// domain error (ValueError), a missing attribute, an exhausted iterator. What a try's body
    /// starts with, so each kind of exception is raised, caught and its message printed.</summary>
    public Expr Risky(Scope s) => Choose(
        (4, () => E($"({{0}} {rng.Pick(["/", "//", "%"])} {{1}})", NumLeaf(s), NumLeaf(s))),
        (1, () => E("divmod({0}, {1})", NumLeaf(s), NumLeaf(s))),
        (2, () => E("{0}[{1}]", VarOf(Cat.List, s) ?? E("list({0})", Str(s, 1)),
            rng.Percent(50) ? Int(s, 1) : NumLeaf(s))),
        (1, () => E("{0}[{1}]", VarOf(Cat.Tuple, s) ?? E("tuple({0})", Str(s, 1)), Int(s, 1))),
        (1, () => E("{0}[{1}]", VarOf(Cat.Str, s) ?? E("str({0})", NumLeaf(s)), Int(s, 1))),
        (3, () => E("{0}[{1}]", VarOf(Cat.Dict, s) ?? E("dict({0})", DictLiteral(s, 2)), Key(s))),
        (1, () => E($"float({rng.Pick(["(10**400)", "(2**1024)", "(-2**1100)", "(2**1023)"])})")),
        (2, () => E("int({0})", L(rng.Pick(Literals.Floats)))),
        (1, () => E("round({0})", L(rng.Pick(Literals.Floats)))),
        // A float base: an int near 2**64 to the 5000th has more digits than CPython prints.
        (1, () => E($"(float({{0}}) ** {rng.Pick(["5000", "1000", "(-3)", "(-1)"])})", NumLeaf(s))),
        (2, () => E($"math.{rng.Pick(["sqrt", "log", "floor", "ceil", "exp", "log10"])}({{0}})", NumLeaf(s))),
        (2, () => E("int({0})", StrLeaf(s))),
        (1, () => E("float({0})", StrLeaf(s))),
        (1, () => E("{0}.index({1})", VarOf(Cat.List, s) ?? L("[0, 1]"), Flat(s))),
        (1, () => E("{0}.index({1})", VarOf(Cat.Str, s) ?? E("str({0})", NumLeaf(s)), StrLeaf(s))),
        (1, () => E("{0}.pop()", VarOf(Cat.List, s) ?? L("[]"))),
        (1, () => E("chr({0})", NumLeaf(s))),
        (1, () => E("({0} << {1})", NumLeaf(s), L(rng.Pick(["(-1)", "(-64)", "3"])))),
        (1, () => E("len(range({0}))", NumLeaf(s))),
        (1, () => E("{0}.c", Obj(s, 1))),
        (1, () => E("next(iter({0}))", Iterable(s, 1))),
        (1, () => E($"[1, 2][{rng.Pick(["(2**63)", "(-3)", "2", "(-2**64)"])}]")));
}
