namespace Lbbv.Syntax;

internal enum TokenKind : byte { Name, Number, String, Op, Newline, Indent, Dedent, EndMarker, Error }

/// <summary>One token. Text is the source text (for strings: prefix and quotes included, decoded by the
/// parser so that adjacent literals and f-strings can be combined). Level is the bracket depth before
/// the token; Start/End are offsets into the source.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Line, int Col, int EndLine, int EndCol,
    int Start, int End, int Level, object? Value = null)
{
    /// <summary>A hard keyword (computed once by the tokenizer).</summary>
    public bool IsKw { get; init; }

    public bool IsOp(string op) => Kind == TokenKind.Op && Text == op;
    public bool IsKeyword(string kw) => Kind == TokenKind.Name && Text == kw;
    public Pos Pos => new(Line, Col);
}

/// <summary>Marks an imaginary literal: the parser reports it as not supported when it is used.</summary>
internal sealed class ImaginaryLiteral
{
    public static readonly ImaginaryLiteral Instance = new();
    private ImaginaryLiteral() { }
}

/// <summary>A tokenizer error, carried by the last token (TokenKind.Error) so that the parser can
/// order it against its own errors the way CPython does.</summary>
internal sealed record TokenError(string Message, int Line, int Col, string Kind, TokenErrorOrder Order, int ParenLine = 0);

internal enum TokenErrorOrder
{
    /// <summary>Raised by CPython's tokenizer itself: wins over any parser error earlier in the file.</summary>
    Overrides,
    /// <summary>Only reported if the parser reaches it (indentation errors).</summary>
    WhenReached,
    /// <summary>An unclosed bracket at end of file: wins over parser errors after the bracket's line.</summary>
    UnclosedBracket,
}
