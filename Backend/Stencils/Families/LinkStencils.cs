using Iced.Intel;
using Lbbv.Backend.Layout;
using static Iced.Intel.AssemblerRegisters;

namespace Lbbv.Backend.Stencils.Families;

/// <summary>
/// The forms a link takes outside the default mode (docs/LINKING.md). <c>--link patch</c> emits a
/// jump through a slot as a patchable form, placed on an 8-byte boundary so that the direct jump
/// written over it later is one aligned 8-byte store; <c>--link reemit</c> replaces a resolved slot
/// jump by <c>Control.Jump</c> and a resolved slot call by <see cref="CallDirect"/> in a fresh copy
/// of the unit, and counts a resolved link's uses with <see cref="CountDown"/> until it is hot.
/// </summary>
public sealed class LinkStencils : StencilFamily
{
    /// <summary>Multi-byte NOPs (Intel's recommended forms), 1 to 7 bytes.</summary>
    private static readonly byte[][] NopBytes =
    [
        [0x90],
        [0x66, 0x90],
        [0x0F, 0x1F, 0x00],
        [0x0F, 0x1F, 0x40, 0x00],
        [0x0F, 0x1F, 0x44, 0x00, 0x00],
        [0x66, 0x0F, 0x1F, 0x44, 0x00, 0x00],
        [0x0F, 0x1F, 0x80, 0x00, 0x00, 0x00, 0x00],
    ];

    private readonly Stencil[] _nops;

    internal LinkStencils(RuntimeLayout l, StencilSource source) : base(l, source)
    {
        PatchableJump = Build("Link.PatchableJump", StencilKind.JumpThroughSlot, b =>
        {
            b.Asm.AddInstruction(Instruction.Create(Code.Jmp_rm64, b.DataCell("slot")));
            b.Asm.int3(); // the 8 bytes a patch rewrites are all this stencil's
            b.Asm.int3();
        });
        CountedPatchableJump = Build("Link.CountedPatchableJump", StencilKind.JumpThroughSlot, b =>
        {
            var counter = b.DataCell("counter");
            var slot = b.DataCell("slot");
            b.Asm.AddInstruction(Instruction.Create(Code.Add_rm64_imm8, counter, 1));
            b.Asm.AddInstruction(Instruction.Create(Code.Jmp_rm64, slot));
            b.Asm.int3();
            b.Asm.int3();
        });
        CallDirect = Build("Link.CallDirect", StencilKind.Invoke, b =>
        {
            ulong target = b.CodeTarget("target");
            // Invoke.Call with the callee's entry as a rel32: the same frame switch and return point.
            b.Asm.push(r12);
            b.Asm.lea(r12, __qword_ptr[rax + l.FrameHeaderSize]);
            b.Asm.call(target);
            b.Asm.pop(r12);
        });
        CountDown = Build("Link.CountDown", StencilKind.Stub, b =>
        {
            var count = b.DataCell("count");
            ulong fire = b.CodeTarget("fire");
            ulong target = b.CodeTarget("target");
            b.Asm.AddInstruction(Instruction.Create(Code.Sub_rm64_imm8, count, 1));
            b.Asm.je(fire);
            b.Asm.jmp(target);
        });
        _nops = [.. NopBytes.Select(bytes =>
            Build($"Link.Nop{bytes.Length}", StencilKind.Padding, b => b.Asm.db(bytes)))];
    }

    /// <summary>(slot:DataCell): <c>jmp qword [rip+slot]</c> and two int3, emitted 8-byte aligned;
    /// patched to <c>jmp rel32</c> and three int3.</summary>
    public Stencil PatchableJump { get; }

    /// <summary>(counter:DataCell, slot:DataCell): counts the indirect jump, then jumps through the
    /// slot; emitted 8-byte aligned. The patch writes <c>jmp rel32</c> over the count, so a patched
    /// link is no longer counted as indirect.</summary>
    public Stencil CountedPatchableJump { get; }

    /// <summary>(target): <c>Invoke.Call</c> calling the callee's entry directly (<c>call rel32</c>).</summary>
    public Stencil CallDirect { get; }

    /// <summary>(count:DataCell, fire, target): a resolved link's use counter; where the slot points
    /// until the link is hot. It goes on to target, or to fire (the slot's own stub) when the count
    /// reaches zero.</summary>
    public Stencil CountDown { get; }

    /// <summary>A NOP of <paramref name="bytes"/> bytes (1 to 7), the padding before an aligned form.</summary>
    public Stencil Nop(int bytes) => _nops[bytes - 1];

    /// <summary>Every NOP stencil.</summary>
    public IReadOnlyList<Stencil> Nops => _nops;
}
