using Lbbv.Fuzz.Model;

namespace Lbbv.Fuzz.Generation;

/// <summary>Sets and dict views. A set prints in hash order, so its elements are values whose hash
/// CPython fixes (ints, strs under PYTHONHASHSEED=0, floats but nan, tuples of those, instances of
/// classes with their own __hash__): never None (its 3.11 hash is its address) or an instance
/// hashed by identity. Dict views of arbitrary dicts (whose keys may be None) are compared or
/// counted, or sorted by repr before they are seen.</summary>
public sealed partial class ExprGenerator
{
    static readonly string[] SetConstants =
        ["0", "1", "(-1)", "5", "37", "100", "(2**40)", "(2**61 - 1)", "(2**61)", "(-2**63)", "(2**64 + 3)", "'a'",
         "'abc'", "''", "'K0'", "2.5", "(-0.0)", "1e16", "True", "(1, 'a')", "(2**31)", "(-(2**61 - 1))"];

    /// <summary>A hashable value with a deterministic hash.</summary>
    /// <paramref name="plain"/>: no instances (a set sorted by repr: theirs show addresses).
    public Expr SetElement(Scope s, bool plain = false) => Choose(
        (5, () => L(rng.Pick(SetConstants))),
        (2, () => s.Counters.Count == 0 ? null : E($"({{0}} % {rng.Pick(["8", "13", "(2**61 - 1)"])})",
            L(rng.Pick(s.Counters)))),
        (1, () => VarOf(Cat.Str, s) is { } v ? E("{0}[:2]", v) : null),
        (plain ? 0 : 1, () => UserHashed(s)));

    /// <summary>A new instance of a class whose instances hash by their own __hash__, or null.</summary>
    Expr? UserHashed(Scope s)
    {
        var hashed = world.UserHashed.ToList();
        return hashed.Count == 0 ? null : E(rng.Pick(hashed).Name + "({0}, {1})", Scalar(s), Scalar(s));
    }

    /// <summary>A set display of constants only (CPython builds it from a constant frozenset).</summary>
    Expr ConstantSet() =>
        L("{" + string.Join(", ", Enumerable.Range(0, rng.Between(1, 6)).Select(_ => rng.Pick(SetConstants))) + "}");

    public Expr Set(Scope s, int depth, bool plain = false)
    {
        int d = depth - 1;
        if (depth <= 0 || rng.Percent(30))
            return Choose((3, ConstantSet), (2, () => SetDisplay(s, plain)));
        return Choose(
            (3, ConstantSet),
            (3, () => SetDisplay(s, plain)),
            (1, () => E("set({0})", Str(s, d))),
            (1, () => E($"set(range({rng.Between(0, 9)}))")),
            (1, () => E($"{{v % {rng.Between(2, 9)} for v in range({{0}} % 12)}}", Int(s, d))),
            (2, () => E($"({{0}} {rng.Pick(["|", "&", "-", "^"])} {{1}})", Set(s, d, plain), Set(s, d, plain))),
            (1, () => E($"{{0}}.{rng.Pick(["union", "intersection", "difference", "symmetric_difference"])}({{1}})",
                Set(s, d, plain), Set(s, d, plain))),
            (1, () => E("frozenset({0})", Set(s, d, plain))),
            (1, () => E("({0}.keys() - {1})", KeyedDict(s, d, plain), Set(s, d, plain))),
            (1, () => E($"({{0}}.keys() {rng.Pick(["|", "&", "^"])} {{1}})",
                KeyedDict(s, d, plain), Set(s, d, plain))),
            (1, () => E($"({{1}} {rng.Pick(["|", "&", "-", "^"])} {{0}}.keys())",
                KeyedDict(s, d, plain), Set(s, d, plain))));
    }

    Expr SetDisplay(Scope s, bool plain)
    {
        int count = rng.Between(1, 5);
        var kids = Enumerable.Range(0, count).Select(_ => SetElement(s, plain)).ToArray();
        return E("{" + string.Join(", ", Enumerable.Range(0, count).Select(i => "{" + i + "}")) + "}", kids);
    }

    /// <summary>A dict whose keys are set elements (its key view prints in a fixed order).</summary>
    Expr KeyedDict(Scope s, int depth, bool plain) => rng.Percent(50)
        ? E("dict.fromkeys({0}, 0)", Set(s, depth - 1, plain))
        : E("{{0}: {1}, {2}: {3}}", SetElement(s, plain), Flat(s), SetElement(s, plain), Flat(s));

    /// <summary>Set operators and comparisons between an arbitrary dict's views and sets: only
    /// results that do not show hash order.</summary>
    public Expr DictViewOp(Scope s, int depth)
    {
        int d = depth - 1;
        var dict = VarOf(Cat.Dict, s) ?? KeyedDict(s, d, true);
        return Choose(
            (2, () => E($"sorted({{0}}.keys() {rng.Pick(["|", "&", "-", "^"])} {{1}}, key=repr)",
                dict, Set(s, d, true))),
            (2, () => E($"({{0}}.keys() {rng.Pick(["==", "!=", "<=", "<", ">=", ">"])} {{1}})", dict, Set(s, d, true))),
            (1, () => E("{0}.keys().isdisjoint({1})", dict, Set(s, d, true))),
            (1, () => E("len({0}.keys() & {1})", dict, Set(s, d, true))),
            // Items views hash their values when compared or combined: an unhashable value raises.
            (s.Safe ? 0 : 1, () => E($"({{0}}.items() {rng.Pick(["==", "<=", ">="])} {{1}})", dict,
                E("{({0}, {1})}", SetElement(s, true), SetElement(s, true)))),
            (s.Safe ? 0 : 2, () => E($"len({{0}}.items() {rng.Pick(["|", "&", "-", "^"])} {{1}})", dict,
                E("{({0}, {1})}", Key(s), Flat(s)))),
            (1, () => E("({0} in {1}.keys())", Key(s), dict)),
            (1, () => E("(({0}, {1}) in {2}.items())", Key(s), Flat(s), dict)));
    }
}
