namespace Lbbv.Backend.Emission;

/// <summary>
/// Why machine code returned to the interpreter and the bytecode offset to resume at. Travels
/// packed in rax: reason in the high 32 bits, offset in the low 32. Reasons are the frontend's
/// (they must be non-zero so that a packed record is never 0, the "continue" status of helpers),
/// except the few the backend itself reports, at the top of the range.
/// </summary>
public readonly record struct ExitRecord(uint Reason, int BytecodeOffset)
{
    /// <summary>The lazy stub ran with no compiler installed (see JitBackend.SetLazyCompiler).</summary>
    public const uint ReasonNoLazyCompiler = 0xFFFF_0001;

    public ulong Pack()
    {
        if (Reason == 0) throw new InvalidOperationException("exit reason 0 is reserved: a packed exit record must be non-zero");
        return ((ulong)Reason << 32) | (uint)BytecodeOffset;
    }

    public static ExitRecord Unpack(ulong packed) => new((uint)(packed >> 32), unchecked((int)(uint)packed));

    public override string ToString() => $"exit(reason {Reason}, offset {BytecodeOffset})";
}
