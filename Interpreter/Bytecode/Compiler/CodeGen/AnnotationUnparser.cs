using System.Globalization;
using System.Numerics;
using System.Text;
using Lbbv.Support;
using Lbbv.Syntax;

namespace Lbbv.Bytecode.Compiler.CodeGen;

/// <summary>An annotation as the string `from __future__ import annotations` stores (CPython's
/// ast_unparse.c: operator precedence decides the parentheses).</summary>
internal static class AnnotationUnparser
{
    // CPython's precedence levels (PR_TUPLE .. PR_ATOM).
    private const int Tuple_ = 0, Test = 1, Or = 2, And = 3, Not = 4, Cmp = 5, BitOr = 6, BitXor = 7, BitAnd = 8,
        Shift = 9, Arith = 10, Term = 11, Factor = 12, Power = 13, Atom = 15;

    /// <summary>The text of <paramref name="e"/>; null for an expression kind this unparser does not
    /// write (the caller reports it as not supported).</summary>
    public static string? Unparse(Expr e)
    {
        var sb = new StringBuilder();
        return Write(sb, e, Test) ? sb.ToString() : null;
    }

    private static bool Write(StringBuilder sb, Expr e, int level)
    {
        switch (e)
        {
            case Name n: sb.Append(n.Id); return true;
            case Constant c: return WriteConstant(sb, c.Value);
            case Attribute a:
                if (!Write(sb, a.Value, Atom)) return false;
                if (a.Value is Constant { Value: BigInteger }) sb.Append(' ');
                sb.Append('.').Append(a.Attr);
                return true;
            case Subscript s:
                if (!Write(sb, s.Value, Atom)) return false;
                sb.Append('[');
                if (s.Slice is Syntax.Tuple { Elts.Count: > 0 } index)
                {
                    if (!WriteAll(sb, index.Elts, ", ", Test)) return false;
                    if (index.Elts.Count == 1) sb.Append(',');
                }
                else if (!Write(sb, s.Slice, Tuple_)) return false;
                sb.Append(']');
                return true;
            case Slice sl:
                if (sl.Lower != null && !Write(sb, sl.Lower, Test)) return false;
                sb.Append(':');
                if (sl.Upper != null && !Write(sb, sl.Upper, Test)) return false;
                if (sl.Step != null) { sb.Append(':'); if (!Write(sb, sl.Step, Test)) return false; }
                return true;
            case Syntax.Tuple t:
                if (t.Elts.Count == 0) { sb.Append("()"); return true; }
                if (level > Tuple_) sb.Append('(');
                if (!WriteAll(sb, t.Elts, ", ", Test)) return false;
                if (t.Elts.Count == 1) sb.Append(',');
                if (level > Tuple_) sb.Append(')');
                return true;
            case Syntax.List l:
                sb.Append('[');
                if (!WriteAll(sb, l.Elts, ", ", Test)) return false;
                sb.Append(']');
                return true;
            case Syntax.Set st:
                sb.Append('{');
                if (!WriteAll(sb, st.Elts, ", ", Test)) return false;
                sb.Append('}');
                return true;
            case Dict d:
                sb.Append('{');
                for (int i = 0; i < d.Values.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    if (d.Keys[i] is { } k)
                    {
                        if (!Write(sb, k, Test)) return false;
                        sb.Append(": ");
                        if (!Write(sb, d.Values[i], Test)) return false;
                    }
                    else
                    {
                        sb.Append("**");
                        if (!Write(sb, d.Values[i], BitOr)) return false;
                    }
                }
                sb.Append('}');
                return true;
            case BinOp b:
                {
                    var (pr, op) = BinaryOperator(b.Op);
                    bool rightAssoc = b.Op == BinOpKind.Pow;
                    if (level > pr) sb.Append('(');
                    if (!Write(sb, b.Left, rightAssoc ? pr + 1 : pr)) return false;
                    sb.Append(op);
                    if (!Write(sb, b.Right, rightAssoc ? pr : pr + 1)) return false;
                    if (level > pr) sb.Append(')');
                    return true;
                }
            case UnaryOp u:
                {
                    int pr = u.Op == UnaryOpKind.Not ? Not : Factor;
                    if (level > pr) sb.Append('(');
                    sb.Append(u.Op switch
                    {
                        UnaryOpKind.Not => "not ", UnaryOpKind.Invert => "~", UnaryOpKind.UAdd => "+", _ => "-",
                    });
                    if (!Write(sb, u.Operand, pr)) return false;
                    if (level > pr) sb.Append(')');
                    return true;
                }
            case BoolOp bo:
                {
                    int pr = bo.Op == BoolOpKind.And ? And : Or;
                    if (level > pr) sb.Append('(');
                    if (!WriteAll(sb, bo.Values, bo.Op == BoolOpKind.And ? " and " : " or ", pr + 1)) return false;
                    if (level > pr) sb.Append(')');
                    return true;
                }
            case Compare c:
                if (level > Cmp) sb.Append('(');
                if (!Write(sb, c.Left, Cmp + 1)) return false;
                for (int i = 0; i < c.Ops.Count; i++)
                {
                    sb.Append(CompareOperator(c.Ops[i]));
                    if (!Write(sb, c.Comparators[i], Cmp + 1)) return false;
                }
                if (level > Cmp) sb.Append(')');
                return true;
            case IfExp i:
                if (level > Test) sb.Append('(');
                if (!Write(sb, i.Body, Test + 1)) return false;
                sb.Append(" if ");
                if (!Write(sb, i.Test, Test + 1)) return false;
                sb.Append(" else ");
                if (!Write(sb, i.OrElse, Test)) return false;
                if (level > Test) sb.Append(')');
                return true;
            case Call call:
                {
                    if (!Write(sb, call.Func, Atom)) return false;
                    sb.Append('(');
                    bool first = true;
                    foreach (var a in call.Args)
                    {
                        if (!first) sb.Append(", ");
                        first = false;
                        if (!Write(sb, a, Test)) return false;
                    }
                    foreach (var k in call.Keywords)
                    {
                        if (!first) sb.Append(", ");
                        first = false;
                        sb.Append(k.Name == null ? "**" : k.Name + "=");
                        if (!Write(sb, k.Value, Test)) return false;
                    }
                    sb.Append(')');
                    return true;
                }
            case Starred s:
                sb.Append('*');
                return Write(sb, s.Value, BitOr);
            case Lambda l:
                if (level > Test) sb.Append('(');
                sb.Append("lambda");
                if (!WriteParameters(sb, l.Args)) return false;
                sb.Append(": ");
                if (!Write(sb, l.Body, Test)) return false;
                if (level > Test) sb.Append(')');
                return true;
            case NamedExpr ne:
                if (level > Tuple_) sb.Append('(');
                if (!Write(sb, ne.Target, Atom)) return false;
                sb.Append(" := ");
                if (!Write(sb, ne.Value, Atom)) return false;
                if (level > Tuple_) sb.Append(')');
                return true;
        }
        return false;
    }

