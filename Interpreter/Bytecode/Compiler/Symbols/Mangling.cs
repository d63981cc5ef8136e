namespace Lbbv.Bytecode.Compiler.Symbols;

internal static class Mangling
{
    /// <summary>CPython's private name mangling: inside class C, `__x` becomes `_C__x`
    /// (not dunder names, not dotted names; leading underscores of the class name are stripped).</summary>
    public static string Mangle(string? privateName, string name)
    {
        if (privateName is null || name.Length < 3 || !name.StartsWith("__", StringComparison.Ordinal)
            || name.EndsWith("__", StringComparison.Ordinal) || name.Contains('.'))
            return name;
        string stripped = privateName.TrimStart('_');
        return stripped.Length == 0 ? name : "_" + stripped + name;
    }
}
