// The abstract syntax tree of the Python subset. It mirrors CPython's `ast` module (same node
// names and fields) so that the parser and the bytecode compiler share one well-known contract.
// Positions are 1-based lines and 0-based columns, as CPython reports them.
namespace Lbbv.Syntax;

public readonly record struct Pos(int Line, int Col);

public abstract record Node(Pos Pos);

// ---------------------------------------------------------------- module

public sealed record Module(IReadOnlyList<Stmt> Body, string FileName);

// ---------------------------------------------------------------- statements

public abstract record Stmt(Pos Pos) : Node(Pos);

public sealed record FunctionDef(Pos Pos, string Name, Arguments Args, IReadOnlyList<Stmt> Body,
    IReadOnlyList<Expr> Decorators, bool IsGenerator) : Stmt(Pos);
public sealed record ClassDef(Pos Pos, string Name, IReadOnlyList<Expr> Bases, IReadOnlyList<Keyword> Keywords,
    IReadOnlyList<Stmt> Body,
    IReadOnlyList<Expr> Decorators) : Stmt(Pos);
public sealed record Return(Pos Pos, Expr? Value) : Stmt(Pos);
public sealed record Delete(Pos Pos, IReadOnlyList<Expr> Targets) : Stmt(Pos);
/// <summary>`a = b = value`: Targets are assigned left to right.</summary>
public sealed record Assign(Pos Pos, IReadOnlyList<Expr> Targets, Expr Value) : Stmt(Pos);
public sealed record AugAssign(Pos Pos, Expr Target, BinOpKind Op, Expr Value) : Stmt(Pos);
/// <summary>`x: int = 3` (Value may be null). Simple: the target is a name not in parentheses (a
/// module or class then records the annotation in `__annotations__`).</summary>
public sealed record AnnAssign(Pos Pos, Expr Target, Expr Annotation, Expr? Value, bool Simple = false) : Stmt(Pos);
public sealed record For(Pos Pos, Expr Target, Expr Iter, IReadOnlyList<Stmt> Body, IReadOnlyList<Stmt> OrElse) : Stmt(Pos);
public sealed record While(Pos Pos, Expr Test, IReadOnlyList<Stmt> Body, IReadOnlyList<Stmt> OrElse) : Stmt(Pos);
public sealed record If(Pos Pos, Expr Test, IReadOnlyList<Stmt> Body, IReadOnlyList<Stmt> OrElse) : Stmt(Pos);
public sealed record Raise(Pos Pos, Expr? Exc, Expr? Cause) : Stmt(Pos);
public sealed record Try(Pos Pos, IReadOnlyList<Stmt> Body, IReadOnlyList<ExceptHandler> Handlers,
    IReadOnlyList<Stmt> OrElse, IReadOnlyList<Stmt> FinalBody) : Stmt(Pos);
public sealed record ExceptHandler(Pos Pos, Expr? Type, string? Name, IReadOnlyList<Stmt> Body) : Node(Pos);
/// <summary>`with a as b, c: body` (several items nest, as CPython compiles them).</summary>
public sealed record With(Pos Pos, IReadOnlyList<WithItem> Items, IReadOnlyList<Stmt> Body) : Stmt(Pos);
public sealed record WithItem(Expr ContextExpr, Expr? OptionalVars);
public sealed record Assert(Pos Pos, Expr Test, Expr? Msg) : Stmt(Pos);
/// <summary>`import a.b as c`: one alias per name.</summary>
public sealed record Import(Pos Pos, IReadOnlyList<Alias> Names) : Stmt(Pos);
/// <summary>`from m import a as b, c`; Names is `*` alone for a star import.</summary>
public sealed record ImportFrom(Pos Pos, string ModuleName, IReadOnlyList<Alias> Names) : Stmt(Pos);
public sealed record Alias(string Name, string? AsName);
public sealed record Global(Pos Pos, IReadOnlyList<string> Names) : Stmt(Pos);
public sealed record Nonlocal(Pos Pos, IReadOnlyList<string> Names) : Stmt(Pos);
public sealed record ExprStmt(Pos Pos, Expr Value) : Stmt(Pos);
public sealed record Pass(Pos Pos) : Stmt(Pos);
public sealed record Break(Pos Pos) : Stmt(Pos);
public sealed record Continue(Pos Pos) : Stmt(Pos);

// ---------------------------------------------------------------- function arguments

/// <summary>Formal parameters, as CPython's `ast.arguments`.</summary>
public sealed record Arguments(
    IReadOnlyList<Arg> PosOnlyArgs,      // before `/`
    IReadOnlyList<Arg> Args,             // positional-or-keyword
    Arg? VarArg,                         // *args
    IReadOnlyList<Arg> KwOnlyArgs,       // after * or *args
    IReadOnlyList<Expr?> KwDefaults,     // one per KwOnlyArgs entry, null = required
    Arg? KwArg,                          // **kwargs
    IReadOnlyList<Expr> Defaults)        // defaults of the LAST Defaults.Count entries of PosOnlyArgs + Args
{
    /// <summary>Every positional parameter (positional-only first), as co_argcount counts them.</summary>
    public IEnumerable<Arg> Positional => PosOnlyArgs.Concat(Args);
}
public sealed record Arg(Pos Pos, string Name, Expr? Annotation) : Node(Pos);

// ---------------------------------------------------------------- expressions

public enum ExprContext { Load, Store, Del }

public enum BinOpKind { Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv }
public enum UnaryOpKind { Invert, Not, UAdd, USub }
public enum BoolOpKind { And, Or }
public enum CmpOpKind { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn }

