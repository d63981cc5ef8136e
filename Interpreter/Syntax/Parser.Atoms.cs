namespace Lbbv.Syntax;

/// <summary>Atoms: names, constants, strings and f-strings, displays and comprehensions.</summary>
public sealed partial class Parser
{
    private Expr ParseAtom()
    {
        ref readonly var t = ref Cur;
        switch (t.Kind)
        {
            case TokenKind.Name:
                switch (t.Text)
                {
                    case "None": Next(); return new Constant(t.Pos, null);
                    case "True": Next(); return new Constant(t.Pos, true);
                    case "False": Next(); return new Constant(t.Pos, false);
                }
                if (t.IsKw) throw Unexpected();
                Next();
                return new Name(t.Pos, t.Text, ExprContext.Load);
            case TokenKind.Number:
                Next();
                if (t.Value is ImaginaryLiteral)
                {
                    NotSupported("complex numbers", t.Line);
                    return new Constant(t.Pos, 0.0);
                }
                return new Constant(t.Pos, t.Value);
            case TokenKind.String:
                return ParseStrings();
            case TokenKind.Op:
                switch (t.Text)
                {
                    case "(": return ParseParenthesized();
                    case "[": return ParseListDisplay();
                    case "{": return ParseBraceDisplay();
                    case "...": Next(); return new Constant(t.Pos, Ellipsis.Instance);
                }
                break;
        }
        throw Unexpected();
    }

    // ---------------------------------------------------------------- strings

    private Expr ParseStrings()
    {
        var first = Cur;
        var parts = new StringBuilderParts(first.Pos);
        while (Cur.Kind == TokenKind.String)
        {
            var t = Next();
            var sp = StringLiteral.Split(_src.Text, t.Start, t.End);
            if (sp.Bytes)
            {
                NotSupported("bytes literals", t.Line);
                continue;
            }
            if (sp.Format)
            {
                parts.IsFString = true;
                FStringParser.Parse(_src, sp.BodyStart, sp.BodyEnd, sp.Raw, first.Pos, parts, ParseFStringExpression,
                    (feature, offset) => NotSupported(feature, _src.PosOf(offset).Line));
            }
            else if (sp.Raw) parts.Text.Append(_src.Text, sp.BodyStart, sp.BodyEnd - sp.BodyStart);
            else StringLiteral.Decode(_src.Text, sp.BodyStart, sp.BodyEnd, parts.Text, (msg, offset) => Error(msg, t.Pos),
                (feature, offset) => NotSupported(feature, _src.PosOf(offset).Line));
        }
        return parts.Build();
    }

    /// <summary>Parses the expression of an f-string field from its own source range, with the
    /// enclosing function's scope (a yield there makes the function a generator).</summary>
    private Expr ParseFStringExpression(int start, int end)
    {
        var tokens = Tokenizer.TokenizeSubExpression(_src, start, end);
        var sub = new Parser(_src, tokens, inFString: true, _scope);
        Expr e;
        try
        {
            e = sub.Cur.IsKeyword("yield") ? sub.ParseYieldExpr() : sub.ParseStarExpressions();
            if (sub.Cur.Kind != TokenKind.EndMarker) throw sub.Unexpected();
        }
        catch (PySyntaxError ex) when (!ex.Message.StartsWith("f-string", StringComparison.Ordinal))
        {
            throw new PySyntaxError("f-string: " + ex.Message, ex.FileName, ex.Line, ex.Col, ex.SourceLine, ex.Kind);
        }
        if (sub._deferred != null) Defer(sub._deferred);
        // CPython 3.11 parses the field as "(expr)" with the parenthesis at the '{'.
        if (e is Tuple t && !sub._parenthesized.Contains(t)) e = t with { Pos = _src.PosOf(start - 1) };
        return e;
    }

    // ---------------------------------------------------------------- displays

    /// <summary>`()`, `(x)`, `(x,)`, `(yield)`, `(x for x in y)`.</summary>
    private Expr ParseParenthesized()
    {
        var open = Next();
        if (EatOp(")"))
        {
            var empty = new Tuple(open.Pos, [], ExprContext.Load);
            _parenthesized.Add(empty);
            return empty;
        }
        if (AtKw("yield"))
        {
            var y = ParseYieldExpr();
            ExpectOp(")");
            return y;
        }
        int startIdx = _p;
        var first = ParseStarNamedExpression();
        if (AtKw("for") || AtKw("async"))
        {
            var gens = ParseComprehensionClauses(startIdx, "generator expression");
            ExpectOp(")");
            return new GeneratorExp(open.Pos, first, gens);
        }
        if (AtOp(")"))
        {
            Next();
            if (first is Starred) throw Error("cannot use starred expression here", first.Pos);
            _parenthesized.Add(first);
            return first;
        }
        if (!AtOp(",")) throw Unexpected();
        var elts = new List<Expr> { first };
        while (EatOp(","))
        {
            if (AtOp(")")) break;
            elts.Add(ParseStarNamedExpression());
        }
        ExpectOp(")");
        var tuple = new Tuple(open.Pos, elts, ExprContext.Load);
        _parenthesized.Add(tuple);
        return tuple;
    }

