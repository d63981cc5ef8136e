// A compiled code object: the output of the bytecode compiler and the input of the interpreter
// and the JITs. It is pure managed data; the runtime turns Constants into Values when it loads it.
namespace Lbbv.Bytecode;

[Flags]
public enum CodeFlags
{
    None = 0,
    VarArgs = 1,        // has *args (its slot follows the positional and kw-only parameters)
    VarKeywords = 2,    // has **kwargs (its slot follows *args, or the kw-only parameters)
    Generator = 4,
    Module = 8,         // module top level: names are globals
    ClassBody = 16,     // class body: names go through LoadName/StoreName
    Lambda = 32,
    Comprehension = 64, // a comprehension or generator expression body (its single argument is `.0`)
    Coroutine = 128,    // an `async def` body (also Generator): calling it makes a coroutine
}

/// <summary>One basic block: [Start, End) instruction indices and the operand-stack depth on entry,
/// which is the same on every path into the block (checked by the compiler).</summary>
public readonly record struct BlockInfo(int Start, int End, int EntryDepth, bool IsHandler);

/// <summary>CPython 3.11 exception table entry: an exception raised by an instruction in [Start, End)
/// truncates the operand stack to Depth, pushes the offset of the raising instruction when
/// PushLasti, then pushes the exception, and jumps to Target.</summary>
public readonly record struct ExceptionEntry(int Start, int End, int Target, int Depth, bool PushLasti);

public sealed class CodeObject
{
    public required string Name { get; init; }
    public required string QualName { get; init; }
    public required string FileName { get; init; }
    public required int FirstLine { get; init; }
    public required CodeFlags Flags { get; init; }

    /// <summary>Positional parameters (the first ArgCount VarNames), positional-only ones included.</summary>
    public required int ArgCount { get; init; }
    /// <summary>The first PosOnlyArgCount positional parameters, which a keyword never binds.</summary>
    public int PosOnlyArgCount { get; init; }
    /// <summary>Keyword-only parameters (the next KwOnlyArgCount VarNames).</summary>
    public required int KwOnlyArgCount { get; init; }

    /// <summary>Instructions, each `op | arg << 8` (see OpcodeInfo).</summary>
    public required int[] Code { get; init; }
    /// <summary>Source line of every instruction (same length as Code).</summary>
    public required int[] Lines { get; init; }

    /// <summary>null (None), bool, System.Numerics.BigInteger, double, string, Lbbv.Syntax.Ellipsis,
    /// CodeObject, or object?[] (a constant tuple of these).</summary>
    public required object?[] Constants { get; init; }
    /// <summary>Global, attribute, method and import names.</summary>
    public required string[] Names { get; init; }

    /// <summary>Local variable names; parameters first (positional, kw-only, *args, **kwargs).</summary>
    public required string[] VarNames { get; init; }
    /// <summary>Variables of this code captured by inner functions. Their slots follow the locals.</summary>
    public required string[] CellVars { get; init; }
    /// <summary>Variables captured from enclosing functions. Their slots follow the cells; the
    /// function's closure tuple fills them at frame creation.</summary>
    public required string[] FreeVars { get; init; }
    /// <summary>For each cell variable that is also a parameter, its parameter index, else -1
    /// (MakeCell at the start of the code wraps the argument).</summary>
    public required int[] CellParamIndex { get; init; }
    /// <summary>The variable of every cell and free slot (CellVars then FreeVars), shared with the
    /// other codes that name it (<see cref="CellVariable"/>); empty when the compiler gave none
    /// (the runtime then claims nothing about those cells).</summary>
    public CellVariable[] DerefVariables { get; init; } = [];

    /// <summary>Frame slots: locals + cells + free variables (localsplus, as CPython).</summary>
    public int SlotCount => VarNames.Length + CellVars.Length + FreeVars.Length;
    public int CellSlot(int cellIndex) => VarNames.Length + cellIndex;
    public int FreeSlot(int freeIndex) => VarNames.Length + CellVars.Length + freeIndex;

    public required int MaxStackDepth { get; init; }
    public required BlockInfo[] Blocks { get; init; }
    public required ExceptionEntry[] ExceptionTable { get; init; }

    /// <summary>The function's docstring (its first statement when that is a string literal), or
    /// null. Module and class docstrings are stored into `__doc__` by the code instead.</summary>
    public string? DocString { get; init; }

    public bool IsGenerator => (Flags & CodeFlags.Generator) != 0;
    public bool IsCoroutine => (Flags & CodeFlags.Coroutine) != 0;

    /// <summary>Slot for the runtime's per-code data (constants as Values, inline caches, JIT state).</summary>
    public object? RuntimeData { get; set; }

    public override string ToString() => $"<code object {Name}, file \"{FileName}\", line {FirstLine}>";
}
