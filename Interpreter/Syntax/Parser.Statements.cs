namespace Lbbv.Syntax;

public sealed partial class Parser
{
    private List<Stmt> ParseFile()
    {
        var body = new List<Stmt>();
        while (Cur.Kind != TokenKind.EndMarker)
        {
            if (Cur.Kind == TokenKind.Newline) { Next(); continue; }
            ParseStatement(body);
        }
        return body;
    }

    private void ParseStatement(List<Stmt> into)
    {
        ref readonly var t = ref Cur;
        if (t.Kind == TokenKind.Name)
        {
            switch (t.Text)
            {
                case "def": into.Add(ParseFunctionDef([], false)); return;
                case "class": into.Add(ParseClassDef([])); return;
                case "if": into.Add(ParseIf()); return;
                case "while": into.Add(ParseWhile()); return;
                case "for": into.Add(ParseFor()); return;
                case "try": into.Add(ParseTry()); return;
                case "with": into.Add(ParseWith()); return;
                case "async": into.Add(ParseAsync()); return;
                case "match" when LooksLikeMatchStatement():
                    throw new NotSupportedFeatureError("match statement", _src.FileName, t.Line);
            }
        }
        else if (t.IsOp("@"))
        {
            into.Add(ParseDecorated());
            return;
        }
        ParseSimpleStatements(into);
    }

    /// <summary>`match` is a soft keyword: a logical line starting with it and ending in ':' is a match statement.</summary>
    private bool LooksLikeMatchStatement()
    {
        var next = PeekTok();
        if (next.Kind is TokenKind.Newline || next.IsOp("=") || next.IsOp(".") || next.IsOp(",") || next.IsOp(")")
            || next.IsOp(":") || next.IsOp(";") || (next.Kind == TokenKind.Op && next.Text.EndsWith('=') && next.Text != "==" && next.Text != "!="))
            return false;
        int i = _p + 1;
        while (i < _t.Length && _t[i].Kind is not (TokenKind.Newline or TokenKind.EndMarker or TokenKind.Error)) i++;
        return _t[i - 1].IsOp(":") && i + 1 < _t.Length && _t[i + 1].Kind == TokenKind.Indent;
    }

    private void ParseSimpleStatements(List<Stmt> into)
    {
        while (true)
        {
            into.Add(ParseSimpleStatement());
            if (EatOp(";"))
            {
                if (Cur.Kind == TokenKind.Newline) break;
                continue;
            }
            break;
        }
        if (Cur.Kind != TokenKind.Newline) throw Unexpected();
        Next();
    }

    private Stmt ParseSimpleStatement()
    {
        ref readonly var t = ref Cur;
        if (t.Kind == TokenKind.Name)
        {
            switch (t.Text)
            {
                case "pass": Next(); return new Pass(t.Pos);
                case "break":
                    Next();
                    if (_scope.LoopDepth == 0) Defer(Error("'break' outside loop", t.Pos));
                    return new Break(t.Pos);
                case "continue":
                    Next();
                    if (_scope.LoopDepth == 0) Defer(Error("'continue' not properly in loop", t.Pos));
                    return new Continue(t.Pos);
                case "return": return ParseReturn();
                case "del": return ParseDel();
                case "global":
                case "nonlocal":
                {
                    Next();
                    var names = new List<string> { ExpectName() };
                    while (EatOp(",")) names.Add(ExpectName());
                    if (t.Text == "global") return new Global(t.Pos, names);
                    if (!_scope.IsFunction && _scope.Parent == null)
                        Defer(Error("nonlocal declaration not allowed at module level", t.Pos));
                    return new Nonlocal(t.Pos, names);
                }
                case "import": return ParseImport();
                case "from": return ParseFromImport();
                case "raise":
                {
                    Next();
                    Expr? exc = null, cause = null;
                    if (!AtStatementEnd())
                    {
                        exc = ParseExpression();
                        if (AtKw("from")) { Next(); cause = ParseExpression(); }
                    }
                    return new Raise(t.Pos, exc, cause);
                }
                case "assert":
                {
                    Next();
                    var test = ParseExpression();
                    Expr? msg = null;
                    if (EatOp(",")) msg = ParseExpression();
                    return new Assert(t.Pos, test, msg);
                }
            }
        }
        return ParseExpressionStatement();
    }

    private bool AtStatementEnd() => Cur.Kind == TokenKind.Newline || AtOp(";");