public abstract record Expr(Pos Pos) : Node(Pos);

public sealed record BoolOp(Pos Pos, BoolOpKind Op, IReadOnlyList<Expr> Values) : Expr(Pos);
/// <summary>`(x := 3)`: parsed so that it can be reported as not supported with its position.</summary>
public sealed record NamedExpr(Pos Pos, Expr Target, Expr Value) : Expr(Pos);
public sealed record BinOp(Pos Pos, Expr Left, BinOpKind Op, Expr Right) : Expr(Pos);
public sealed record UnaryOp(Pos Pos, UnaryOpKind Op, Expr Operand) : Expr(Pos);
public sealed record Lambda(Pos Pos, Arguments Args, Expr Body) : Expr(Pos);
public sealed record IfExp(Pos Pos, Expr Test, Expr Body, Expr OrElse) : Expr(Pos);
/// <summary>`{k: v, **m}`: a null key marks a `**m` entry whose mapping is the value.</summary>
public sealed record Dict(Pos Pos, IReadOnlyList<Expr?> Keys, IReadOnlyList<Expr> Values) : Expr(Pos);
public sealed record Set(Pos Pos, IReadOnlyList<Expr> Elts) : Expr(Pos);
public sealed record ListComp(Pos Pos, Expr Elt, IReadOnlyList<Comprehension> Generators) : Expr(Pos);
public sealed record SetComp(Pos Pos, Expr Elt, IReadOnlyList<Comprehension> Generators) : Expr(Pos);
public sealed record DictComp(Pos Pos, Expr Key, Expr Value, IReadOnlyList<Comprehension> Generators) : Expr(Pos);
public sealed record GeneratorExp(Pos Pos, Expr Elt, IReadOnlyList<Comprehension> Generators) : Expr(Pos);
public sealed record Comprehension(Expr Target, Expr Iter, IReadOnlyList<Expr> Ifs);
public sealed record Yield(Pos Pos, Expr? Value) : Expr(Pos);
public sealed record YieldFrom(Pos Pos, Expr Value) : Expr(Pos);
/// <summary>`a < b < c`: Ops.Count == Comparators.Count.</summary>
public sealed record Compare(Pos Pos, Expr Left, IReadOnlyList<CmpOpKind> Ops, IReadOnlyList<Expr> Comparators) : Expr(Pos);
/// <summary>A call; positional Args may contain Starred (`*xs`); a Keyword with null Name is `**kw`.</summary>
public sealed record Call(Pos Pos, Expr Func, IReadOnlyList<Expr> Args, IReadOnlyList<Keyword> Keywords) : Expr(Pos);
public sealed record Keyword(Pos Pos, string? Name, Expr Value) : Node(Pos);
/// <summary>One f-string `{value!conversion:format_spec}`; Conversion is -1, 's', 'r' or 'a'.</summary>
public sealed record FormattedValue(Pos Pos, Expr Value, int Conversion, Expr? FormatSpec) : Expr(Pos);
/// <summary>An f-string: Constant(str) and FormattedValue parts.</summary>
public sealed record JoinedStr(Pos Pos, IReadOnlyList<Expr> Values) : Expr(Pos);
/// <summary>Value is null (None), bool, System.Numerics.BigInteger (every int literal), double, string,
/// or Ellipsis.Instance.</summary>
public sealed record Constant(Pos Pos, object? Value) : Expr(Pos);
public sealed record Attribute(Pos Pos, Expr Value, string Attr, ExprContext Ctx) : Expr(Pos);
public sealed record Subscript(Pos Pos, Expr Value, Expr Slice, ExprContext Ctx) : Expr(Pos);
public sealed record Starred(Pos Pos, Expr Value, ExprContext Ctx) : Expr(Pos);
public sealed record Name(Pos Pos, string Id, ExprContext Ctx) : Expr(Pos);
public sealed record List(Pos Pos, IReadOnlyList<Expr> Elts, ExprContext Ctx) : Expr(Pos);
public sealed record Tuple(Pos Pos, IReadOnlyList<Expr> Elts, ExprContext Ctx) : Expr(Pos);
/// <summary>`a:b:c` inside a subscript; a multi-dimensional subscript is a Tuple of these.</summary>
public sealed record Slice(Pos Pos, Expr? Lower, Expr? Upper, Expr? Step) : Expr(Pos);

/// <summary>The `...` constant.</summary>
public sealed class Ellipsis
{
    public static readonly Ellipsis Instance = new();
    private Ellipsis() { }
}

// ---------------------------------------------------------------- errors

/// <summary>A syntax error at a source position; the CLI prints it CPython-style
/// (`File "x.py", line N`, the line, a caret, `SyntaxError: msg`) and exits 1.</summary>
public sealed class PySyntaxError(string message, string fileName, int line, int col, string? sourceLine, string kind = "SyntaxError")
    : Exception(message)
{
    public string FileName { get; } = fileName;
    public int Line { get; } = line;
    /// <summary>0-based column.</summary>
    public int Col { get; } = col;
    public string? SourceLine { get; } = sourceLine;
    /// <summary>SyntaxError or IndentationError (or TabError).</summary>
    public string Kind { get; } = kind;
}

/// <summary>A construct outside the supported subset (exit status 2): names the construct and the line.</summary>
public sealed class NotSupportedFeatureError(string feature, string fileName, int line)
    : Exception($"{fileName}:{line}: NotSupportedError: {feature} is not supported by Lbbv")
{
    public string Feature { get; } = feature;
    public string FileName { get; } = fileName;
    public int Line { get; } = line;
}