    private Expr ParseListDisplay()
    {
        var open = Next();
        if (EatOp("]")) return new List(open.Pos, [], ExprContext.Load);
        int startIdx = _p;
        var first = ParseStarNamedExpression();
        if (AtKw("for") || AtKw("async"))
        {
            var gens = ParseComprehensionClauses(startIdx, "list comprehension");
            ExpectOp("]");
            return new ListComp(open.Pos, first, gens);
        }
        var elts = new List<Expr> { first };
        while (EatOp(","))
        {
            if (AtOp("]")) break;
            elts.Add(ParseStarNamedExpression());
        }
        ExpectOp("]");
        return new List(open.Pos, elts, ExprContext.Load);
    }

    /// <summary>`{}` dict, `{k: v, **m}`, `{a, *b}` set, and their comprehensions.</summary>
    private Expr ParseBraceDisplay()
    {
        var open = Next();
        if (EatOp("}")) return new Dict(open.Pos, [], []);
        int startIdx = _p;
        var keys = new List<Expr?>();
        var values = new List<Expr>();
        if (AtOp("**"))
        {
            Next();
            keys.Add(null);
            values.Add(ParseBitwiseOr());
        }
        else
        {
            var first = ParseStarNamedExpression();
            if (!AtOp(":"))
            {
                if (AtKw("for") || AtKw("async"))
                {
                    var gens = ParseComprehensionClauses(startIdx, "set comprehension");
                    ExpectOp("}");
                    return new SetComp(open.Pos, first, gens);
                }
                var elts = new List<Expr> { first };
                while (EatOp(","))
                {
                    if (AtOp("}")) break;
                    elts.Add(ParseStarNamedExpression());
                }
                ExpectOp("}");
                return new Set(open.Pos, elts);
            }
            if (first is Starred) throw Unexpected();
            Next();
            var value = ParseExpression();
            if (AtKw("for") || AtKw("async"))
            {
                var gens = ParseComprehensionClauses(startIdx, "dict comprehension");
                ExpectOp("}");
                return new DictComp(open.Pos, first, value, gens);
            }
            keys.Add(first);
            values.Add(value);
        }
        while (EatOp(","))
        {
            if (AtOp("}")) break;
            if (EatOp("**"))
            {
                keys.Add(null);
                values.Add(ParseBitwiseOr());
                continue;
            }
            keys.Add(ParseExpression());
            ExpectOp(":");
            values.Add(ParseExpression());
        }
        ExpectOp("}");
        return new Dict(open.Pos, keys, values);
    }

    /// <summary>`for target in iter if cond ...` clauses. A yield anywhere but in the first iterable
    /// would be inside the comprehension's own function, which CPython rejects.</summary>
    private List<Comprehension> ParseComprehensionClauses(int startIdx, string kind)
    {
        var gens = new List<Comprehension>();
        int firstIterStart = -1, firstIterEnd = -1;
        while (AtKw("for") || AtKw("async"))
        {
            if (AtKw("async"))
            {
                NotSupported("async comprehensions", Cur.Line);
                Next();
                if (!AtKw("for")) throw Unexpected();
            }
            Next();
            var target = ParseTargetList();
            if (!AtKw("in")) throw Unexpected();
            Next();
            if (firstIterStart < 0) firstIterStart = _p;
            var iter = ParseDisjunction();
            if (firstIterEnd < 0) firstIterEnd = _p;
            var ifs = new List<Expr>();
            while (AtKw("if"))
            {
                Next();
                ifs.Add(ParseDisjunction());
            }
            gens.Add(new Comprehension(target, iter, ifs));
            _lastDisjEnd = -1; // a bare disjunction: CPython's "forgot a comma" rule does not apply
        }
        foreach (int y in _scope.Yields)
            if (y >= startIdx && y < _p && (y < firstIterStart || y >= firstIterEnd))
                Defer(Error($"'yield' inside {kind}", _t[y].Pos));
        return gens;
    }
}
