// The trace's speculation, made explicit: before each op that specializes on its operands' types
// (arithmetic, comparisons, subscripts), a guard for each operand of the leaf type the recording
// observed. The passes after it remove the guards they prove redundant; the lowering emits the
// rest (and still tests anything an op specializes on that no guard before it proved).
using Lbbv.Bytecode;
using Lbbv.Runtime;
using Lbbv.Tracing.Ir;
using Lbbv.Types;

namespace Lbbv.Tracing.Passes;

internal static class GuardInsertion
{
    public static int Run(Trace trace)
    {
        var ops = new List<TraceOp>(trace.Ops.Count * 2);
        int inserted = 0;
        foreach (var op in trace.Ops)
        {
            if (op.Kind == TraceOpKind.Op)
                foreach (int fromTop in Operands(op))
                {
                    int entry = op.Stack.Length - 1 - fromTop;
                    if (entry < 0 || GuardType(op.Stack[entry], op, fromTop) is not { } type) continue;
                    ops.Add(new TraceOp
                    {
                        Kind = TraceOpKind.Guard, Code = op.Code, Offset = op.Offset, Depth = op.Depth,
                        GuardEntry = entry, GuardType = type,
                    });
                    inserted++;
                }
            ops.Add(op);
        }
        trace.Ops = ops;
        return inserted;
    }

    /// <summary>The operands (from the top) whose types the op specializes on. Never the second op
    /// of a pair the lowering fuses (a branch after a compare, a store after a result).</summary>
    private static int[] Operands(TraceOp op) => op.Op switch
    {
        Opcode.BinaryOp or Opcode.CompareOp => [1, 0],
        Opcode.UnaryNegative => [0],
        Opcode.BinarySubscr => [1, 0],
        Opcode.StoreSubscr => [1, 0],
        _ => [],
    };

    /// <summary>The guard for an observed operand: numbers for arithmetic and comparisons, a list or
    /// tuple container and an int index for subscripts; null when the op would not specialize.</summary>
    private static AbstractType? GuardType(Value value, TraceOp op, int fromTop)
    {
        var type = TagMapping.FromTag((byte)value.Tag, value.IsObject ? (byte)value.Kind : (byte)0);
        return op.Op switch
        {
            Opcode.BinaryOp or Opcode.CompareOp or Opcode.UnaryNegative =>
                type is AbstractType.Int or AbstractType.Float ? type : null,
            Opcode.BinarySubscr when fromTop == 1 =>
                type is AbstractType.List or AbstractType.Tuple && op.Stack[^1].IsInt ? type : null,
            Opcode.StoreSubscr when fromTop == 1 => type == AbstractType.List && op.Stack[^1].IsInt ? type : null,
            Opcode.BinarySubscr => type == AbstractType.Int
                && op.Stack[^2].IsObject && op.Stack[^2].Kind is ObjectKind.List or ObjectKind.Tuple ? type : null,
            Opcode.StoreSubscr => type == AbstractType.Int && op.Stack[^2].Is(ObjectKind.List) ? type : null,
            _ => null,
        };
    }
}