    private Stmt ParseReturn()
    {
        var t = Next();
        if (!_scope.IsFunction) Defer(Error("'return' outside function", t.Pos));
        Expr? value = AtStatementEnd() ? null : ParseStarExpressions();
        return new Return(t.Pos, value);
    }

    private Stmt ParseDel()
    {
        var t = Next();
        var targets = new List<Expr>();
        do
        {
            if (AtStatementEnd() && targets.Count > 0) break;
            var e = ParseExpression();
            if (Targets.FindInvalid(e, ExprContext.Del) is { } bad)
                throw Error($"cannot delete {Targets.Describe(bad)}", bad.Pos);
            targets.Add(Targets.WithContext(e, ExprContext.Del));
        } while (EatOp(","));
        return new Delete(t.Pos, targets);
    }

    private string ParseDottedName()
    {
        var name = ExpectName();
        while (AtOp("."))
        {
            Next();
            name += "." + ExpectName();
        }
        return name;
    }

    private Stmt ParseImport()
    {
        var t = Next();
        var names = new List<Alias>();
        do
        {
            var name = ParseDottedName();
            string? asName = null;
            if (AtKw("as")) { Next(); asName = ExpectName(); }
            names.Add(new Alias(name, asName));
        } while (EatOp(","));
        return new Import(t.Pos, names);
    }

    private Stmt ParseFromImport()
    {
        var t = Next();
        int dots = 0;
        while (AtOp(".") || AtOp("...")) dots += Next().Text.Length;
        string module = "";
        if (dots == 0 || !AtKw("import")) module = ParseDottedName();
        if (dots > 0) NotSupported("relative imports", t.Line);
        if (!AtKw("import")) throw Unexpected();
        Next();
        var names = new List<Alias>();
        if (EatOp("*"))
        {
            names.Add(new Alias("*", null));
            return new ImportFrom(t.Pos, module, names);
        }
        bool paren = EatOp("(");
        do
        {
            if (paren && AtOp(")") && names.Count > 0) break;
            if (!paren && AtStatementEnd() && names.Count > 0)
                throw Error("trailing comma not allowed without surrounding parentheses", Cur.Pos);
            var name = ExpectName();
            string? asName = null;
            if (AtKw("as")) { Next(); asName = ExpectName(); }
            names.Add(new Alias(name, asName));
        } while (EatOp(","));
        if (paren) ExpectOp(")");
        return new ImportFrom(t.Pos, module, names);
    }

    // ---------------------------------------------------------------- assignment and expression statements

    private static readonly Dictionary<string, BinOpKind> AugOps = new()
    {
        ["+="] = BinOpKind.Add, ["-="] = BinOpKind.Sub, ["*="] = BinOpKind.Mult, ["@="] = BinOpKind.MatMult,
        ["/="] = BinOpKind.Div, ["%="] = BinOpKind.Mod, ["&="] = BinOpKind.BitAnd, ["|="] = BinOpKind.BitOr,
        ["^="] = BinOpKind.BitXor, ["<<="] = BinOpKind.LShift, [">>="] = BinOpKind.RShift, ["**="] = BinOpKind.Pow,
        ["//="] = BinOpKind.FloorDiv,
    };

    private Expr ParseRightHandSide() => AtKw("yield") ? ParseYieldExpr() : ParseStarExpressions();

    private Stmt ParseExpressionStatement()
    {
        var start = CurPos;
        var first = ParseRightHandSide();
        if (AtOp("="))
        {
            var exprs = new List<Expr> { first };
            int valueStart = -1;
            while (EatOp("="))
            {
                if (valueStart < 0) valueStart = _p;
                exprs.Add(ParseRightHandSide());
            }
            var targets = exprs.GetRange(0, exprs.Count - 1);
            CheckAssignTargets(targets, valueStart);
            return new Assign(start, targets.ConvertAll(e => Targets.WithContext(e, ExprContext.Store)), exprs[^1]);
        }
        if (Cur.Kind == TokenKind.Op && AugOps.TryGetValue(Cur.Text, out var op))
        {
            if (first is not (Name or Attribute or Subscript))
                throw Error($"'{Targets.Describe(first)}' is an illegal expression for augmented assignment", first.Pos);
            Next();
            var value = ParseRightHandSide();
            return new AugAssign(start, Targets.WithContext(first, ExprContext.Store), op, value);
        }
        if (AtOp(":"))
        {
            if (first is not (Name or Attribute or Subscript) && !CanStartExpression(PeekTok()))
            {
                Next(); // without an annotation CPython's target checks do not apply
                throw Unexpected();
            }
            if (first is Tuple && !_parenthesized.Contains(first))
                throw Error("only single target (not tuple) can be annotated", start);
            if (first is List)
                throw Error("only single target (not list) can be annotated", start);
            if (first is not (Name or Attribute or Subscript))
                throw Error(first is Tuple ? "only single target (not tuple) can be annotated" : "illegal target for annotation", start);
            Next();
            var annotation = ParseExpression();
            Expr? value = null;
            if (EatOp("=")) value = ParseRightHandSide();
            bool simple = first is Name && !_parenthesized.Contains(first);
            return new AnnAssign(start, Targets.WithContext(first, ExprContext.Store), annotation, value, simple);
        }
        return new ExprStmt(start, first);
    }

