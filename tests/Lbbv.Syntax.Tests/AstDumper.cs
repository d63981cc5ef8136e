using System.Globalization;
using System.Numerics;
using System.Text;

namespace Lbbv.Syntax.Tests;

/// <summary>Prints an AST in the normalized format of gen_expected.py, so that it can be compared with
/// CPython's `ast` for the same source. Positions inside f-strings are not compared (CPython 3.11
/// gives the parts the position of the whole string).</summary>
internal static class AstDumper
{
    public static string Dump(Module m) => string.Join("\n", m.Body.Select(s => Node(s, false))) + "\n";

    private static string S(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7e) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    private static string Const(object? v) => v switch
    {
        null => "None",
        true => "True",
        false => "False",
        Ellipsis => "...",
        BigInteger i => "i" + i.ToString(CultureInfo.InvariantCulture),
        double d => "d" + BitConverter.DoubleToInt64Bits(d).ToString("x16", CultureInfo.InvariantCulture),
        string s => S(s),
        _ => throw new InvalidOperationException(v.GetType().Name),
    };

    private static string L<T>(IEnumerable<T> xs, Func<T, string> f) => "[" + string.Join(",", xs.Select(f)) + "]";

    private static string Node(Node? n, bool fs)
    {
        if (n == null) return "-";
        string D(Node? x) => Node(x, fs);
        string Ls(IEnumerable<Node?> xs) => L(xs, D);
        string p = fs ? "" : $"@{n.Pos.Line}:{n.Pos.Col}";
        string ctx(ExprContext c) => c.ToString();
        return n switch
        {
            FunctionDef f => $"FunctionDef{p}({S(f.Name)},{Args(f.Args, fs)},{Ls(f.Body)},{Ls(f.Decorators)},{f.IsGenerator})",
            ClassDef c => $"ClassDef{p}({S(c.Name)},{Ls(c.Bases)},{Ls(c.Keywords)},{Ls(c.Body)},{Ls(c.Decorators)})",
            Return r => $"Return{p}({D(r.Value)})",
            Delete d => $"Delete{p}({Ls(d.Targets)})",
            Assign a => $"Assign{p}({Ls(a.Targets)},{D(a.Value)})",
            AugAssign a => $"AugAssign{p}({D(a.Target)},{a.Op},{D(a.Value)})",
            AnnAssign a => $"AnnAssign{p}({D(a.Target)},{D(a.Annotation)},{D(a.Value)})",
            For f => $"For{p}({D(f.Target)},{D(f.Iter)},{Ls(f.Body)},{Ls(f.OrElse)})",
            While w => $"While{p}({D(w.Test)},{Ls(w.Body)},{Ls(w.OrElse)})",
            If i => $"If{p}({D(i.Test)},{Ls(i.Body)},{Ls(i.OrElse)})",
            Raise r => $"Raise{p}({D(r.Exc)},{D(r.Cause)})",
            Try t => $"Try{p}({Ls(t.Body)},{Ls(t.Handlers)},{Ls(t.OrElse)},{Ls(t.FinalBody)})",
            ExceptHandler h => $"ExceptHandler{p}({D(h.Type)},{(h.Name == null ? "-" : S(h.Name))},{Ls(h.Body)})",
            With w => $"With{p}({L(w.Items, i => $"WithItem({D(i.ContextExpr)},{D(i.OptionalVars)})")},{Ls(w.Body)})",
            Assert a => $"Assert{p}({D(a.Test)},{D(a.Msg)})",
            Import i => $"Import{p}({L(i.Names, Alias)})",
            ImportFrom i => $"ImportFrom{p}({S(i.ModuleName)},{L(i.Names, Alias)})",
            Global g => $"Global{p}({L(g.Names, S)})",
            Nonlocal g => $"Nonlocal{p}({L(g.Names, S)})",
            ExprStmt e => $"ExprStmt{p}({D(e.Value)})",
            Pass => $"Pass{p}",
            Break => $"Break{p}",
            Continue => $"Continue{p}",
            Arg a => $"Arg{p}({S(a.Name)},{D(a.Annotation)})",
            BoolOp b => $"BoolOp{p}({b.Op},{Ls(b.Values)})",
            NamedExpr ne => $"NamedExpr{p}({D(ne.Target)},{D(ne.Value)})",
            BinOp b => $"BinOp{p}({D(b.Left)},{b.Op},{D(b.Right)})",
            UnaryOp u => $"UnaryOp{p}({u.Op},{D(u.Operand)})",
            Lambda l => $"Lambda{p}({Args(l.Args, fs)},{D(l.Body)})",
            IfExp i => $"IfExp{p}({D(i.Test)},{D(i.Body)},{D(i.OrElse)})",
            Dict d => $"Dict{p}({Ls(d.Keys)},{Ls(d.Values)})",
            Set s => $"Set{p}({Ls(s.Elts)})",
            ListComp c => $"ListComp{p}({D(c.Elt)},{L(c.Generators, g => Comp(g, fs))})",
            SetComp c => $"SetComp{p}({D(c.Elt)},{L(c.Generators, g => Comp(g, fs))})",
            GeneratorExp c => $"GeneratorExp{p}({D(c.Elt)},{L(c.Generators, g => Comp(g, fs))})",
            DictComp c => $"DictComp{p}({D(c.Key)},{D(c.Value)},{L(c.Generators, g => Comp(g, fs))})",
            Yield y => $"Yield{p}({D(y.Value)})",
            YieldFrom y => $"YieldFrom{p}({D(y.Value)})",
            Compare c => $"Compare{p}({D(c.Left)},{L(c.Ops, o => o.ToString())},{Ls(c.Comparators)})",
            Call c => $"Call{p}({D(c.Func)},{Ls(c.Args)},{Ls(c.Keywords)})",
            Keyword k => $"Keyword{p}({(k.Name == null ? "-" : S(k.Name))},{D(k.Value)})",
            FormattedValue f => $"FormattedValue{p}({Node(f.Value, false)},{f.Conversion},{Node(f.FormatSpec, true)})",
            JoinedStr j => $"JoinedStr{p}({L(j.Values, v => Node(v, true))})",
            Constant c => $"Constant{p}({Const(c.Value)})",
            Attribute a => $"Attribute{p}({D(a.Value)},{S(a.Attr)},{ctx(a.Ctx)})",
            Subscript s => $"Subscript{p}({D(s.Value)},{D(s.Slice)},{ctx(s.Ctx)})",
            Starred s => $"Starred{p}({D(s.Value)},{ctx(s.Ctx)})",
            Name nm => $"Name{p}({S(nm.Id)},{ctx(nm.Ctx)})",
            List l => $"List{p}({Ls(l.Elts)},{ctx(l.Ctx)})",
            Tuple t => $"Tuple{p}({Ls(t.Elts)},{ctx(t.Ctx)})",
            Slice s => $"Slice{p}({D(s.Lower)},{D(s.Upper)},{D(s.Step)})",
            _ => throw new InvalidOperationException(n.GetType().Name),
        };
    }

    private static string Alias(Alias a) => $"Alias({S(a.Name)},{(a.AsName == null ? "-" : S(a.AsName))})";

    private static string Comp(Comprehension c, bool fs) =>
        $"Comprehension({Node(c.Target, fs)},{Node(c.Iter, fs)},{L(c.Ifs, x => Node(x, fs))})";

    private static string Args(Arguments a, bool fs)
    {
        string D(Node? x) => Node(x, fs);
        return $"Arguments({L(a.PosOnlyArgs, D)},{L(a.Args, D)},{D(a.VarArg)},{L(a.KwOnlyArgs, D)},"
            + $"{L(a.KwDefaults, D)},{D(a.KwArg)},{L(a.Defaults, D)})";
    }
}
