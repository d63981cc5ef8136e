using System.Globalization;
using System.Text;

namespace Lbbv.Syntax;

/// <summary>Turns source text into tokens, as CPython 3.11's tokenizer: INDENT/DEDENT from an indentation
/// stack, NEWLINE only at the end of logical lines outside brackets. Tokenizing stops at the first error,
/// which becomes a final Error token (see <see cref="TokenError"/>).</summary>
internal sealed class Tokenizer
{
    private const int TabSize = 8;
    private const int MaxLevel = 200;

    private readonly SourceText _src;
    private readonly string _s;
    private readonly int _end;
    private readonly bool _subExpression; // an f-string replacement field: no NEWLINE/INDENT, starts inside brackets
    private readonly List<Token> _toks = [];
    private readonly List<int> _indents = [0];
    private readonly List<int> _altIndents = [0];
    private readonly List<(char Ch, int Line, int Col)> _parens = [];
    private int _pos, _line, _lineStart;
    private bool _atLineStart = true;

    private Tokenizer(SourceText src, int start, int end, bool subExpression)
    {
        _src = src;
        _s = src.Text;
        _pos = start;
        _end = end;
        _subExpression = subExpression;
        var p = src.PosOf(start);
        _line = p.Line;
        _lineStart = start - p.Col;
        if (subExpression) _atLineStart = false;
    }

    public static List<Token> Tokenize(SourceText src) => new Tokenizer(src, 0, src.Text.Length, false).Run();

    /// <summary>Tokenizes the expression of an f-string field (source offsets [start, end)).</summary>
    public static List<Token> TokenizeSubExpression(SourceText src, int start, int end) =>
        new Tokenizer(src, start, end, true).Run();

    private int Col(int offset) => offset - _lineStart;
    private char Peek(int k = 0) => _pos + k < _end ? _s[_pos + k] : '\0';
    private bool AtEnd => _pos >= _end;
    private int Level => _subExpression ? _parens.Count + 1 : _parens.Count;

    private void Add(TokenKind kind, string text, int start, object? value = null)
    {
        var sp = start >= _lineStart ? new Pos(_line, Col(start)) : _src.PosOf(start);
        _toks.Add(new Token(kind, text, sp.Line, sp.Col, _line, Col(_pos), start, _pos, Level, value));
    }

    private List<Token> Fail(string message, int line, int col, string kind = "SyntaxError",
        TokenErrorOrder order = TokenErrorOrder.Overrides, int parenLine = 0)
    {
        var err = new TokenError(message, line, col, kind, order, parenLine);
        int c = Math.Max(0, Math.Min(_pos, _end));
        _toks.Add(new Token(TokenKind.Error, message, line, col, line, col, c, c, Level, err));
        return _toks;
    }

    private void NewLine()
    {
        _pos++;
        _line++;
        _lineStart = _pos;
    }

