namespace Lbbv.Bytecode.Compiler.Emit;

/// <summary>A jump target inside one code object; bound to an instruction index by Mark.</summary>
internal sealed class Label
{
    public int Position { get; set; } = -1;
    public override string ToString() => Position < 0 ? "L?" : $"L{Position}";
}

/// <summary>An exception handler (CPython's SETUP_FINALLY / SETUP_CLEANUP). Instructions emitted
/// while it is the innermost pushed handler are covered by it. Its stack depth is the depth before
/// the first instruction emitted after its first push (try bodies are stack-neutral statements),
/// plus DepthAdjust (-1 for `with`: the __enter__ result above __exit__ is not kept).</summary>
internal sealed class Handler(bool pushLasti, int depthAdjust = 0)
{
    public Label Target { get; } = new();
    public bool PushLasti { get; } = pushLasti;
    public int DepthAdjust { get; } = depthAdjust;
    public int SetupIndex { get; set; } = -1;
}

/// <summary>One instruction before assembly: jumps refer to labels, every instruction knows its
/// line and the innermost handler covering it.</summary>
internal readonly record struct Instr(Opcode Op, int Arg, Label? Target, int Line, Handler? Handler);
