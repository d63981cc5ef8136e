// Where an inline op writes its result. A StoreFast right after the op costs nothing: the result
// is written straight into the local. A destination that already holds the result's tag (a
// local whose type the context knows) gets only the payload written.
using Lbbv.Backend.Stencils;
using Lbbv.Bytecode;
using Lbbv.Types;

namespace Lbbv.Versioning;

internal sealed unsafe partial class BlockCompiler
{
    /// <summary>The slot the op at _k, which pops <paramref name="operands"/> entries and pushes one
    /// result, writes its result to: the local of a StoreFast that directly follows it in the same
    /// block, else the result's stack slot. Call it once the op's fast path is chosen, before its
    /// stencil: stack entries below the operands that are pending copies of that local are written
    /// now, while the local still holds their value.</summary>
    private int ResultSlot(int operands)
    {
        int stackSlot = StackSlot(_depth - operands);
        int next = _k + 1;
        if (next >= _shape.Length || _shape.IsBlockStart(next)) return stackSlot;
        int instr = _cr.Instrs[next];
        if (OpcodeInfo.OpOf(instr) != Opcode.StoreFast) return stackSlot;
        int local = OpcodeInfo.ArgOf(instr);
        for (int e = 0; e < _depth - operands; e++)
            if (_alias[StackSlot(e)] == local) Materialize(StackSlot(e));
        return local;
    }

    /// <summary>True when <paramref name="dst"/> is a local that already holds the one tag every
    /// value of <paramref name="type"/> has (locals are always in the frame; stack slots may be stale).</summary>
    private bool TagInPlace(int dst, AbstractType type) =>
        dst < _slotCount && TypeOf(dst).Guarantee().ExactTag is { } tag && type.Guarantee().ExactTag == tag;

    /// <summary><paramref name="stencil"/>, or its payload-only twin when <paramref name="dst"/> already holds the tag of <paramref name="type"/>.</summary>
    private Stencil ForResult(Stencil stencil, int dst, AbstractType type) =>
        TagInPlace(dst, type) && _s.PayloadOnly(stencil) is { } bare ? bare : stencil;

    /// <summary>After the op wrote its result of <paramref name="type"/> to <paramref name="dst"/>:
    /// pops the operands and pushes the result, or, when <paramref name="dst"/> is the local of the
    /// StoreFast that follows, completes that store as well.</summary>
    private bool PushResult(int operands, int dst, AbstractType type)
    {
        Pop(operands);
        if (dst >= _slotCount)
        {
            Push(type);
            return Done();
        }
        ForgetAliasesOf(dst);
        _ctx = _ctx.With(dst, type);
        ForgetLive(dst);
        return Done(2);
    }
}
