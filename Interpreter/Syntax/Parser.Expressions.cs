namespace Lbbv.Syntax;

/// <summary>Expressions by CPython's precedence, from star_expressions down to primaries.</summary>
public sealed partial class Parser
{
    /// <summary>star_expressions: `a`, `a, *b,` (a Tuple when there is a comma).</summary>
    private Expr ParseStarExpressions()
    {
        var start = CurPos;
        var first = ParseStarExpression();
        if (!AtOp(",")) return first;
        var elts = new List<Expr> { first };
        while (EatOp(","))
        {
            if (!CanStartStarExpression(Cur)) break;
            elts.Add(ParseStarExpression());
        }
        return new Tuple(start, elts, ExprContext.Load);
    }

    private static bool CanStartStarExpression(Token t) => CanStartExpression(t) || t.IsOp("*") || t.IsOp("-") || t.IsOp("+")
        || t.IsKeyword("yield");

    private Expr ParseStarExpression()
    {
        if (AtOp("*"))
        {
            var star = Next();
            return new Starred(star.Pos, ParseBitwiseOr(), ExprContext.Load);
        }
        return ParseExpression();
    }

    /// <summary>star_named_expression: an element of a list, tuple or set display.</summary>
    private Expr ParseStarNamedExpression()
    {
        if (AtOp("*"))
        {
            var star = Next();
            return new Starred(star.Pos, ParseBitwiseOr(), ExprContext.Load);
        }
        return ParseNamedExpression();
    }

    /// <summary>named_expression: `NAME := expression` or an expression.</summary>
    private Expr ParseNamedExpression(bool checkEquals = true)
    {
        var start = Cur;
        if (AtPlainName && PeekTok().IsOp(":="))
        {
            Next();
            Next();
            var value = ParseExpression();
            return new NamedExpr(start.Pos, new Name(start.Pos, start.Text, ExprContext.Store), value);
        }
        int startIdx = _p;
        var e = ParseExpression();
        if (AtOp(":=")) throw Error($"cannot use assignment expressions with {Targets.Describe(e)}", e.Pos);
        if (AtOp("=") && checkEquals) CheckMistakenEquals(e, startIdx);
        return e;
    }

    /// <summary>`if x = 3:` and friends: CPython's invalid_named_expression messages.</summary>
    private void CheckMistakenEquals(Expr e, int startIdx)
    {
        int save = _p;
        Next();
        bool single;
        try
        {
            ParseBitwiseOr();
            single = !AtOp("=") && !AtOp(":=");
        }
        catch (PySyntaxError)
        {
            single = false;
        }
        _p = save;
        if (ReachedTokenError() is { } reached) throw reached;
        if (!single) return;
        if (e is Name && _p == startIdx + 1)
            throw Error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", e.Pos);
        if (IsBitwiseOrLevel(e) && _t[startIdx].Text is not ("True" or "False" or "None" or "[") && e is not (Tuple or GeneratorExp))
            throw Error($"cannot assign to {Targets.Describe(e)} here. Maybe you meant '==' instead of '='?", e.Pos);
    }

    /// <summary>expression: lambda, or a disjunction with an optional `if ... else ...`.</summary>
    private Expr ParseExpression()
    {
        if (AtKw("lambda")) return ParseLambda();
        var start = CurPos;
        var body = ParseDisjunction();
        if (!AtKw("if")) return body;
        Next();
        var test = ParseDisjunction();
        if (!AtKw("else"))
        {
            if (Cur.Kind == TokenKind.Error) throw Unexpected();
            throw Error("expected 'else' after 'if' expression", start);
        }
        Next();
        var orElse = ParseExpression();
        return new IfExp(start, test, body, orElse);
    }

    private Expr ParseLambda()
    {
        var t = Next();
        var outer = _scope;
        _scope = new Scope(outer, isFunction: true) { LoopDepth = 0 };
        try
        {
            var args = ParseParameters(":", annotations: false);
            ExpectOp(":");
            var body = ParseExpression();
            return new Lambda(t.Pos, args, body);
        }
        finally
        {
            _scope = outer;
        }
    }