    private static bool WriteAll(StringBuilder sb, IReadOnlyList<Expr> items, string separator, int level)
    {
        for (int i = 0; i < items.Count; i++)
        {
            if (i > 0) sb.Append(separator);
            if (!Write(sb, items[i], level)) return false;
        }
        return true;
    }

    private static bool WriteParameters(StringBuilder sb, Arguments a)
    {
        var positional = a.Positional.ToList();
        int firstDefault = positional.Count - a.Defaults.Count;
        var parts = new List<string>();
        for (int i = 0; i < positional.Count; i++)
        {
            string p = positional[i].Name;
            if (i >= firstDefault)
            {
                var d = new StringBuilder();
                if (!Write(d, a.Defaults[i - firstDefault], Test)) return false;
                p += "=" + d;
            }
            parts.Add(p);
            if (i == a.PosOnlyArgs.Count - 1) parts.Add("/");
        }
        if (a.VarArg != null) parts.Add("*" + a.VarArg.Name);
        else if (a.KwOnlyArgs.Count > 0) parts.Add("*");
        for (int i = 0; i < a.KwOnlyArgs.Count; i++)
        {
            string p = a.KwOnlyArgs[i].Name;
            if (a.KwDefaults[i] is { } kd)
            {
                var d = new StringBuilder();
                if (!Write(d, kd, Test)) return false;
                p += "=" + d;
            }
            parts.Add(p);
        }
        if (a.KwArg != null) parts.Add("**" + a.KwArg.Name);
        if (parts.Count > 0) sb.Append(' ').Append(string.Join(", ", parts));
        return true;
    }

    private static bool WriteConstant(StringBuilder sb, object? v)
    {
        switch (v)
        {
            case null: sb.Append("None"); return true;
            case bool b: sb.Append(b ? "True" : "False"); return true;
            case BigInteger i: sb.Append(i.ToString(CultureInfo.InvariantCulture)); return true;
            case double d:
                sb.Append(double.IsInfinity(d) ? (d > 0 ? "1e309" : "-1e309") : FloatFormat.Repr(d));
                return true;
            case string s: sb.Append(PyStr.Repr(s)); return true;
            case Syntax.Ellipsis: sb.Append("..."); return true;
        }
        return false;
    }

    private static (int Level, string Text) BinaryOperator(BinOpKind op) => op switch
    {
        BinOpKind.Add => (Arith, " + "),
        BinOpKind.Sub => (Arith, " - "),
        BinOpKind.Mult => (Term, " * "),
        BinOpKind.MatMult => (Term, " @ "),
        BinOpKind.Div => (Term, " / "),
        BinOpKind.Mod => (Term, " % "),
        BinOpKind.FloorDiv => (Term, " // "),
        BinOpKind.Pow => (Power, " ** "),
        BinOpKind.LShift => (Shift, " << "),
        BinOpKind.RShift => (Shift, " >> "),
        BinOpKind.BitOr => (BitOr, " | "),
        BinOpKind.BitXor => (BitXor, " ^ "),
        _ => (BitAnd, " & "),
    };

    private static string CompareOperator(CmpOpKind op) => op switch
    {
        CmpOpKind.Eq => " == ",
        CmpOpKind.NotEq => " != ",
        CmpOpKind.Lt => " < ",
        CmpOpKind.LtE => " <= ",
        CmpOpKind.Gt => " > ",
        CmpOpKind.GtE => " >= ",
        CmpOpKind.Is => " is ",
        CmpOpKind.IsNot => " is not ",
        CmpOpKind.In => " in ",
        _ => " not in ",
    };
}
