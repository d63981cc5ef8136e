// The one table of facts about every op (the semantics are in the stack pictures of Opcode.cs and
// in the interpreter). The compiler's stack depths (StackEffects), block ends (OpcodeInfo), the
// disassembler, liveness and both JITs read it; nothing keeps its own list of ops.
//
// Adding an op: a member in Opcode.cs with its stack picture, a row here (the type initializer
// refuses a table without one), its case in the interpreter. The JITs then run it through their
// generic fallback when it is Steppable, and exit to the interpreter before it otherwise.
using static Lbbv.Bytecode.OpTraits;

namespace Lbbv.Bytecode;

public static class OpTable
{
    private static readonly OpSpec[] Specs = Index(
    [
        // ---- stack
        new(Opcode.Nop, 0, 0) { Traits = NoArg | Steppable | LazyOperands },
        new(Opcode.PopTop, 1, 0) { Traits = NoArg | Steppable | LazyOperands },
        new(Opcode.Copy, 0, 1) { Traits = Steppable | LazyOperands },
        new(Opcode.Swap, StackCount.Arg(), StackCount.Arg()) { Traits = Steppable | LazyOperands },

        // ---- constants and variables
        new(Opcode.LoadConst, 0, 1) { Traits = Steppable | LazyOperands },
        new(Opcode.LoadFast, 0, 1) { Traits = Steppable | LazyOperands, Local = LocalAccess.Read },
        new(Opcode.StoreFast, 1, 0) { Traits = Steppable | LazyOperands, Local = LocalAccess.Write },
        new(Opcode.DeleteFast, 0, 0) { Local = LocalAccess.Delete },
        new(Opcode.MakeCell, 0, 0) { Traits = Steppable, Local = LocalAccess.MakeCell },
        new(Opcode.LoadClosure, 0, 1) { Traits = Steppable },
        new(Opcode.LoadDeref, 0, 1) { Traits = Steppable },
        new(Opcode.StoreDeref, 1, 0) { Traits = Steppable },
        new(Opcode.DeleteDeref, 0, 0) { Traits = Steppable },
        new(Opcode.LoadGlobal, 0, 1) { Traits = Steppable | LazyOperands },
        new(Opcode.StoreGlobal, 1, 0) { Traits = Steppable | LazyOperands },
        new(Opcode.DeleteGlobal, 0, 0) { Traits = Steppable },
        new(Opcode.LoadName, 0, 1) { Traits = Steppable },
        new(Opcode.StoreName, 1, 0) { Traits = Steppable },
        new(Opcode.DeleteName, 0, 0) { Traits = Steppable },
        new(Opcode.LoadAttr, 1, 1) { Traits = Steppable | LazyOperands },
        new(Opcode.StoreAttr, 2, 0) { Traits = Steppable | LazyOperands },
        new(Opcode.DeleteAttr, 1, 0) { Traits = Steppable },
        new(Opcode.LoadMethod, 1, 2) { Traits = Steppable | LazyOperands },
        new(Opcode.LoadAssertionError, 0, 1) { Traits = NoArg | Steppable },

        // ---- operators
        new(Opcode.BinaryOp, 2, 1) { Traits = Steppable | LazyOperands },
        new(Opcode.UnaryNegative, 1, 1) { Traits = NoArg | Steppable | LazyOperands },
        new(Opcode.UnaryPositive, 1, 1) { Traits = NoArg | Steppable },
        new(Opcode.UnaryInvert, 1, 1) { Traits = NoArg | Steppable | LazyOperands },
        new(Opcode.UnaryNot, 1, 1) { Result = OpResult.Bool, Traits = NoArg | Steppable | LazyOperands },
        new(Opcode.CompareOp, 2, 1) { Traits = Steppable | LazyOperands },
        new(Opcode.IsOp, 2, 1) { Result = OpResult.Bool, Traits = Steppable },
        new(Opcode.ContainsOp, 2, 1) { Result = OpResult.Bool, Traits = Steppable },
        new(Opcode.BinarySubscr, 2, 1) { Traits = NoArg | Steppable | LazyOperands },
        new(Opcode.StoreSubscr, 3, 0) { Traits = NoArg | Steppable | LazyOperands },
        new(Opcode.DeleteSubscr, 2, 0) { Traits = NoArg | Steppable },
        new(Opcode.BuildSlice, StackCount.Arg(), 1) { Traits = Steppable },

        // ---- building
        new(Opcode.BuildTuple, StackCount.Arg(), 1) { Result = OpResult.Tuple, Traits = Steppable },
        new(Opcode.BuildList, StackCount.Arg(), 1) { Result = OpResult.List, Traits = Steppable },
        new(Opcode.BuildSet, StackCount.Arg(), 1) { Traits = Steppable },
        new(Opcode.BuildMap, StackCount.TwiceArg, 1) { Result = OpResult.Dict, Traits = Steppable },
        new(Opcode.BuildString, StackCount.Arg(), 1) { Result = OpResult.Str, Traits = Steppable },
        new(Opcode.ListAppend, 1, 0) { Traits = Steppable },
        new(Opcode.SetAdd, 1, 0) { Traits = Steppable },
        new(Opcode.MapAdd, 2, 0) { Traits = Steppable },
        new(Opcode.ListExtend, 1, 0) { Traits = Steppable },
        new(Opcode.SetUpdate, 1, 0) { Traits = Steppable },
        new(Opcode.DictUpdate, 1, 0) { Traits = Steppable },
        new(Opcode.DictMerge, 1, 0) { Traits = Steppable },
        new(Opcode.ListToTuple, 1, 1) { Result = OpResult.Tuple, Traits = NoArg | Steppable },
        new(Opcode.UnpackSequence, 1, StackCount.Arg()) { Traits = Steppable },
        new(Opcode.UnpackEx, 1, StackCount.Of(arg => (arg & 0xFF) + (arg >> 8) + 1)) { Traits = Steppable },
        new(Opcode.FormatValue, StackCount.Of(arg => (arg & 4) != 0 ? 2 : 1), 1)
        {
            Result = OpResult.Str, Traits = Steppable,
        },

        // ---- control flow
        new(Opcode.Jump, 0, 0) { Traits = Jump | Terminator },
        new(Opcode.PopJumpIfFalse, 1, 0) { Traits = Jump | LazyOperands },
        new(Opcode.PopJumpIfTrue, 1, 0) { Traits = Jump | LazyOperands },
        new(Opcode.PopJumpIfNone, 1, 0) { Traits = Jump },
        new(Opcode.PopJumpIfNotNone, 1, 0) { Traits = Jump },
        new(Opcode.JumpIfFalseOrPop, 1, 0) { PushesIfJumps = 1, Traits = Jump },
        new(Opcode.JumpIfTrueOrPop, 1, 0) { PushesIfJumps = 1, Traits = Jump },
        new(Opcode.GetIter, 1, 1) { Result = OpResult.Object, Traits = NoArg | Steppable },
        new(Opcode.ForIter, 1, 2) { PushesIfJumps = 0, Traits = Jump },
        new(Opcode.ReturnValue, 1, 0) { Traits = NoArg | Terminator | LazyOperands },

        // ---- functions, calls, classes
        new(Opcode.MakeFunction, StackCount.Of(arg => 1 + (arg & 1) + ((arg >> 1) & 1) + ((arg >> 3) & 1)), 1)
        {
            Result = OpResult.Function, Traits = Steppable,
        },
        new(Opcode.Call, StackCount.Arg(1), 1) { Traits = Steppable | LazyOperands },
        new(Opcode.CallMethod, StackCount.Arg(2), 1) { Traits = Steppable | LazyOperands },
        new(Opcode.CallKw, StackCount.Arg(2), 1) { Traits = Steppable },
        new(Opcode.CallEx, StackCount.Of(arg => 2 + (arg & 1)), 1) { Traits = Steppable },
        // arg nbases | nkw << 8: the body, the name, the bases, the keyword values and their names' tuple.
        new(Opcode.BuildClass, StackCount.Of(arg => (arg & 0xFF) + 2 + (arg >> 8) + (arg >> 8 > 0 ? 1 : 0)), 1)
        {
            Traits = Steppable,
        },

        // ---- exceptions
        new(Opcode.RaiseVarargs, StackCount.Arg(), 0) { Traits = Terminator },
        new(Opcode.PushExcInfo, 1, 2) { Traits = NoArg | Steppable },
        new(Opcode.PopExcept, 1, 0) { Traits = NoArg | Steppable },
        new(Opcode.CheckExcMatch, 2, 2) { Result = OpResult.Bool, Traits = NoArg | Steppable },
        new(Opcode.Reraise, StackCount.Arg(1), 0) { Traits = Terminator },

        // ---- generators
        new(Opcode.YieldValue, 1, 1) { Traits = NoArg },
        new(Opcode.GetYieldFromIter, 1, 1) { Traits = NoArg },
        new(Opcode.Send, 2, 2) { PushesIfJumps = 1, Traits = Jump },

        // ---- modules
        new(Opcode.ImportName, 0, 1) { Traits = Steppable },
        new(Opcode.ImportFrom, 1, 2) { Traits = Steppable },
        new(Opcode.ImportStar, 1, 0) { Traits = NoArg | Steppable },

        // ---- context managers: BeforeWith rewrites its input (the manager) into __exit__.
        new(Opcode.BeforeWith, 1, 2) { Traits = NoArg | Steppable },
        new(Opcode.WithExceptStart, 0, 1) { Traits = NoArg | Steppable },

        // ---- coroutines
        new(Opcode.GetAwaitable, 1, 1) { Traits = NoArg },
    ]);

    /// <summary>The row of <paramref name="op"/>.</summary>
    public static OpSpec Of(Opcode op) => Specs[(byte)op];

    /// <summary>Every row, in opcode order.</summary>
    public static IReadOnlyList<OpSpec> All => Specs;

    private static OpSpec[] Index(OpSpec[] rows)
    {
        // Not Enum.GetValues: in the native binary it reads the enum's metadata by reflection (0.19M
        // instructions of every start). A missing last opcode is OpTableTests' to find.
        int count = rows.Max(row => (int)row.Op) + 1;
        var specs = new OpSpec[count];
        foreach (var row in rows)
        {
            if (specs[(byte)row.Op] is not null) throw new InvalidOperationException($"two rows for {row.Op}");
            specs[(byte)row.Op] = row;
        }
        for (int op = 0; op < count; op++)
            if (specs[op] is null) throw new InvalidOperationException($"no row for {(Opcode)op} in the opcode table");
        return specs;
    }
}
