// An int `+`, `-` or `*` of two locals repeated right after the same op on the same locals, with
// only loads between (spectral_norm's `(i + j) * (i + j + 1)`): the second takes the first's result,
// still on the stack, instead of computing it again (branch `spectral`). Loads between them change
// no local and pop nothing, and no block starts between, so the first result is still there and
// still equals the second.
using Lbbv.Backend.Emission;
using Lbbv.Bytecode;
using Lbbv.Jit.Frames;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Jit.Lowering.Ops;

internal sealed partial class ArithmeticOps
{
    // The last int op of two locals lowered with its result left on the stack (null code: none).
    private JitCode? _repeatCode;
    private RegionTally? _repeatRegion; // the region lowered then (a version, a trace)
    private SlotState _repeatState; // what the frame knew of the result then (but its value)
    private int _repeatOffset, _repeatKind, _repeatA, _repeatB, _repeatEntry;

    /// <summary>The op at the current offset, an int op of <paramref name="kind"/> on the top two
    /// entries, is the last one repeated: its result is copied (no code when nothing can go wrong).</summary>
    private bool TryRepeatedIntOp(int kind)
    {
        if (!RepeatsLast(kind, out int entry)) return false;
        int source = StackSlot(entry), result = Top(1);
        if (Frame.InGpr(source) && AbstractFrame.IntRegisterOf(source) != AbstractFrame.IntRegisterOf(result))
        {
            int register = AbstractFrame.IntRegisterOf(result);
            Frame.FreeIntRegister(register, keepStack: -1, keepLocal: -1);
            Frame.Pop(2);
            Unit.Emit(S.Gpr.Move(register, AbstractFrame.IntRegisterOf(source)));
            Frame.PushInRegister(isInt: true);
        }
        else if (!Frame[source].InRegister && !Frame.IsPending(source))
        {
            Frame.Pop(2);
            Unit.Emit(S.Frame.Move, Operand.Slot(source), Operand.Slot(result));
            Frame.Push(AbstractType.Int);
        }
        else return false;
        Stats.RepeatedIntOpsReusedEmitted++;
        return Done();
    }

    private bool RepeatsLast(int kind, out int entry)
    {
        entry = _repeatEntry;
        if (_repeatCode != L.Code || _repeatRegion != L.Tally || K <= _repeatOffset || kind != _repeatKind
            || Depth < entry + 3 || Frame[StackSlot(entry)] with { Live = null } != _repeatState) return false;
        if (!LocalsOf(out int a, out int b) || a != _repeatA || b != _repeatB) return false;
        for (int k = _repeatOffset + 1; k <= K; k++)
        {
            if (Shape.IsBlockStart(k)) return false;
            if (k < K && OpcodeInfo.OpOf(L.Code.InstrAt(k)) is not (Opcode.LoadFast or Opcode.LoadConst or Opcode.Nop))
                return false;
        }
        return TypeOf(StackSlot(entry)) == AbstractType.Int;
    }

    /// <summary>The locals the top two entries are pending copies of, when both are.</summary>
    private bool LocalsOf(out int a, out int b)
    {
        a = Frame[Top(1)].PendingCopy ? Frame[Top(1)].Alias : -1;
        b = Frame[Top()].PendingCopy ? Frame[Top()].Alias : -1;
        return a >= 0 && b >= 0 && Frame[Top(1)].PendingConstant is null && Frame[Top()].PendingConstant is null;
    }

    /// <summary>Lowers the int op of <paramref name="kind"/> (GenIntOp), noting it when its result is
    /// left on the stack for <see cref="TryRepeatedIntOp"/>.</summary>
    private bool GenIntOpNoted(int kind)
    {
        if (kind is not (Arith.Add or Arith.Sub or Arith.Mult)) return GenIntOp(kind);
        if (TryRepeatedIntOp(kind)) return true;
        bool locals = LocalsOf(out int a, out int b);
        int offset = K, depth = Depth;
        var code = L.Code;
        bool done = GenIntOp(kind);
        _repeatCode = null;
        if (done && locals && L.Code == code && K == offset + 1 && Depth == depth - 1)
        {
            (_repeatCode, _repeatOffset, _repeatKind, _repeatA, _repeatB, _repeatEntry) =
                (code, offset, kind, a, b, depth - 2);
            (_repeatRegion, _repeatState) = (L.Tally, Frame[Top()] with { Live = null }); // a trace notes values seen
        }
        return done;
    }
}
