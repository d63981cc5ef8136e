// Stack effect of every op, from the opcode table (OpTable.cs). The compiler uses it to compute
// block entry depths and MaxStackDepth; the JITs use it to track stack slots.
namespace Lbbv.Bytecode;

public static class StackEffects
{
    /// <summary>Net change of the operand-stack depth when `op arg` executes. For a jump op,
    /// `jump` selects the taken edge; for other ops it is ignored.</summary>
    public static int Of(Opcode op, int arg, bool jump) => OpTable.Of(op).NetEffect(arg, jump);
}
