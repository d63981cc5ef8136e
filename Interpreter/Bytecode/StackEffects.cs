// Stack effect of every op, derived from the stack pictures in Opcode.cs. The compiler uses it to
// compute block entry depths and MaxStackDepth; the JITs may use it to track stack slots.
namespace Lbbv.Bytecode;

public static class StackEffects
{
    /// <summary>Net change of the operand-stack depth when `op arg` executes. For a jump op,
    /// `jump` selects the taken edge; for other ops it is ignored.</summary>
    public static int Of(Opcode op, int arg, bool jump) => op switch
    {
        Opcode.Nop => 0,
        Opcode.PopTop => -1,
        Opcode.Copy => 1,
        Opcode.Swap => 0,
        Opcode.LoadConst or Opcode.LoadFast or Opcode.LoadClosure or Opcode.LoadDeref
            or Opcode.LoadGlobal or Opcode.LoadName or Opcode.LoadAssertionError => 1,
        Opcode.StoreFast or Opcode.StoreDeref or Opcode.StoreGlobal or Opcode.StoreName => -1,
        Opcode.DeleteFast or Opcode.DeleteDeref or Opcode.DeleteGlobal or Opcode.DeleteName or Opcode.MakeCell => 0,
        Opcode.LoadAttr => 0,
        Opcode.StoreAttr => -2,
        Opcode.DeleteAttr => -1,
        Opcode.LoadMethod => 1,
        Opcode.BinaryOp => -1,
        Opcode.UnaryNegative or Opcode.UnaryPositive or Opcode.UnaryInvert or Opcode.UnaryNot => 0,
        Opcode.CompareOp or Opcode.IsOp or Opcode.ContainsOp or Opcode.BinarySubscr => -1,
        Opcode.StoreSubscr => -3,
        Opcode.DeleteSubscr => -2,
        Opcode.BuildSlice => 1 - arg,
        Opcode.BuildTuple or Opcode.BuildList or Opcode.BuildSet or Opcode.BuildString => 1 - arg,
        Opcode.BuildMap => 1 - 2 * arg,
        Opcode.ListAppend or Opcode.SetAdd or Opcode.ListExtend or Opcode.SetUpdate
            or Opcode.DictUpdate or Opcode.DictMerge => -1,
        Opcode.MapAdd => -2,
        Opcode.ListToTuple => 0,
        Opcode.UnpackSequence => arg - 1,
        Opcode.UnpackEx => (arg & 0xFF) + (arg >> 8),
        Opcode.FormatValue => (arg & 4) != 0 ? -1 : 0,
        Opcode.Jump => 0,
        Opcode.PopJumpIfFalse or Opcode.PopJumpIfTrue or Opcode.PopJumpIfNone or Opcode.PopJumpIfNotNone => -1,
        Opcode.JumpIfFalseOrPop or Opcode.JumpIfTrueOrPop => jump ? 0 : -1,
        Opcode.GetIter => 0,
        Opcode.ForIter => jump ? -1 : 1,
        Opcode.ReturnValue => -1,
        Opcode.MakeFunction => -(((arg & 1) != 0 ? 1 : 0) + ((arg & 2) != 0 ? 1 : 0) + ((arg & 8) != 0 ? 1 : 0)),
        Opcode.Call => -arg,
        Opcode.CallMethod or Opcode.CallKw => -arg - 1,
        Opcode.CallEx => -1 - (arg & 1),
        Opcode.BuildClass => -1 - (arg & 0xFF) - (arg >> 8) - (arg >> 8 > 0 ? 1 : 0),
        Opcode.RaiseVarargs => -arg,
        Opcode.PushExcInfo => 1,
        Opcode.PopExcept => -1,
        Opcode.CheckExcMatch => 0,
        Opcode.Reraise => -1 - arg,
        Opcode.YieldValue or Opcode.GetYieldFromIter => 0,
        Opcode.Send => jump ? -1 : 0,
        Opcode.ImportName or Opcode.ImportFrom => 1,
        Opcode.ImportStar => -1,
        Opcode.BeforeWith or Opcode.WithExceptStart => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "no stack effect known"),
    };
}