    private Expr ParseDisjunction()
    {
        int startIdx = _p;
        var start = CurPos;
        var first = ParseConjunction();
        Expr result = first;
        if (AtKw("or"))
        {
            var values = new List<Expr> { first };
            while (AtKw("or")) { Next(); values.Add(ParseConjunction()); }
            result = new BoolOp(start, BoolOpKind.Or, values);
        }
        _lastDisjStart = startIdx;
        _lastDisjEnd = _p;
        _lastDisj = result;
        return result;
    }

    private Expr ParseConjunction()
    {
        var start = CurPos;
        var first = ParseInversion();
        if (!AtKw("and")) return first;
        var values = new List<Expr> { first };
        while (AtKw("and")) { Next(); values.Add(ParseInversion()); }
        return new BoolOp(start, BoolOpKind.And, values);
    }

    private Expr ParseInversion()
    {
        if (AtKw("not"))
        {
            var t = Next();
            return new UnaryOp(t.Pos, UnaryOpKind.Not, ParseInversion());
        }
        return ParseComparison();
    }

    private Expr ParseComparison()
    {
        var start = CurPos;
        var left = ParseBitwiseOr();
        List<CmpOpKind>? ops = null;
        List<Expr>? comparators = null;
        while (true)
        {
            CmpOpKind op;
            ref readonly var t = ref Cur;
            if (t.Kind == TokenKind.Op)
            {
                switch (t.Text)
                {
                    case "==": op = CmpOpKind.Eq; break;
                    case "!=": op = CmpOpKind.NotEq; break;
                    case "<": op = CmpOpKind.Lt; break;
                    case "<=": op = CmpOpKind.LtE; break;
                    case ">": op = CmpOpKind.Gt; break;
                    case ">=": op = CmpOpKind.GtE; break;
                    default: goto done;
                }
                Next();
            }
            else if (t.IsKeyword("in")) { op = CmpOpKind.In; Next(); }
            else if (t.IsKeyword("not") && PeekTok().IsKeyword("in")) { op = CmpOpKind.NotIn; Next(); Next(); }
            else if (t.IsKeyword("is"))
            {
                Next();
                if (AtKw("not")) { Next(); op = CmpOpKind.IsNot; }
                else op = CmpOpKind.Is;
            }
            else break;
            (ops ??= []).Add(op);
            (comparators ??= []).Add(ParseBitwiseOr());
        }
    done:
        return ops == null ? left : new Compare(start, left, ops, comparators!);
    }

    private Expr ParseBitwiseOr()
    {
        var start = CurPos;
        var left = ParseBitwiseXor();
        while (AtOp("|")) { Next(); left = new BinOp(start, left, BinOpKind.BitOr, ParseBitwiseXor()); }
        return left;
    }

    private Expr ParseBitwiseXor()
    {
        var start = CurPos;
        var left = ParseBitwiseAnd();
        while (AtOp("^")) { Next(); left = new BinOp(start, left, BinOpKind.BitXor, ParseBitwiseAnd()); }
        return left;
    }

    private Expr ParseBitwiseAnd()
    {
        var start = CurPos;
        var left = ParseShift();
        while (AtOp("&")) { Next(); left = new BinOp(start, left, BinOpKind.BitAnd, ParseShift()); }
        return left;
    }

    private Expr ParseShift()
    {
        var start = CurPos;
        var left = ParseSum();
        while (true)
        {
            BinOpKind op;
            if (AtOp("<<")) op = BinOpKind.LShift;
            else if (AtOp(">>")) op = BinOpKind.RShift;
            else return left;
            Next();
            left = new BinOp(start, left, op, ParseSum());
        }
    }

    private Expr ParseSum()
    {
        var start = CurPos;
        var left = ParseTerm();
        while (true)
        {
            BinOpKind op;
            if (AtOp("+")) op = BinOpKind.Add;
            else if (AtOp("-")) op = BinOpKind.Sub;
            else return left;
            Next();
            left = new BinOp(start, left, op, ParseTerm());
        }
    }