    /// <summary>Reports the first invalid assignment target with CPython's message, including its
    /// "Maybe you meant '==' instead of '='?" variant for `x + 1 = 2`-like lines.</summary>
    private void CheckAssignTargets(List<Expr> targets, int valueStart)
    {
        foreach (var target in targets)
        {
            if (target is Yield or YieldFrom) throw Error("assignment to yield expression not possible", target.Pos);
            var bad = Targets.FindInvalid(target, ExprContext.Store);
            if (bad == null) continue;
            var first = targets[0];
            var last = first is Tuple tup && !_parenthesized.Contains(first) && tup.Elts.Count > 0 ? tup.Elts[^1] : first;
            bool single = RhsIsSingleBitwiseOr(valueStart);
            if (ReachedTokenError() is { } reached) throw reached;
            if (Targets.FindInvalid(last, ExprContext.Store) == last && IsBitwiseOrLevel(last) && single)
                throw Error($"cannot assign to {Targets.Describe(last)} here. Maybe you meant '==' instead of '='?", last.Pos);
            if (bad is Starred) throw Error("starred assignment target must be in a list or tuple", bad.Pos);
            throw Error($"cannot assign to {Targets.Describe(bad)}", bad.Pos);
        }
        foreach (var target in targets)
            Targets.CheckStarred(target, this);
    }

    private bool IsBitwiseOrLevel(Expr e)
    {
        if (e is BoolOp or Compare or IfExp or Lambda or NamedExpr or Starred or Yield or YieldFrom
            || e is UnaryOp { Op: UnaryOpKind.Not } && !_parenthesized.Contains(e))
            return _parenthesized.Contains(e);
        if (e is List or GeneratorExp || e is Tuple && _parenthesized.Contains(e)) return false;
        if (e is Constant { Value: null or bool }) return false;
        return true;
    }

    private bool RhsIsSingleBitwiseOr(int valueStart)
    {
        int save = _p;
        try
        {
            _p = valueStart;
            ParseBitwiseOr();
            return !AtOp("=") && !AtOp(":=");
        }
        catch (PySyntaxError)
        {
            return false;
        }
        finally
        {
            _p = save;
        }
    }

    internal void ReportTargetError(string message, Pos pos) => Defer(Error(message, pos));

    // ---------------------------------------------------------------- compound statements

    /// <summary>`:` then an indented block or a one-line suite.</summary>
    private List<Stmt> ParseBlock(string what, int line)
    {
        var body = new List<Stmt>();
        if (Cur.Kind == TokenKind.Newline)
        {
            Next();
            if (Cur.Kind != TokenKind.Indent)
            {
                if (Cur.Value is TokenError te) throw ToException(te);
                _errorIsFinal = true;
                throw Error($"expected an indented block after {what} on line {line}", Cur.Pos, "IndentationError");
            }
            Next();
            while (Cur.Kind != TokenKind.Dedent && Cur.Kind != TokenKind.EndMarker)
            {
                if (Cur.Value is TokenError te2) throw ToException(te2);
                ParseStatement(body);
            }
            Next();
            return body;
        }
        ParseSimpleStatements(body);
        return body;
    }

    /// <summary>CPython says "expected ':'" where a colon is mandatory (forced) or the line ends early.</summary>
    private void ExpectColon(bool forced)
    {
        if (EatOp(":")) return;
        if (Cur.Kind != TokenKind.Error && (forced || Cur.Kind == TokenKind.Newline)) throw Error("expected ':'", Cur.Pos);
        throw Unexpected();
    }

