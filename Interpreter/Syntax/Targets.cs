namespace Lbbv.Syntax;

/// <summary>Assignment and deletion targets: validity (CPython's _PyPegen_get_invalid_target), the names
/// CPython uses for expressions in messages, and re-building targets with a Store/Del context.</summary>
internal static class Targets
{
    /// <summary>The first sub-expression that cannot be a target, or null.</summary>
    public static Expr? FindInvalid(Expr e, ExprContext ctx) => e switch
    {
        Name or Attribute or Subscript => null,
        Tuple t => FirstInvalid(t.Elts, ctx),
        List l => FirstInvalid(l.Elts, ctx),
        Starred s when ctx == ExprContext.Store => FindInvalid(s.Value, ctx),
        _ => e,
    };

    private static Expr? FirstInvalid(IReadOnlyList<Expr> elts, ExprContext ctx)
    {
        foreach (var x in elts)
            if (FindInvalid(x, ctx) is { } bad) return bad;
        return null;
    }

    /// <summary>A starred target directly (not in a tuple/list) or two in one sequence are compile errors.</summary>
    public static void CheckStarred(Expr e, Parser parser)
    {
        if (e is Starred s)
        {
            parser.ReportTargetError("starred assignment target must be in a list or tuple", s.Pos);
            return;
        }
        IReadOnlyList<Expr>? elts = e is Tuple t ? t.Elts : e is List l ? l.Elts : null;
        if (elts == null) return;
        int stars = 0;
        foreach (var x in elts)
        {
            if (x is Starred st)
            {
                if (++stars == 2) parser.ReportTargetError("multiple starred expressions in assignment", st.Pos);
                CheckStarred(st.Value, parser);
            }
            else CheckStarred(x, parser);
        }
    }

    /// <summary>CPython's name for an expression kind in "cannot assign to X".</summary>
    public static string Describe(Expr e) => e switch
    {
        Attribute => "attribute",
        Subscript => "subscript",
        Starred => "starred",
        Name => "name",
        List => "list",
        Tuple => "tuple",
        Lambda => "lambda",
        Call => "function call",
        BoolOp or BinOp or UnaryOp => "expression",
        GeneratorExp => "generator expression",
        Yield or YieldFrom => "yield expression",
        ListComp => "list comprehension",
        SetComp => "set comprehension",
        DictComp => "dict comprehension",
        Dict => "dict literal",
        Set => "set display",
        JoinedStr or FormattedValue => "f-string expression",
        Constant { Value: null } => "None",
        Constant { Value: true } => "True",
        Constant { Value: false } => "False",
        Constant { Value: Ellipsis } => "ellipsis",
        Constant => "literal",
        Compare => "comparison",
        IfExp => "conditional expression",
        NamedExpr => "named expression",
        _ => "expression",
    };

    public static Expr WithContext(Expr e, ExprContext ctx) => e switch
    {
        Name n => n with { Ctx = ctx },
        Attribute a => a with { Ctx = ctx },
        Subscript s => s with { Ctx = ctx },
        Starred s => s with { Value = WithContext(s.Value, ctx), Ctx = ctx },
        Tuple t => t with { Elts = t.Elts.Select(x => WithContext(x, ctx)).ToArray(), Ctx = ctx },
        List l => l with { Elts = l.Elts.Select(x => WithContext(x, ctx)).ToArray(), Ctx = ctx },
        _ => e,
    };
}
