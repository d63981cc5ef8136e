// Ops lowered to a helper call: the generic fallback (one interpreter step of the op) for every op
// the lowering does not specialize, and the helpers that run one op's runtime code directly.
using Lbbv.Bytecode;
using Lbbv.Types;

namespace Lbbv.Jit.Lowering.Ops;

internal sealed class GenericOps(Lowerer lowerer) : OpFamily(lowerer)
{
    /// <summary>Runs the op through the interpreter's implementation (a helper call), or leaves to
    /// the interpreter. What the op does to the frame comes from its row in the opcode table: the
    /// entries it pops are forgotten, those it pushes are unknown but for the result type the op
    /// guarantees, and the slot of a MakeCell holds a cell.</summary>
    public bool GenGeneric(Opcode op, int arg)
    {
        var spec = OpTable.Of(op);
        if (!spec.Has(OpTraits.Steppable)) return Emit.ExitHere(ExitReason.Unsupported);
        FlushOps();
        Emit.CallHelper(OpHelpers.GenericOpAddress);
        Frame.Pop(spec.Pops.For(arg));
        int pushes = spec.Pushes.For(arg);
        // What an op pushes is a value (Bound: no unbound test when it is stored and loaded again),
        // except LoadMethod's second entry, which is Empty (NULL) when the attribute is not a method.
        var pushed = op == Opcode.LoadMethod ? AbstractType.Unknown : AbstractType.Bound;
        for (int i = 0; i < pushes; i++) Frame.Push(pushed);
        if (pushes > 0) Frame.SetType(Top(), OpResults.TypeOf(spec.Result));
        if (spec.Local is LocalAccess.MakeCell or LocalAccess.Delete)
        {
            Frame.ForgetKnownObjects(); // it rewrites a local
            Frame.SetLocal(arg, spec.Local == LocalAccess.MakeCell ? AbstractType.Heap : AbstractType.Empty, Frame[arg].Live);
        }
        return Done();
    }

    /// <summary>An op the lowering does not specialize, run by its own helper (the runtime's code
    /// for it, as the interpreter's op calls it, without the interpreter's one-instruction step):
    /// pops <paramref name="inputs"/> entries and pushes <paramref name="result"/>, if any.</summary>
    public bool GenHelperOp(nint helper, int inputs, AbstractType? result, long extra = 0)
    {
        FlushOps();
        Emit.CallHelper(helper, extra);
        Frame.Pop(inputs);
        if (result is { } type) Frame.Push(type);
        return Done();
    }

    /// <summary>A tuple or list display: built by a helper (no interpreter step).</summary>
    public bool GenBuildSequence(int n, Opcode op) =>
        GenHelperOp(OpHelpers.BuildSequenceAddress, n, ResultOf(op), (long)n << 1 | (op == Opcode.BuildList ? 1L : 0L));

    /// <summary>`in` / `not in`: the runtime's membership test from a helper (no interpreter step).</summary>
    public bool GenContainsOp(int invert) =>
        GenHelperOp(OpHelpers.ContainsAddress, 2, ResultOf(Opcode.ContainsOp), invert);

    /// <summary>The type <paramref name="op"/>'s row in the opcode table says its result has.</summary>
    private static AbstractType ResultOf(Opcode op) => OpResults.TypeOf(OpTable.Of(op).Result);
}