    private Expr ParseTerm()
    {
        var start = CurPos;
        var left = ParseFactor();
        while (Cur.Kind == TokenKind.Op)
        {
            BinOpKind op;
            switch (Cur.Text)
            {
                case "*": op = BinOpKind.Mult; break;
                case "/": op = BinOpKind.Div; break;
                case "//": op = BinOpKind.FloorDiv; break;
                case "%": op = BinOpKind.Mod; break;
                case "@": op = BinOpKind.MatMult; break;
                default: return left;
            }
            Next();
            left = new BinOp(start, left, op, ParseFactor());
        }
        return left;
    }

    private Expr ParseFactor()
    {
        ref readonly var t = ref Cur;
        if (t.Kind == TokenKind.Op)
        {
            UnaryOpKind? op = t.Text switch { "+" => UnaryOpKind.UAdd, "-" => UnaryOpKind.USub, "~" => UnaryOpKind.Invert, _ => null };
            if (op is { } k)
            {
                Next();
                return new UnaryOp(t.Pos, k, ParseFactor());
            }
        }
        return ParsePower();
    }

    /// <summary>`a ** b` is right-associative and binds tighter than a unary minus on its left.</summary>
    private Expr ParsePower()
    {
        var start = CurPos;
        if (AtKw("await"))
        {
            Next();
            var awaited = new Await(start, ParsePrimary());
            if (!AtOp("**")) return awaited;
            Next();
            return new BinOp(start, awaited, BinOpKind.Pow, ParseFactor());
        }
        var left = ParsePrimary();
        if (!AtOp("**")) return left;
        Next();
        return new BinOp(start, left, BinOpKind.Pow, ParseFactor());
    }

    private Expr ParsePrimary()
    {
        var start = CurPos;
        var e = ParseAtom();
        while (Cur.Kind == TokenKind.Op)
        {
            switch (Cur.Text)
            {
                case ".":
                    Next();
                    e = new Attribute(start, e, ExpectName(), ExprContext.Load);
                    break;
                case "(":
                    Next();
                    e = ParseCallArguments(e, start);
                    break;
                case "[":
                    Next();
                    var slice = ParseSlices();
                    ExpectOp("]");
                    e = new Subscript(start, e, slice, ExprContext.Load);
                    break;
                default:
                    return e;
            }
        }
        return e;
    }

    private Expr ParseSlices()
    {
        var start = CurPos;
        var first = ParseSliceItem();
        if (!AtOp(",")) return first;
        var elts = new List<Expr> { first };
        while (EatOp(","))
        {
            if (AtOp("]")) break;
            elts.Add(ParseSliceItem());
        }
        return new Tuple(start, elts, ExprContext.Load);
    }

    private Expr ParseSliceItem()
    {
        var start = CurPos;
        if (AtOp("*"))
        {
            var star = Next();
            return new Starred(star.Pos, ParseBitwiseOr(), ExprContext.Load);
        }
        Expr? lower = null;
        if (!AtOp(":"))
        {
            lower = ParseNamedExpression();
            if (!AtOp(":")) return lower;
        }
        Next();
        Expr? upper = AtOp(":") || AtOp("]") || AtOp(",") ? null : ParseExpression();
        Expr? step = null;
        if (EatOp(":") && !AtOp("]") && !AtOp(",")) step = ParseExpression();
        return new Slice(start, lower, upper, step);
    }

    /// <summary>yield_expr: `yield`, `yield a, b`, `yield from x`.</summary>
    private Expr ParseYieldExpr()
    {
        ref readonly var t = ref Cur;
        _scope.Yields.Add(_p);
        if (!_scope.IsFunction) Defer(Error("'yield' outside function", t.Pos));
        Next();
        if (AtKw("from"))
        {
            Next();
            return new YieldFrom(t.Pos, ParseExpression());
        }
        if (!CanStartStarExpression(Cur)) return new Yield(t.Pos, null);
        return new Yield(t.Pos, ParseStarExpressions());
    }
}
