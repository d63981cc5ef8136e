// What the JIT knows of one code object whatever the frontend compiles it into.
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Jit;

/// <summary>The static facts about one code object that the lowering and the helpers read: its
/// runtime data, its shape (block starts, stack depths, liveness) and its slot layout. Each
/// frontend's per-code record (LBBV's version table, a tracer's loop headers) derives from it and
/// is kept in <see cref="CodeRuntime.JitState"/>, so a helper finds the shape of any frame's code.</summary>
public abstract class JitCode
{
    protected JitCode(CodeRuntime code)
    {
        Code = code;
        Shape = new CodeShape(code.Code);
        Layout = new SlotLayout(code.SlotCount);
        Unsupported = !IsCompilable(code);
    }

    public CodeRuntime Code { get; }
    public CodeShape Shape { get; }
    public SlotLayout Layout { get; }
    /// <summary>Set when this code is never compiled (generators, class bodies).</summary>
    public bool Unsupported { get; }

    /// <summary>The instruction at <paramref name="offset"/> (`op | arg &lt;&lt; 8`).</summary>
    public unsafe int InstrAt(int offset)
    {
        if ((uint)offset >= (uint)Shape.Length) throw new ArgumentOutOfRangeException(nameof(offset));
        // SAFETY: the code's instruction array holds Shape.Length instructions.
        return Code.Instrs[offset];
    }

    /// <summary>Constant <paramref name="index"/> of the code.</summary>
    public unsafe Value ConstantAt(int index)
    {
        if ((uint)index >= (uint)Code.ConstCount) throw new ArgumentOutOfRangeException(nameof(index));
        // SAFETY: the code's constant array holds ConstCount values.
        return Code.Consts[index];
    }

    /// <summary>The record of a code that machine code has run.</summary>
    public static JitCode Of(CodeRuntime code) =>
        code.JitState as JitCode ?? throw new InvalidOperationException($"{code.Code.QualName} was never compiled");

    /// <summary>Generators and class bodies stay in the interpreter.</summary>
    public static bool IsCompilable(CodeRuntime code) =>
        !code.IsGenerator && (code.Code.Flags & Bytecode.CodeFlags.ClassBody) == 0;
}
