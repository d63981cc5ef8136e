// Redundant load elimination: `t = o.a` makes o.a available in t until something could change it
// (a store to o or t, an attribute store, a call, any op that may run Python code); a later
// `o.a` then loads t instead, with no class check and no slot read. Locals need no such pass: a
// LoadFast emits no code (the lowering's lazy operand stack reads the local where it is).
using Lbbv.Bytecode;
using Lbbv.Runtime;
using Lbbv.Tracing.Ir;
using Lbbv.Tracing.Recording;

namespace Lbbv.Tracing.Passes;

internal static class RedundantLoadElimination
{
    public const string Name = "redundant_load_elimination";

    /// <summary>The attribute loads replaced by a local.</summary>
    public static int Run(Trace trace)
    {
        var ops = trace.Ops;
        // (depth, receiver local, attribute name) -> the local that holds the value.
        var available = new Dictionary<(int Depth, int Object, int Name), int>();
        int replaced = 0;
        for (int i = 0; i < ops.Count; i++)
        {
            var op = ops[i];
            if (op.IsRemoved || op.Kind == TraceOpKind.Guard) continue;
            if (op.Kind == TraceOpKind.LoopStart || op.Call != CallKind.None) { available.Clear(); continue; }
            if (IsSlotLoad(ops, i, out int receiver))
            {
                var key = (op.Depth, receiver, op.Arg);
                if (available.TryGetValue(key, out int holder))
                {
                    op.ReuseLocal = holder;
                    replaced++;
                    continue;
                }
                // `LoadFast o; LoadAttr a; StoreFast t`: o.a is in t from here on.
                if (i + 1 < ops.Count && ops[i + 1] is { Kind: TraceOpKind.Op, Op: Opcode.StoreFast } store
                    && store.Depth == op.Depth && store.Arg != receiver)
                {
                    Kill(available, op.Depth, store.Arg);
                    available[key] = store.Arg;
                    i++;
                }
                continue;
            }
            switch (op.Op)
            {
                case Opcode.StoreFast:
                    Kill(available, op.Depth, op.Arg);
                    break;
                case Opcode.LoadFast or Opcode.LoadConst or Opcode.LoadGlobal or Opcode.PopTop or Opcode.Copy
                    or Opcode.Swap or Opcode.Nop or Opcode.Jump or Opcode.PopJumpIfFalse or Opcode.PopJumpIfTrue
                    or Opcode.PopJumpIfNone or Opcode.PopJumpIfNotNone:
                    break;
                case Opcode.BinaryOp or Opcode.CompareOp or Opcode.UnaryNegative when Numbers(op):
                    break;
                case Opcode.ForIter when op.Stack[^1].IsObject
                    && op.Stack[^1].Kind is ObjectKind.RangeIterator or ObjectKind.ListIterator:
                    break;
                default:
                    available.Clear();
                    break;
            }
        }
        return replaced;
    }

    private static void Kill(Dictionary<(int Depth, int Object, int Name), int> available, int depth, int local)
    {
        foreach (var key in available.Keys.ToList())
            if (key.Depth == depth && (key.Object == local || available[key] == local)) available.Remove(key);
    }

    /// <summary>`LoadFast o; LoadAttr a` where the recording saw o an instance whose class has no
    /// `a` of its own (no property), no __getattribute__, and a in its slots: a plain slot read.</summary>
    private static bool IsSlotLoad(List<TraceOp> ops, int i, out int receiver)
    {
        receiver = -1;
        var op = ops[i];
        if (op.Op != Opcode.LoadAttr || i == 0 || ops[i - 1] is not { Kind: TraceOpKind.Op, Op: Opcode.LoadFast } load
            || load.Depth != op.Depth || op.Stack.Length == 0)
            return false;
        var o = op.Stack[^1];
        if (!o.IsObject || o.Kind != ObjectKind.Instance) return false;
        var cls = ClassObject.FromPtr(Obj.ClassPtr(o));
        string name = op.Code.Code.Names[op.Arg];
        if (!cls.Lookup("__getattribute__").IsEmpty || !cls.Lookup(name).IsEmpty || !cls.Slots.ContainsKey(name)) return false;
        receiver = load.Arg;
        return true;
    }

    private static bool Numbers(TraceOp op)
    {
        int n = op.Op == Opcode.UnaryNegative ? 1 : 2;
        return op.Stack.Length >= n && op.Stack[^n..].All(v => v.IsInt || v.IsFloat);
    }
}
