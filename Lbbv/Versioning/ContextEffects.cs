using Lbbv.Bytecode;
using Lbbv.Types;

namespace Lbbv.Versioning;

/// <summary>The abstract interpretation of an op the JIT runs unspecialized (through the
/// interpreter's implementation): which stack entries it may overwrite and what it pushes.</summary>
public static class ContextEffects
{
    /// <summary>Stack entries (from the top) the op consumes or may rewrite.</summary>
    public static int Inputs(Opcode op, int arg) => op switch
    {
        Opcode.PopTop => 1,
        Opcode.Swap => arg,
        Opcode.LoadAttr or Opcode.DeleteAttr or Opcode.LoadMethod => 1,
        Opcode.StoreAttr => 2,
        Opcode.BinaryOp or Opcode.CompareOp or Opcode.IsOp or Opcode.ContainsOp or Opcode.BinarySubscr => 2,
        Opcode.UnaryNegative or Opcode.UnaryPositive or Opcode.UnaryInvert or Opcode.UnaryNot => 1,
        Opcode.StoreSubscr => 3,
        Opcode.DeleteSubscr => 2,
        Opcode.BuildSlice or Opcode.BuildTuple or Opcode.BuildList or Opcode.BuildSet or Opcode.BuildString => arg,
        Opcode.BuildMap => 2 * arg,
        Opcode.ListAppend or Opcode.SetAdd or Opcode.ListExtend or Opcode.SetUpdate or Opcode.DictUpdate or Opcode.DictMerge => 1,
        Opcode.MapAdd => 2,
        Opcode.ListToTuple or Opcode.UnpackSequence or Opcode.UnpackEx => 1,
        Opcode.FormatValue => (arg & 4) != 0 ? 2 : 1,
        Opcode.GetIter or Opcode.ForIter or Opcode.GetYieldFromIter => 1,
        Opcode.MakeFunction => 1 + ((arg & 1) != 0 ? 1 : 0) + ((arg & 2) != 0 ? 1 : 0) + ((arg & 8) != 0 ? 1 : 0),
        Opcode.Call => arg + 1,
        Opcode.CallMethod or Opcode.CallKw => arg + 2,
        Opcode.CallEx => 2 + (arg & 1),
        Opcode.BuildClass => (arg & 0xFF) + 2 + (arg >> 8) + (arg >> 8 > 0 ? 1 : 0),
        Opcode.PushExcInfo or Opcode.PopExcept => 1,
        Opcode.CheckExcMatch => 2,
        Opcode.ImportFrom or Opcode.ImportStar or Opcode.BeforeWith => 1,
        _ => 0,
    };

    /// <summary>The type of what an unspecialized op leaves on top, when the op alone decides it.</summary>
    public static AbstractType Result(Opcode op) => op switch
    {
        Opcode.IsOp or Opcode.ContainsOp or Opcode.UnaryNot or Opcode.CheckExcMatch => AbstractType.Bool,
        Opcode.BuildList => AbstractType.List,
        Opcode.BuildTuple or Opcode.ListToTuple => AbstractType.Tuple,
        Opcode.BuildString or Opcode.FormatValue => AbstractType.Str,
        Opcode.BuildMap => AbstractType.Dict,
        Opcode.MakeFunction => AbstractType.Function,
        Opcode.GetIter => AbstractType.Heap, // an iterator or generator object, never an unboxed value
        _ => AbstractType.Unknown,
    };

    /// <summary>The context after an unspecialized op at stack depth <paramref name="depth"/>.</summary>
    public static TypeContext Apply(TypeContext context, SlotLayout layout, int depth, Opcode op, int arg)
    {
        int after = depth + StackEffects.Of(op, arg, jump: false);
        int from = Math.Max(0, depth - Inputs(op, arg));
        int hi = Math.Max(depth, after);
        for (int e = from; e < hi; e++) context = context.With(layout.Stack(e), AbstractType.Unknown);
        if (after > from && after > 0)
        {
            var result = Result(op);
            if (result != AbstractType.Unknown && (op != Opcode.UnaryNot || after == depth)) context = context.With(layout.Stack(after - 1), result);
        }
        if (op == Opcode.LoadMethod) { /* [method, self or NULL]: both unknown */ }
        if (op is Opcode.DeleteFast) context = context.With(layout.Local(arg), AbstractType.Empty);
        if (op is Opcode.MakeCell) context = context.With(arg, AbstractType.Heap);
        return context;
    }
}
