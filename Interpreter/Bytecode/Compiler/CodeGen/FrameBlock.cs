using Lbbv.Bytecode.Compiler.Emit;
using Lbbv.Syntax;

namespace Lbbv.Bytecode.Compiler.CodeGen;

/// <summary>Kinds of CPython's compiler "fblocks": the statement nesting that break, continue and
/// return must unwind (popping iterators, leaving handlers, running finally bodies).</summary>
internal enum FrameBlockKind
{
    WhileLoop,
    ForLoop,          // the iterator is on the stack
    TryExcept,        // inside `try:` of try/except; Handler = the except dispatch
    FinallyTry,       // inside `try:` of try/finally; Handler = the exceptional finally path
    FinallyEnd,       // inside the exceptional finally body: [prev_exc, exc] on the stack; Handler = cleanup
    ExceptionHandler, // between PushExcInfo and a handler body: nothing to unwind
    HandlerCleanup,   // inside an except body: [prev_exc] on the stack; Handler = cleanup, NameHandler for `as n`
    PopValue,         // a value (a return value being preserved) is on the stack
    With,             // inside a `with` body: the bound __exit__ is on the stack; Handler = the exceptional exit
}

internal sealed class FrameBlock(FrameBlockKind kind)
{
    public FrameBlockKind Kind { get; } = kind;
    public Label? Continue { get; init; }
    public Label? Exit { get; init; }
    public Handler? Handler { get; init; }
    public Handler? NameHandler { get; init; }
    public string? Name { get; init; }
    public IReadOnlyList<Stmt>? FinalBody { get; init; }
    /// <summary>For With: the line of the `with` statement (the __exit__ call's line).</summary>
    public int Line { get; init; }
    public bool IsLoop => Kind is FrameBlockKind.WhileLoop or FrameBlockKind.ForLoop;
}
