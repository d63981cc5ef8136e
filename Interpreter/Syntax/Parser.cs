namespace Lbbv.Syntax;

/// <summary>A recursive-descent parser for the Python subset, following CPython 3.11's grammar and its
/// error messages. Errors that CPython reports after parsing (from the compiler or symbol table) and
/// unsupported constructs are deferred, so that a real syntax error later in the file wins as in CPython.</summary>
public sealed partial class Parser
{
    private readonly SourceText _src;
    private readonly Token[] _t;
    private readonly bool _inFString;
    private int _p;
    private Scope _scope;
    private Exception? _deferred;
    private bool _errorIsFinal;

    // The outermost disjunction that ended most recently, for CPython's "Perhaps you forgot a comma?"
    // and "Missing parentheses in call to 'print'" checks on an unexpected token.
    private int _lastDisjStart = -1, _lastDisjEnd = -1;
    private Expr? _lastDisj;

    // Expressions written in parentheses (reference identity), for target and annotation checks.
    private readonly HashSet<Expr> _parenthesized = new(ReferenceEqualityComparer.Instance);

    private sealed class Scope(Scope? parent, bool isFunction)
    {
        public Scope? Parent { get; } = parent;
        public bool IsFunction { get; } = isFunction;
        public int LoopDepth { get; set; }
        /// <summary>Token indexes of the yields in this scope's own body.</summary>
        public List<int> Yields { get; } = [];
    }

    private Parser(SourceText src, List<Token> tokens, bool inFString, Scope scope)
    {
        _src = src;
        _t = tokens.ToArray();
        _inFString = inFString;
        _scope = scope;
    }

    /// <summary>Parses a whole module. Throws PySyntaxError or NotSupportedFeatureError.</summary>
    public static Module ParseModule(string source, string fileName)
    {
        var src = new SourceText(source, fileName);
        var parser = new Parser(src, Tokenizer.Tokenize(src), false, new Scope(null, false));
        List<Stmt> body;
        try
        {
            body = parser.ParseFile();
        }
        catch (PySyntaxError e)
        {
            throw parser.Reorder(e);
        }
        if (parser._deferred != null) throw parser._deferred;
        return new Module(body, fileName);
    }

    /// <summary>CPython tokenizes the rest of the file after a parser error: most tokenizer errors win.</summary>
    private PySyntaxError Reorder(PySyntaxError e)
    {
        if (_errorIsFinal || _t[^1].Value is not TokenError te) return e;
        if (e.Line == te.Line && e.Col == te.Col && e.Message == te.Message) return e;
        return te.Order switch
        {
            TokenErrorOrder.Overrides => ToException(te),
            TokenErrorOrder.UnclosedBracket when LastFetchedLine(e) > te.ParenLine => ToException(te),
            _ => e,
        };
    }

    /// <summary>pegen's `current_err_line`: the line of the furthest token the parser fetched (the
    /// bracket's own error when that token is the end of the input).</summary>
    private int LastFetchedLine(PySyntaxError e) =>
        _maxP >= _t.Length - 1 ? int.MaxValue : Math.Max(e.Line, _t[_maxP].Pos.Line);

    private PySyntaxError ToException(TokenError te) => _src.Error(te.Message, te.Line, te.Col, te.Kind);

    // ---------------------------------------------------------------- token helpers

    private ref readonly Token Cur => ref _t[_p];
    private ref readonly Token PeekTok(int k = 1) => ref _t[Math.Min(_p + k, _t.Length - 1)];
    private Pos CurPos => _t[_p].Pos;

    private Token Next()
    {
        var t = _t[_p];
        if (_p < _t.Length - 1) _p++;
        if (_p > _maxP) _maxP = _p;
        return t;
    }

    // The furthest token looked at, as pegen's last fetched token: if it is the tokenizer's error
    // (such as an unclosed bracket at the end of the file), that error is the one reported.
    private int _maxP;

