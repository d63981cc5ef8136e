namespace Lbbv.Fuzz.Generation;

/// <summary>The constants programs are made of: values at the edges the runtime and the JITs treat
/// specially (the int64 fast path and its overflow, float specials, empty containers).</summary>
public static class Literals
{
    public static readonly string[] SmallInts = ["0", "1", "(-1)", "2", "3", "7", "(-5)", "10", "255", "100"];

    public static readonly string[] EdgeInts =
    [
        "(2**31 - 1)", "(2**31)", "(-2**31)", "(-2**31 - 1)", "(2**32)", "(2**53)", "(2**53 + 1)", "(-2**53)",
        "(2**62)", "(2**63 - 1)", "(2**63)", "(-2**63)", "(-2**63 - 1)", "(2**64)", "(2**64 - 1)", "(-2**64)",
        "(2**64 + 1)", "(10**20)", "(-10**19)", "9223372036854775807", "18446744073709551616",
        "(-9223372036854775808)", "4611686018427387904",
    ];

    public static readonly string[] Floats =
    [
        "0.0", "(-0.0)", "1.5", "(-2.25)", "0.1", "1e16", "1e308", "(-1e308)", "5e-324", "float('inf')",
        "float('-inf')", "float('nan')", "2.5e-07", "3.0", "(2.0**53)", "1e-05", "123456.789", "(-7.0)",
        "9.223372036854776e+18", "0.5",
    ];

    public static readonly string[] Bools = ["True", "False"];

    public static readonly string[] Strs =
    [
        "''", "'a'", "'abc'", "'Hello World'", "'0'", "'-12'", "' x '", "'\u00e9t\u00e9'", "'stra\u00dfe'", "'a,b,,c'",
        "'3.5'", "'nan'", "'K0'", "'xyz'", "'  17 '", "'AbC'",
    ];

    /// <summary>Hashable dict keys; 1, True and 1.0 are one key, as are 0, False and 0.0.</summary>
    public static readonly string[] Keys =
        ["0", "1", "(-1)", "True", "'a'", "'b'", "2.5", "None", "(1, 2)", "(2**63)", "''", "1.0", "'abc'"];

    /// <summary>Moduli that keep a growing number bounded while still crossing 2**63.</summary>
    public static readonly string[] Moduli =
        ["(2**64 + 13)", "(2**63)", "1000000007", "(-(2**61 - 1))", "(2**31)", "(2**70 + 1)", "1000.5"];

    /// <summary>Exponents: bounded results; negative ones make floats (0 ** -1 raises). No fractional
    /// ones: a negative base would make a complex number, outside the subset.</summary>
    public static readonly string[] Exponents = ["0", "1", "2", "3", "5", "(-1)", "(-2)"];

    /// <summary>The exceptions generated code catches by name.</summary>
    public static readonly string[] Exceptions =
        ["ZeroDivisionError", "IndexError", "KeyError", "TypeError", "OverflowError", "ValueError",
         "AttributeError", "ArithmeticError", "LookupError"];
}