    private List<Token> Run()
    {
        while (true)
        {
            if (_atLineStart && _parens.Count == 0 && !_subExpression)
            {
                _atLineStart = false;
                if (Indentation() is { } fail) return fail;
                if (_atLineStart) continue; // blank line consumed
            }
            while (!AtEnd && (Peek() == ' ' || Peek() == '\t' || Peek() == '\f')) _pos++;
            if (AtEnd) return EndOfInput();
            char c = Peek();
            int start = _pos;
            if (c == '#')
            {
                while (!AtEnd && Peek() != '\n') _pos++;
                continue;
            }
            if (c == '\n')
            {
                bool logicalEnd = Level == 0;
                if (logicalEnd) Add(TokenKind.Newline, "", start);
                NewLine();
                _atLineStart = logicalEnd;
                continue;
            }
            if (c == '\\')
            {
                _pos++;
                // CPython reports these only when the parser reaches them (tok->done, not a raised error).
                if (AtEnd) return Fail("unexpected EOF while parsing", _line, Col(_pos), order: TokenErrorOrder.WhenReached);
                if (Peek() != '\n')
                    return Fail("unexpected character after line continuation character", _line, Col(_pos), order: TokenErrorOrder.WhenReached);
                NewLine();
                continue;
            }
            if (IsAsciiLetter(c) || c == '_' || c >= 128)
            {
                if (Identifier() is { } fail) return fail;
                continue;
            }
            if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(1))))
            {
                if (NumberLiteral.Scan(_s, _pos, _end) is var n && n.Error is { } msg)
                    return Fail(msg, _line, Col(n.ErrorAt));
                else
                {
                    _pos = n.End;
                    Add(TokenKind.Number, _s[start.._pos], start, n.Value);
                }
                continue;
            }
            if (c == '\'' || c == '"')
            {
                if (StringToken(start) is { } fail) return fail;
                continue;
            }
            if (Operator(start) is { } opFail) return opFail;
        }
    }

    /// <summary>Measures the indentation of a new line and emits INDENT/DEDENT; consumes blank lines.</summary>
    private List<Token>? Indentation()
    {
        int col = 0, altCol = 0;
        while (!AtEnd)
        {
            char c = Peek();
            if (c == ' ') { col++; altCol++; }
            else if (c == '\t') { col = (col / TabSize + 1) * TabSize; altCol++; }
            else if (c == '\f') { col = altCol = 0; }
            else break;
            _pos++;
        }
        if (AtEnd) return null;
        char next = Peek();
        if (next == '#' || next == '\n')
        {
            while (!AtEnd && Peek() != '\n') _pos++;
            if (!AtEnd) { NewLine(); _atLineStart = true; }
            return null;
        }
        if (next == '\\') return null; // a continuation line's indentation is not checked
        int top = _indents[^1];
        if (col == top)
        {
            if (altCol != _altIndents[^1]) return TabError();
        }
        else if (col > top)
        {
            if (_indents.Count >= 100) return Fail("too many levels of indentation", _line, Col(_pos), "IndentationError");
            if (altCol <= _altIndents[^1]) return TabError();
            _indents.Add(col);
            _altIndents.Add(altCol);
            Add(TokenKind.Indent, "", _lineStart);
        }
        else
        {
            while (_indents.Count > 1 && col < _indents[^1])
            {
                _indents.RemoveAt(_indents.Count - 1);
                _altIndents.RemoveAt(_altIndents.Count - 1);
                Add(TokenKind.Dedent, "", _pos);
            }
            if (col != _indents[^1])
            {
                var text = _src.Line(_line) ?? "";
                return Fail("unindent does not match any outer indentation level", _line, text.Length,
                    "IndentationError", TokenErrorOrder.WhenReached);
            }
            if (altCol != _altIndents[^1]) return TabError();
        }
        return null;
    }

    private List<Token> TabError() =>
        Fail("inconsistent use of tabs and spaces in indentation", _line, Col(_pos), "TabError", TokenErrorOrder.WhenReached);

    private List<Token> EndOfInput()
    {
        if (_subExpression)
        {
            Add(TokenKind.EndMarker, "", _pos);
            return _toks;
        }
        if (_parens.Count > 0)
        {
            var (ch, line, col) = _parens[^1];
            return Fail($"'{ch}' was never closed", line, col, "SyntaxError", TokenErrorOrder.UnclosedBracket, line);
        }
        if (_toks.Count > 0 && _toks[^1].Kind is not (TokenKind.Newline or TokenKind.Dedent or TokenKind.Indent))
            Add(TokenKind.Newline, "", _pos);
        for (int i = 1; i < _indents.Count; i++) Add(TokenKind.Dedent, "", _pos);
        Add(TokenKind.EndMarker, "", _pos);
        return _toks;
    }

    private static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    private List<Token>? Identifier()
    {
        int start = _pos;
        bool ascii = true;
        while (!AtEnd)
        {
            char c = Peek();
            if (IsAsciiLetter(c) || c == '_' || char.IsAsciiDigit(c)) _pos++;
            else if (c >= 128) { ascii = false; _pos++; }
            else break;
        }
        // A string prefix directly followed by a quote starts a string literal.
        if (_pos - start <= 2 && (Peek() == '\'' || Peek() == '"') && IsStringPrefix(_s.AsSpan(start, _pos - start)))
            return StringToken(start);
        if (!ascii)
        {
            for (int i = start; i < _pos;)
            {
                var r = Rune.GetRuneAt(_s, i);
                if (!IsIdentifierRune(r, i == start))
                {
                    var text = r.ToString();
                    return Fail($"invalid character '{text}' (U+{r.Value:X4})", _line, Col(i));
                }
                i += r.Utf16SequenceLength;
            }
        }
        var name = _s[start.._pos];
        _toks.Add(new Token(TokenKind.Name, name, _line, Col(start), _line, Col(_pos), start, _pos, Level) { IsKw = Parser.IsKeyword(name) });
        return null;
    }

    private static bool IsIdentifierRune(Rune r, bool first)
    {
        if (r.Value < 128) return r.Value == '_' || IsAsciiLetter((char)r.Value) || (!first && char.IsAsciiDigit((char)r.Value));
        switch (Rune.GetUnicodeCategory(r))
        {
            case UnicodeCategory.UppercaseLetter: case UnicodeCategory.LowercaseLetter: case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter: case UnicodeCategory.OtherLetter: case UnicodeCategory.LetterNumber:
                return true;
            case UnicodeCategory.NonSpacingMark: case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.DecimalDigitNumber: case UnicodeCategory.ConnectorPunctuation:
                return !first;
            default:
                return false;
        }
    }

    private static bool IsStringPrefix(ReadOnlySpan<char> p)
    {
        Span<char> l = stackalloc char[p.Length];
        for (int i = 0; i < p.Length; i++) l[i] = (char)(p[i] | 0x20);
        return l.Length switch
        {
            1 => l[0] is 'r' or 'u' or 'f' or 'b',
            2 => (l[0], l[1]) is ('r', 'b') or ('b', 'r') or ('r', 'f') or ('f', 'r'),
            _ => false,
        };
    }

    /// <summary>Scans a string literal (prefix at start, quote at _pos) up to its closing quote.</summary>
    private List<Token>? StringToken(int start)
    {
        char q = Peek();
        int startLine = _line, startCol = Col(start);
        bool triple = Peek(1) == q && Peek(2) == q;
        _pos += triple ? 3 : 1;
        while (true)
        {
            if (AtEnd)
            {
                int detected = _line;
                if (_end > 0 && _s[_end - 1] == '\n' && _line > startLine) detected--;
                return triple
                    ? Fail($"unterminated triple-quoted string literal (detected at line {detected})", startLine, startCol)
                    : Fail($"unterminated string literal (detected at line {detected})", startLine, startCol);
            }
            char c = Peek();
            if (c == '\\')
            {
                _pos++;
                if (AtEnd) continue;
                if (Peek() == '\n') NewLine(); else _pos++;
                continue;
            }
            if (c == '\n')
            {
                if (!triple) return Fail($"unterminated string literal (detected at line {_line})", startLine, startCol);
                NewLine();
                continue;
            }
            _pos++;
            if (c == q && (!triple || (Peek() == q && Peek(1) == q)))
            {
                if (triple) _pos += 2;
                break;
            }
        }
        _toks.Add(new Token(TokenKind.String, _s[start.._pos], startLine, startCol, _line, Col(_pos), start, _pos, Level));
        return null;
    }

    private List<Token>? Operator(int start)
    {
        char c = Peek(), c1 = Peek(1), c2 = Peek(2);
        string op = c switch
        {
            '(' or ')' or '[' or ']' or '{' or '}' or ',' or ';' or '~' => c.ToString(),
            '.' => c1 == '.' && c2 == '.' ? "..." : ".",
            ':' => c1 == '=' ? ":=" : ":",
            '-' => c1 == '>' ? "->" : c1 == '=' ? "-=" : "-",
            '+' or '%' or '&' or '|' or '^' or '@' or '=' => c1 == '=' ? c + "=" : c.ToString(),
            '!' => c1 == '=' ? "!=" : "!",
            '*' or '/' or '<' or '>' =>
                c1 == c ? (c2 == '=' ? $"{c}{c}=" : $"{c}{c}") : c1 == '=' ? $"{c}=" : c.ToString(),
            // Characters no rule accepts ($, ?, `) become operator tokens that the parser rejects with
            // "invalid syntax", as CPython does.
            _ => c.ToString(),
        };
 _pos += op.Length;
        op = string.IsInterned(op) ?? op;
        if (op is "(" or "[" or "{")
        {
            if (_parens.Count >= MaxLevel) return Fail("too many nested parentheses", _line, Col(start));
            Add(TokenKind.Op, op, start);
            _parens.Add((c, _line, Col(start)));
            return null;
        }
        if (op is ")" or "]" or "}")
        {
            if (_parens.Count == 0)
            {
                if (_subExpression) { Add(TokenKind.Op, op, start); return null; }
                return Fail($"unmatched '{c}'", _line, Col(start));
            }
            var (open, line, _) = _parens[^1];
            char expected = open == '(' ? ')' : open == '[' ? ']' : '}';
            if (c != expected)
                return Fail(line != _line
                    ? $"closing parenthesis '{c}' does not match opening parenthesis '{open}' on line {line}"
                    : $"closing parenthesis '{c}' does not match opening parenthesis '{open}'", _line, Col(start));
            _parens.RemoveAt(_parens.Count - 1);
        }
        Add(TokenKind.Op, op, start);
        return null;
    }
}
