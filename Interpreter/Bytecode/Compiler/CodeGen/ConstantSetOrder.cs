using System.Numerics;
using Lbbv.Support;

namespace Lbbv.Bytecode.Compiler.CodeGen;

/// <summary>
/// The order in which a set display of constants is built, when CPython builds its frozenset
/// constant one more time than the interpreter does. The interpreter builds the frozenset from the
/// loaded constants and rebuilds it once from its own iteration order (the compiler's constant
/// merging, see Interpreter's BuildSet). CPython 3.11 rebuilds it a second time when interning the
/// code object's string constants replaces one of its strings by an equal string interned earlier
/// (codeobject.c, intern_string_constants: only strings of identifier characters are interned).
/// Loading the constants in the first frozenset's iteration order gives that second rebuild.
///
/// The compiler merges equal constants module-wide, so a string is replaced when it was interned
/// before (CPython's parser interns every identifier of the module; the builtins' and startup
/// modules' names are interned at startup) while the constant the module's code met first with its
/// value was a literal, not an identifier (a class name, keyword or imported name, which is the
/// interned object itself). Single characters are always replaced. An approximation of what the
/// process interned before, which depends on everything it ran.
/// </summary>
internal static class ConstantSetOrder
{
    /// <summary>The constants in the order to load them (the same array when nothing changes).</summary>
    public static object?[] Order(object?[] values, Symbols.SymbolTable symbols)
    {
        foreach (var v in values)
            if (Hash(v) is null) return values; // None, nan, Ellipsis: hashed by address in CPython
        // CPython's constant cache is module-wide: an equal frozenset met before is reused as built.
        var first = symbols.FirstConstantSet(Key(values), values);
        if (!first.Any(v => v is string s && Interned(s, symbols))) return Pad(first, values);
        var table = new SetTable<object?>(v => Hash(v) ?? 0, ConstEquals);
        foreach (var v in first) table.Add(v);
        return Pad([.. table.ToList()], values);
    }

    /// <summary>The elements in order, then as many of the display's values again as it has more
    /// (duplicates change nothing when the interpreter adds them after the elements they equal).</summary>
    static object?[] Pad(object?[] ordered, object?[] values)
    {
        var result = new List<object?>(values.Length);
        var seen = new SetTable<object?>(v => Hash(v) ?? 0, ConstEquals);
        foreach (var v in ordered)
            if (seen.Add(v)) result.Add(v);
        // The display has the same elements (an equal key): each of its values equals one added.
        for (int i = 0; result.Count < values.Length; i++) result.Add(values[i]);
        return [.. result];
    }

    /// <summary>_PyCode_ConstantKey of a frozenset: its elements with their types (1, 1.0 and True
    /// are different constants), in any order.</summary>
    static string Key(object?[] values) => string.Join("\u0001", values
        .Select(v => (v?.GetType().Name ?? "None") + ":" + Describe(v)).Distinct().Order(StringComparer.Ordinal));

    static string Describe(object? v) => v is object?[] items
        ? "(" + string.Join(",", items.Select(i => (i?.GetType().Name ?? "None") + ":" + Describe(i))) + ")"
        : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "";

    static bool Interned(string s, Symbols.SymbolTable symbols) =>
        s.Length > 0 && s.All(c => c < 128 && (char.IsAsciiLetterOrDigit(c) || c == '_'))
        && (s.Length == 1 || !symbols.FirstConstantIsName(s)
            && (symbols.Identifiers.Contains(s) || CPythonInternedNames.AtStartup.Contains(s)));

    static long? Hash(object? v)
    {
        switch (v)
        {
            case bool b: return b ? 1 : 0;
            case BigInteger i: return PyInt.Hash(i);
            case double d: return double.IsNaN(d) ? null : PyFloat.Hash(d);
            case string s: return StrHash.Of(s);
            case object?[] items:
                var hashes = new long[items.Length];
                for (int k = 0; k < items.Length; k++)
                {
                    if (Hash(items[k]) is not { } h) return null;
                    hashes[k] = h;
                }
                return TupleHash.HashTuple(hashes);
            default: return null;
        }
    }

    static bool ConstEquals(object? a, object? b) => (a, b) switch
    {
        (string x, string y) => x == y,
        (object?[] x, object?[] y) => x.Length == y.Length && x.Zip(y).All(p => ConstEquals(p.First, p.Second)),
        _ when Number(a) is { } x && Number(b) is { } y => x.Equals(y),
        _ => false,
    };

    /// <summary>A number as an exact rational-free key: ints (and bools) as BigInteger, integral
    /// floats as BigInteger too (1 == 1.0 == True), other floats as themselves.</summary>
    static object? Number(object? v) => v switch
    {
        bool b => new BigInteger(b ? 1 : 0),
        BigInteger i => i,
        double d when double.IsFinite(d) && d == Math.Floor(d) => new BigInteger(d),
        double d => d,
        _ => null,
    };
}
