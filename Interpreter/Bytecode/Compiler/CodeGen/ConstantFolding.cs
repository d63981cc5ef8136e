using System.Numerics;
using Lbbv.Support;
using Lbbv.Syntax;
using SyntaxTuple = Lbbv.Syntax.Tuple;

namespace Lbbv.Bytecode.Compiler.CodeGen;

/// <summary>
/// CPython 3.11's AST constant folding (Python/ast_opt.c), for the one place where whether an
/// expression folds is observable: a set display. CPython compiles a display of three or more
/// constants as BUILD_SET 0 + a frozenset constant + SET_UPDATE, and a set display iterated by
/// `for` (or a comprehension) as a frozenset constant; either gives another iteration order than
/// adding the elements one by one. So an element folds here exactly when CPython folds it:
/// constants, `__debug__`, unary and binary operators on constants (with CPython's size limits, and
/// not when the operation raises), tuples of constants and a constant subscripted by a constant.
/// Values are the constant pool's: null, bool, BigInteger, double, string, Ellipsis, object?[].
/// </summary>
internal static class ConstantFolding
{
    private const int MaxIntBits = 128, MaxCollectionSize = 256, MaxStrSize = 4096, MaxTotalItems = 1024;

    public static bool TryFold(Expr e, out object? value)
    {
        value = null;
        try
        {
            return Fold(e, out value);
        }
        catch (Exception ex) when (ex is PyError or ArithmeticException or OutOfMemoryException)
        {
            return false; // the operation raises when run: CPython leaves it to run time
        }
    }

    /// <summary>Every element folds (CPython's are_all_items_const after folding).</summary>
    public static bool TryFoldAll(IReadOnlyList<Expr> elts, out object?[] values)
    {
        values = new object?[elts.Count];
        for (int i = 0; i < elts.Count; i++)
            if (!TryFold(elts[i], out values[i])) return false;
        return true;
    }

    private static bool Fold(Expr e, out object? value)
    {
        value = null;
        switch (e)
        {
            case Constant c:
                value = c.Value;
                return true;
            case Name { Id: "__debug__", Ctx: ExprContext.Load }:
                value = true;
                return true;
            case UnaryOp u:
                return Fold(u.Operand, out var operand) && TryUnary(u.Op, operand, out value);
            case BinOp b:
                // Both sides fold first (CPython folds bottom-up); a side that does not keeps the node.
                bool left = Fold(b.Left, out var l), right = Fold(b.Right, out var r);
                return left && right && TryBinary(b.Op, l, r, out value);
            case SyntaxTuple { Ctx: ExprContext.Load } t:
                {
                    var items = new object?[t.Elts.Count];
                    for (int i = 0; i < items.Length; i++)
                        if (t.Elts[i] is Starred || !Fold(t.Elts[i], out items[i])) return false;
                    value = items;
                    return true;
                }
            case Subscript { Ctx: ExprContext.Load } s when s.Slice is not Slice:
                return Fold(s.Value, out var container) && Fold(s.Slice, out var index)
                    && TrySubscript(container, index, out value);
        }
        return false;
    }

    private static bool TryUnary(UnaryOpKind op, object? v, out object? value)
    {
        value = null;
        if (op == UnaryOpKind.Not) { value = !IsTrue(v); return true; }
        if (v is double d)
        {
            if (op == UnaryOpKind.Invert) return false;
            value = op == UnaryOpKind.USub ? -d : d;
            return true;
        }
        if (!IsInt(v, out var i)) return false;
        value = op switch { UnaryOpKind.USub => -i, UnaryOpKind.UAdd => i, _ => -i - 1 };
        return true;
    }

    private static bool IsTrue(object? v) => v switch
    {
        null => false,
        bool b => b,
        BigInteger i => !i.IsZero,
        double d => d != 0,
        string s => s.Length != 0,
        object?[] t => t.Length != 0,
        _ => true,
    };

    /// <summary>An int or a bool (bool is an int subclass).</summary>
    private static bool IsInt(object? v, out BigInteger i)
    {
        switch (v)
        {
            case BigInteger b: i = b; return true;
            case bool b: i = b ? BigInteger.One : BigInteger.Zero; return true;
        }
        i = default;
        return false;
    }

    private static bool TryBinary(BinOpKind op, object? l, object? r, out object? value)
    {
        value = null;
        bool li = IsInt(l, out var a), ri = IsInt(r, out var b);
        if (li && ri)
        {
            if (l is bool x && r is bool y && op is BinOpKind.BitAnd or BinOpKind.BitOr or BinOpKind.BitXor)
            {
                value = op == BinOpKind.BitAnd ? x & y : op == BinOpKind.BitOr ? x | y : x ^ y;
                return true;
            }
            return TryIntBinary(op, a, b, out value);
        }
        if ((li || l is double) && (ri || r is double))
            return TryFloatBinary(op, li ? PyInt.ToDouble(a) : (double)l!, ri ? PyInt.ToDouble(b) : (double)r!,
                out value);
        switch (op)
        {
            case BinOpKind.Add when l is string s && r is string t: value = s + t; return true;
            case BinOpKind.Add when l is object?[] s && r is object?[] t: value = s.Concat(t).ToArray(); return true;
            case BinOpKind.Mult when li: return TryRepeat(r, a, out value);
            case BinOpKind.Mult when ri: return TryRepeat(l, b, out value);
        }
        return false;
    }

