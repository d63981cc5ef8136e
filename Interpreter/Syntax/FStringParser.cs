using System.Text;

namespace Lbbv.Syntax;

/// <summary>Collects the parts of a (possibly concatenated) string literal: merged constant text and
/// f-string replacement fields, as CPython 3.11 builds a JoinedStr.</summary>
internal sealed class StringBuilderParts(Pos pos)
{
    private readonly StringBuilder _text = new();
    private readonly List<Expr> _parts = [];
    public bool IsFString { get; set; }
    public StringBuilder Text => _text;

    public void AddValue(FormattedValue v)
    {
        FlushText();
        _parts.Add(v);
    }

    private void FlushText()
    {
        if (_text.Length == 0) return;
        _parts.Add(new Constant(pos, _text.ToString()));
        _text.Clear();
    }

    public Expr Build()
    {
        if (!IsFString) return new Constant(pos, _text.ToString());
        FlushText();
        return new JoinedStr(pos, _parts.ToArray());
    }
}

/// <summary>Parses the body of one f-string literal (3.11 rules: no backslash or '#' in expressions,
/// the expression is parsed by the normal parser over its own source range).</summary>
internal sealed class FStringParser
{
    private readonly SourceText _src;
    private readonly string _s;
    private readonly int _end;
    private readonly bool _raw;
    private readonly Pos _pos;
    private readonly Func<int, int, Expr> _parseExpr;
    private readonly Action<string, int> _notSupported;
    private int _i;

    private FStringParser(SourceText src, int start, int end, bool raw, Pos pos, Func<int, int, Expr> parseExpr,
        Action<string, int> notSupported)
    {
        _src = src; _s = src.Text; _i = start; _end = end; _raw = raw; _pos = pos;
        _parseExpr = parseExpr; _notSupported = notSupported;
    }

    /// <summary>Appends the parts of the f-string body s[start, end) to `into`.</summary>
    public static void Parse(SourceText src, int start, int end, bool raw, Pos pos, StringBuilderParts into,
        Func<int, int, Expr> parseExpr, Action<string, int> notSupported)
    {
        var p = new FStringParser(src, start, end, raw, pos, parseExpr, notSupported);
        p.ParseParts(into, 0, inSpec: false);
    }

    private PySyntaxError Error(string msg, int offset)
    {
        var p = _src.PosOf(Math.Min(offset, _s.Length));
        return _src.Error(msg, p.Line, p.Col);
    }

    /// <summary>Literal text and fields until the end (or, in a format spec, until the closing '}').</summary>
    private void ParseParts(StringBuilderParts into, int depth, bool inSpec)
    {
        int segStart = _i;
        while (_i < _end)
        {
            char c = _s[_i];
            if (c == '\\' && !_raw && _i + 1 < _end)
            {
                if (_s[_i + 1] == 'N' && _i + 2 < _end && _s[_i + 2] == '{')
                {
                    // \N{NAME}: its braces are not a field.
                    int close = _s.IndexOf('}', _i, _end - _i);
                    _i = close < 0 ? _end : close + 1;
                    continue;
                }
                _i += _s[_i + 1] is '{' or '}' ? 1 : 2;
                continue;
            }
            if (c == '{')
            {
                if (!inSpec && _i + 1 < _end && _s[_i + 1] == '{')
                {
                    FlushLiteral(into, segStart, _i + 1);
                    _i += 2;
                    segStart = _i;
                    continue;
                }
                FlushLiteral(into, segStart, _i);
                if (depth >= 2) throw Error("f-string: expressions nested too deeply", _i);
                _i++;
                ParseField(into, depth);
                segStart = _i;
                continue;
            }
            if (c == '}')
            {
                if (inSpec) break;
                if (_i + 1 < _end && _s[_i + 1] == '}')
                {
                    FlushLiteral(into, segStart, _i + 1);
                    _i += 2;
                    segStart = _i;
                    continue;
                }
                throw Error("f-string: single '}' is not allowed", _i);
            }
            _i++;
        }
        FlushLiteral(into, segStart, _i);
    }

    private void FlushLiteral(StringBuilderParts into, int start, int end)
    {
        if (end <= start) return;
        if (_raw) into.Text.Append(_s, start, end - start);
        else StringLiteral.Decode(_s, start, end, into.Text, Error, _notSupported);
    }

    /// <summary>After '{': expression, optional '=', '!conv', ':spec', then '}'.</summary>
    private void ParseField(StringBuilderParts into, int depth)
    {
        int exprStart = _i;
        int nest = 0;
        char quote = '\0';
        bool tripleQuote = false;
        while (true)
        {
            if (_i >= _end) throw Error("f-string: expecting '}'", _i);
            char c = _s[_i];
            if (c == '\\') throw Error("f-string expression part cannot include a backslash", _i);
            if (quote != '\0')
            {
                if (c == quote && (!tripleQuote || (_i + 2 < _end && _s[_i + 1] == quote && _s[_i + 2] == quote)))
                {
                    _i += tripleQuote ? 3 : 1;
                    quote = '\0';
                    continue;
                }
                _i++;
                continue;
            }
            char next = _i + 1 < _end ? _s[_i + 1] : '\0';
            if (c is '\'' or '"')
            {
                quote = c;
                tripleQuote = next == c && _i + 2 < _end && _s[_i + 2] == c;
                _i += tripleQuote ? 3 : 1;
                continue;
            }
            if (c is '(' or '[' or '{') nest++;
            else if (c is ')' or ']' or '}')
            {
                if (nest == 0)
                {
                    if (c == '}') break;
                    throw Error($"f-string: unmatched '{c}'", _i);
                }
                nest--;
            }
            else if (c == '#') throw Error("f-string expression part cannot include '#'", _i);
            else if (nest == 0 && c == '!' && next != '=') break;
            else if (nest == 0 && c == ':') break;
            else if (c is '=' or '!' or '<' or '>' && next == '=') { _i += 2; continue; }
            else if (nest == 0 && c == '=') break;
            _i++;
        }
        int exprEnd = _i;
        if (_s.AsSpan(exprStart, exprEnd - exprStart).IsWhiteSpace())
            throw Error("f-string: empty expression not allowed", _i);
        var value = _parseExpr(exprStart, exprEnd);

        string? selfDoc = null;
        if (_s[_i] == '=')
        {
            _i++;
            selfDoc = _s[exprStart.._i];
            int ws = _i;
            while (_i < _end && char.IsWhiteSpace(_s[_i])) _i++;
            selfDoc += _s[ws.._i];
        }
        int conversion = -1;
        if (_i < _end && _s[_i] == '!')
        {
            _i++;
            char conv = _i < _end ? _s[_i] : '\0';
            if (conv is not ('s' or 'r' or 'a'))
                throw Error(conv is '}' or ':' or '\0'
                    ? "f-string: missed conversion character"
                    : "f-string: invalid conversion character: expected 's', 'r', or 'a'", _i);
            conversion = conv;
            _i++;
        }
        Expr? spec = null;
        if (_i < _end && _s[_i] == ':')
        {
            _i++;
            var specParts = new StringBuilderParts(_pos) { IsFString = true };
            ParseParts(specParts, depth + 1, inSpec: true);
            spec = specParts.Build();
        }
        if (_i >= _end || _s[_i] != '}') throw Error("f-string: expecting '}'", _i);
        _i++;
        if (selfDoc != null)
        {
            into.Text.Append(selfDoc);
            if (conversion == -1 && spec == null) conversion = 'r';
        }
        into.AddValue(new FormattedValue(_pos, value, conversion, spec));
    }
}