    private bool AtOp(string op) => Cur.IsOp(op);
    private bool AtKw(string kw) => Cur.IsKeyword(kw);

    private bool EatOp(string op)
    {
        if (!AtOp(op)) return false;
        Next();
        return true;
    }

    private void ExpectOp(string op)
    {
        if (!EatOp(op)) throw Unexpected();
    }

    private static readonly HashSet<string> Keywords =
    [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
        "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
        "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ];

    internal static bool IsKeyword(string name) => Keywords.Contains(name);

    private bool AtPlainName => Cur.Kind == TokenKind.Name && !Cur.IsKw;

    private string ExpectName()
    {
        if (!AtPlainName) throw Unexpected();
        return Next().Text;
    }

    // ---------------------------------------------------------------- errors

    private PySyntaxError Error(string msg, Pos at, string kind = "SyntaxError") => _src.Error(msg, at.Line, at.Col, kind);

    /// <summary>Records an error CPython reports only once the whole file has parsed.</summary>
    private void Defer(Exception e) => _deferred ??= e;

    private void NotSupported(string feature, int line) =>
        Defer(new NotSupportedFeatureError(feature, _src.FileName, line));

    /// <summary>The error for a token that no rule accepts here.</summary>
    private PySyntaxError Unexpected()
    {
        var t = Cur;
        if (t.Value is TokenError te) return ToException(te);
        if (t.Kind == TokenKind.Indent)
        {
            _errorIsFinal = true;
            var next = PeekTok();
            return Error("unexpected indent", new Pos(next.Line, Math.Max(0, next.Col - 1)), "IndentationError");
        }
        if (t.Kind == TokenKind.Dedent)
        {
            _errorIsFinal = true;
            return Error("unexpected unindent", t.Pos, "IndentationError");
        }
        if (_lastDisjEnd == _p && _lastDisj != null && CanStartExpression(t))
        {
            var a = _lastDisj;
            var aTok = _t[_lastDisjStart];
            if (a is Name { Id: "print" or "exec" } n && _lastDisjEnd == _lastDisjStart + 1)
                return Error($"Missing parentheses in call to '{n.Id}'. Did you mean {n.Id}(...)?", aTok.Pos);
            bool nameString = _lastDisjEnd == _lastDisjStart + 1 && aTok.Kind == TokenKind.Name && t.Kind == TokenKind.String;
            bool softKeyword = aTok.Kind == TokenKind.Name && aTok.Text is "match" or "case" or "_";
            if (t.Level > 0 && !nameString && !softKeyword && ParsesAsExpression() && ReachedTokenError() == null)
                return Error(_inFString ? "f-string: invalid syntax. Perhaps you forgot a comma?"
                    : "invalid syntax. Perhaps you forgot a comma?", aTok.Pos);
        }
        if (ReachedTokenError() is { } reached) return reached;
        return Error(_inFString ? "f-string: invalid syntax" : "invalid syntax", t.Pos);
    }

    private PySyntaxError? ReachedTokenError() =>
        _maxP == _t.Length - 1 && _t[^1].Value is TokenError te ? ToException(te) : null;

    private static bool CanStartExpression(Token t) => t.Kind switch
    {
        TokenKind.Name => !t.IsKw || t.Text is "not" or "lambda" or "None" or "True" or "False" or "await",
        TokenKind.Number or TokenKind.String => true,
        TokenKind.Op => t.Text is "(" or "[" or "{" or "~" or "...",
        _ => false,
    };

    /// <summary>Whether an expression parses at the current token (without consuming it).</summary>
    private bool ParsesAsExpression()
    {
        int save = _p, yields = _scope.Yields.Count;
        var deferred = _deferred;
        try
        {
            ParseExpression();
            return true;
        }
        catch (PySyntaxError)
        {
            return false;
        }
        finally
        {
            _p = save;
            _deferred = deferred;
            if (_scope.Yields.Count > yields) _scope.Yields.RemoveRange(yields, _scope.Yields.Count - yields);
        }
    }
}