    private static bool TryIntBinary(BinOpKind op, BigInteger a, BigInteger b, out object? value)
    {
        value = null;
        switch (op)
        {
            case BinOpKind.Add: value = a + b; return true;
            case BinOpKind.Sub: value = a - b; return true;
            case BinOpKind.Mult:
                if (!a.IsZero && !b.IsZero && PyInt.BitLength(a) + PyInt.BitLength(b) > MaxIntBits) return false;
                value = a * b;
                return true;
            case BinOpKind.Div: value = PyInt.TrueDivide(a, b); return true;
            case BinOpKind.FloorDiv: value = PyInt.FloorDiv(a, b); return true;
            case BinOpKind.Mod: value = PyInt.Mod(a, b); return true;
            case BinOpKind.Pow:
                if (b.Sign < 0) { value = PyInt.PowNegative(a, b); return true; }
                if (!a.IsZero && !b.IsZero && (b > MaxIntBits || PyInt.BitLength(a) > MaxIntBits / (long)b))
                    return false;
                value = PyInt.Pow(a, b);
                return true;
            case BinOpKind.LShift:
                // (a negative count raises ValueError in LeftShift: not folded either)
                bool tooBig = b > MaxIntBits || PyInt.BitLength(a) > MaxIntBits - (long)b;
                if (!a.IsZero && b.Sign > 0 && tooBig) return false;
                value = PyInt.LeftShift(a, b);
                return true;
            case BinOpKind.RShift: value = PyInt.RightShift(a, b); return true;
            case BinOpKind.BitOr: value = a | b; return true;
            case BinOpKind.BitXor: value = a ^ b; return true;
            case BinOpKind.BitAnd: value = a & b; return true;
        }
        return false;
    }

    private static bool TryFloatBinary(BinOpKind op, double x, double y, out object? value)
    {
        value = null;
        switch (op)
        {
            case BinOpKind.Add: value = x + y; return true;
            case BinOpKind.Sub: value = x - y; return true;
            case BinOpKind.Mult: value = x * y; return true;
            case BinOpKind.Div: value = PyFloat.TrueDivide(x, y); return true;
            case BinOpKind.FloorDiv: value = PyFloat.FloorDiv(x, y); return true;
            case BinOpKind.Mod: value = PyFloat.Mod(x, y); return true;
            case BinOpKind.Pow: value = PyFloat.Pow(x, y); return true;
        }
        return false; // shifts and bitwise operators do not take floats
    }

    /// <summary>str * n or tuple * n, within CPython's limits (a negative count does not fold).</summary>
    private static bool TryRepeat(object? seq, BigInteger n, out object? value)
    {
        value = null;
        switch (seq)
        {
            case string s:
                if (s.Length == 0) { value = s; return true; }
                if (n.Sign < 0 || n > MaxStrSize / PyStr.Length(s)) return false;
                value = string.Concat(Enumerable.Repeat(s, (int)n));
                return true;
            case object?[] t:
                if (t.Length == 0) { value = t; return true; }
                if (n.Sign < 0 || n > MaxCollectionSize / t.Length) return false;
                if (!n.IsZero && Complexity(t, MaxTotalItems / (int)n) < 0) return false;
                value = Enumerable.Range(0, (int)n).SelectMany(_ => t).ToArray();
                return true;
        }
        return false;
    }

    /// <summary>check_complexity: the limit left after counting the items of nested tuples.</summary>
    private static int Complexity(object?[] t, int limit)
    {
        limit -= t.Length;
        for (int i = 0; limit >= 0 && i < t.Length; i++)
            if (t[i] is object?[] inner) limit = Complexity(inner, limit);
        return limit;
    }

    private static bool TrySubscript(object? container, object? index, out object? value)
    {
        value = null;
        if (!IsInt(index, out var i)) return false;
        switch (container)
        {
            case string s:
                {
                    int n = PyStr.Length(s);
                    if (i.Sign < 0) i += n;
                    if (i.Sign < 0 || i >= n) return false;
                    value = PyStr.FromCodePoint(PyStr.CodePointAt(s, (int)i));
                    return true;
                }
            case object?[] t:
                if (i.Sign < 0) i += t.Length;
                if (i.Sign < 0 || i >= t.Length) return false;
                value = t[(int)i];
                return true;
        }
        return false;
    }
}
