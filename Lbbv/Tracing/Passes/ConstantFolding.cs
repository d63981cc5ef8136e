// Constant folding: arithmetic and comparisons whose operands the trace knows as constants (a
// LoadConst, a local stored from one, an inlined call's constant argument) push their result as a
// constant; a local known to hold a constant is loaded as that constant; a guard on a constant is
// dropped. Only what cannot raise or overflow folds (int64 results, no division by zero).
using Lbbv.Bytecode;
using Lbbv.Runtime;
using Lbbv.Tracing.Ir;
using Lbbv.Types;

namespace Lbbv.Tracing.Passes;

internal static class ConstantFolding
{
    public const string Name = "constant_folding";

    /// <summary>Folds what it can: (ops folded, guards removed).</summary>
    public static (int Folded, int Guards) Run(Trace trace)
    {
        int folded = 0, guards = 0;
        TraceWalk.Run(trace, (op, state) =>
        {
            if (op.IsRemoved) return;
            if (op.Kind == TraceOpKind.Guard)
            {
                if (state.SubjectOf(op).Constant is not { } c || !Of(c).IsSubtypeOf(op.GuardType)) return;
                op.RemovedBy = Name;
                guards++;
                return;
            }
            if (op.Kind != TraceOpKind.Op || op.FoldedConstant.HasValue || op.ReuseLocal >= 0) return;
            var stack = state.Top.Stack;
            Value? result = op.Op switch
            {
                Opcode.LoadFast => state.Top.Locals[op.Arg].Constant is { IsObject: false } c ? c : null,
                Opcode.BinaryOp when stack.Count >= 2 => Binary(op.Arg & 15, stack[^2].Constant, stack[^1].Constant),
                Opcode.CompareOp when stack.Count >= 2 => Compare(op.Arg, stack[^2].Constant, stack[^1].Constant),
                Opcode.UnaryNegative when stack.Count >= 1 => Negate(stack[^1].Constant),
                _ => null,
            };
            if (result is not { } value) return;
            op.FoldedConstant = value;
            folded++;
        });
        return (folded, guards);
    }

    private static AbstractType Of(Value v) => TagMapping.FromTag((byte)v.Tag, v.IsObject ? (byte)v.Kind : (byte)0);

    private static Value? Binary(int kind, Value? left, Value? right)
    {
        if (left is not { } a || right is not { } b) return null;
        if (a.IsInt && b.IsInt)
        {
            long x = a.Payload, y = b.Payload;
            try
            {
                return kind switch
                {
                    Arith.Add => Value.Int(checked(x + y)),
                    Arith.Sub => Value.Int(checked(x - y)),
                    Arith.Mult => Value.Int(checked(x * y)),
                    Arith.BitAnd => Value.Int(x & y),
                    Arith.BitOr => Value.Int(x | y),
                    Arith.BitXor => Value.Int(x ^ y),
                    _ => null,
                };
            }
            catch (OverflowException) { return null; }
        }
        if (!Number(a, out double p) || !Number(b, out double q) || (a.IsInt && b.IsInt)) return null;
        return kind switch
        {
            Arith.Add => Value.Float(p + q),
            Arith.Sub => Value.Float(p - q),
            Arith.Mult => Value.Float(p * q),
            Arith.Div when q != 0 => Value.Float(p / q),
            _ => null,
        };
    }

    private static Value? Compare(int arg, Value? left, Value? right)
    {
        if (left is not { } a || right is not { } b || !a.IsInt || !b.IsInt) return null;
        long x = a.Payload, y = b.Payload;
        bool? r = arg switch
        {
            Runtime.Compare.Eq => x == y,
            Runtime.Compare.Ne => x != y,
            Runtime.Compare.Lt => x < y,
            Runtime.Compare.Le => x <= y,
            Runtime.Compare.Gt => x > y,
            Runtime.Compare.Ge => x >= y,
            _ => null,
        };
        return r is { } t ? Value.Bool(t) : null;
    }

    private static Value? Negate(Value? operand) => operand switch
    {
        { IsInt: true } v when v.Payload != long.MinValue => Value.Int(-v.Payload),
        { IsFloat: true } v => Value.Float(-v.AsFloat),
        _ => null,
    };

    private static bool Number(Value v, out double d)
    {
        d = v.IsInt ? v.Payload : v.IsFloat ? v.AsFloat : 0;
        return v.IsInt || v.IsFloat;
    }
}