    private Stmt ParseIf()
    {
        var t = Next();
        var test = ParseNamedExpression();
        ExpectColon(false);
        var body = ParseBlock($"'{t.Text}' statement", t.Line);
        var orElse = new List<Stmt>();
        if (AtKw("elif")) orElse.Add(ParseIf());
        else if (AtKw("else")) orElse = ParseElse();
        return new If(t.Pos, test, body, orElse);
    }

    private List<Stmt> ParseElse()
    {
        var e = Next();
        ExpectColon(true);
        return ParseBlock("'else' statement", e.Line);
    }

    private Stmt ParseWhile()
    {
        var t = Next();
        var test = ParseNamedExpression();
        ExpectColon(false);
        var body = ParseLoopBody("'while' statement", t.Line);
        var orElse = AtKw("else") ? ParseElse() : [];
        return new While(t.Pos, test, body, orElse);
    }

    private List<Stmt> ParseLoopBody(string what, int line)
    {
        _scope.LoopDepth++;
        try { return ParseBlock(what, line); }
        finally { _scope.LoopDepth--; }
    }

    private Stmt ParseFor()
    {
        var t = Next();
        var target = ParseTargetList();
        if (!AtKw("in")) throw Unexpected();
        Next();
        var iter = ParseStarExpressions();
        ExpectColon(true);
        var body = ParseLoopBody("'for' statement", t.Line);
        var orElse = AtKw("else") ? ParseElse() : [];
        return new For(t.Pos, target, iter, body, orElse);
    }

    /// <summary>`for` targets: star_targets, parsed at bitwise-or level so that `in` is not a comparison.</summary>
    private Expr ParseTargetList()
    {
        var start = CurPos;
        var first = ParseTargetItem();
        Expr target = first;
        if (AtOp(","))
        {
            var elts = new List<Expr> { first };
            while (EatOp(","))
            {
                if (AtKw("in") || AtOp("=")) break;
                elts.Add(ParseTargetItem());
            }
            target = new Tuple(start, elts, ExprContext.Load);
        }
        if (Targets.FindInvalid(target, ExprContext.Store) is { } bad)
        {
            if (bad is Starred) throw Error("starred assignment target must be in a list or tuple", bad.Pos);
            throw Error($"cannot assign to {Targets.Describe(bad)}", bad.Pos);
        }
        Targets.CheckStarred(target, this);
        return Targets.WithContext(target, ExprContext.Store);
    }

    private Expr ParseTargetItem()
    {
        if (AtOp("*"))
        {
            var star = Next();
            return new Starred(star.Pos, ParseBitwiseOr(), ExprContext.Load);
        }
        return ParseBitwiseOr();
    }

    private Stmt ParseTry()
    {
        var t = Next();
        ExpectColon(true);
        var body = ParseBlock("'try' statement", t.Line);
        var handlers = new List<ExceptHandler>();
        while (AtKw("except"))
        {
            var e = Next();
            if (AtOp("*")) { NotSupported("except* (exception groups)", e.Line); Next(); }
            Expr? type = null;
            string? name = null;
            if (!AtOp(":"))
            {
                type = ParseExpression();
                if (AtOp(","))
                {
                    var elts = new List<Expr> { type };
                    while (EatOp(",") && !AtOp(":")) elts.Add(ParseExpression());
                    if (AtOp(":") || AtKw("as"))
                        throw Error("multiple exception types must be parenthesized", type.Pos);
                    throw Unexpected();
                }
                if (AtKw("as")) { Next(); name = ExpectName(); }
            }
            ExpectColon(false);
            handlers.Add(new ExceptHandler(e.Pos, type, name, ParseBlock("'except' statement", e.Line)));
        }
        var orElse = new List<Stmt>();
        if (handlers.Count > 0 && AtKw("else")) orElse = ParseElse();
        var finalBody = new List<Stmt>();
        if (AtKw("finally"))
        {
            var f = Next();
            ExpectColon(true);
            finalBody = ParseBlock("'finally' statement", f.Line);
        }
        else if (handlers.Count == 0)
        {
            if (Cur.Value is TokenError te) throw ToException(te);
            throw Error("expected 'except' or 'finally' block", Cur.Pos);
        }
        return new Try(t.Pos, body, handlers, orElse, finalBody);
    }

    /// <summary>`with a as b, c:` and the parenthesized form `with (a as b, c,):` (tried first, as
    /// CPython's grammar does; `with (a, b) as c:` falls back to an expression in parentheses).</summary>
    private Stmt ParseWith()
    {
        var t = Next();
        List<WithItem>? items = null;
        if (AtOp("(")) items = TryParseParenthesizedWithItems();
        if (items == null)
        {
            items = [ParseWithItem()];
            while (EatOp(",")) items.Add(ParseWithItem());
        }
        ExpectColon(false);
        var body = ParseBlock("'with' statement", t.Line);
        return new With(t.Pos, items, body);
    }

    private List<WithItem>? TryParseParenthesizedWithItems()
    {
        int save = _p, yields = _scope.Yields.Count;
        var deferred = _deferred;
        try
        {
            Next();
            var items = new List<WithItem> { ParseWithItem() };
            while (EatOp(",") && !AtOp(")")) items.Add(ParseWithItem());
            if (EatOp(")") && AtOp(":")) return items;
        }
        catch (PySyntaxError) { }
        _p = save;
        _deferred = deferred;
        if (_scope.Yields.Count > yields) _scope.Yields.RemoveRange(yields, _scope.Yields.Count - yields);
        return null;
    }

    private WithItem ParseWithItem()
    {
        var e = ParseExpression();
        if (!AtKw("as")) return new WithItem(e, null);
        Next();
        var target = ParseTargetItem();
        if (Targets.FindInvalid(target, ExprContext.Store) is { } bad)
            throw Error($"cannot assign to {Targets.Describe(bad)}", bad.Pos);
        Targets.CheckStarred(target, this);
        return new WithItem(e, Targets.WithContext(target, ExprContext.Store));
    }

    private Stmt ParseAsync()
    {
        var t = Next();
        NotSupported("async", t.Line);
        if (AtKw("def")) return ParseFunctionDef([], true);
        if (AtKw("for")) return ParseFor();
        if (AtKw("with")) return ParseWith();
        throw Unexpected();
    }

    private Stmt ParseDecorated()
    {
        var decorators = new List<Expr>();
        while (AtOp("@"))
        {
            Next();
            decorators.Add(ParseNamedExpression());
            if (Cur.Kind != TokenKind.Newline) throw Unexpected();
            Next();
        }
        if (AtKw("def")) return ParseFunctionDef(decorators, false);
        if (AtKw("class")) return ParseClassDef(decorators);
        if (AtKw("async"))
        {
            NotSupported("async", Cur.Line);
            Next();
            if (AtKw("def")) return ParseFunctionDef(decorators, true);
        }
        throw Unexpected();
    }

    private Stmt ParseFunctionDef(List<Expr> decorators, bool isAsync)
    {
        var t = Next();
        var name = ExpectName();
        if (!AtOp("(")) throw Cur.Kind == TokenKind.Error ? Unexpected() : Error("expected '('", Cur.Pos);
        Next();
        var args = ParseParameters(")", annotations: true);
        ExpectOp(")");
        if (EatOp("->")) ParseExpression();
        ExpectColon(true);
        var outer = _scope;
        _scope = new Scope(outer, isFunction: true);
        try
        {
            var body = ParseBlock("function definition", t.Line);
            return new FunctionDef(t.Pos, name, args, body, decorators, IsGenerator: _scope.Yields.Count > 0 && !isAsync);
        }
        finally
        {
            _scope = outer;
        }
    }

    private Stmt ParseClassDef(List<Expr> decorators)
    {
        var t = Next();
        var name = ExpectName();
        var bases = new List<Expr>();
        var keywords = new List<Keyword>();
        if (EatOp("("))
        {
            var call = ParseCallArguments(new Name(t.Pos, name, ExprContext.Load), t.Pos);
            bases.AddRange(call.Args);
            keywords.AddRange(call.Keywords);
            if (call.Args.Any(b => b is Starred) || call.Keywords.Any(k => k.Name == null))
                NotSupported("unpacking (* or **) in a class's bases", t.Line);
        }
        ExpectColon(true);
        var outer = _scope;
        _scope = new Scope(outer, isFunction: false);
        try
        {
            var body = ParseBlock("class definition", t.Line);
            return new ClassDef(t.Pos, name, bases, keywords, body, decorators);
        }
        finally
        {
            _scope = outer;
        }
    }
}
