using Iced.Intel;
using Lbbv.Backend.Layout;
using static Iced.Intel.AssemblerRegisters;

namespace Lbbv.Backend.Stencils.Families;

/// <summary>
/// Control flow: jumps, jumps through indirect slots, exits to the interpreter, the entry
/// trampoline and the lazy-compile stubs.
/// </summary>
/// <remarks>
/// Register convention (see Backend/README.md): r12 = frame slot base, r13 = VM state pointer,
/// both preserved by helpers (callee-saved). rbx, r14, r15 are saved by the trampoline and free
/// for a frontend's own use. rsp ≡ 0 (mod 16) everywhere in machine code between stencils.
/// Machine code returns to the trampoline with <c>ret</c>, rax = a packed <see cref="Emission.ExitRecord"/>.
/// </remarks>
public sealed class ControlStencils : StencilFamily
{
    internal ControlStencils(RuntimeLayout l, StencilSource source) : base(l, source)
    {
        Jump = Build("Control.Jump", StencilKind.Jump, b => b.Asm.jmp(b.CodeTarget("target")));
        JumpThroughSlot = Build("Control.JumpThroughSlot", StencilKind.JumpThroughSlot, b =>
            b.Asm.AddInstruction(Instruction.Create(Code.Jmp_rm64, b.DataCell("slot"))));
        Exit = Build("Control.Exit", StencilKind.Exit, b =>
        {
            var counter = b.DataCell("counter");
            ulong record = b.Int64("record");
            b.Asm.AddInstruction(Instruction.Create(Code.Add_rm64_imm8, counter, 1));
            b.Asm.mov(rax, record);
            b.Asm.ret();
        });
        ReturnStatus = Build("Control.ReturnStatus", StencilKind.Exit, b => b.Asm.ret());
        EntryTrampoline = Build("Control.EntryTrampoline", StencilKind.Entry, b =>
        {
            // ulong enter(code rdi, frame rsi, vm rdx, returned rcx). Eight pushes from rsp ≡ 8 leave
            // rsp ≡ 8, so machine code starts after the call at rsp ≡ 0 and its own calls are aligned.
            b.Asm.push(rbp);
            b.Asm.mov(rbp, rsp);
            b.Asm.push(rbx);
            b.Asm.push(r12);
            b.Asm.push(r13);
            b.Asm.push(r14);
            b.Asm.push(r15);
            b.Asm.push(rcx);
            b.Asm.push(rcx);
            b.Asm.mov(r12, rsi);
            b.Asm.mov(r13, rdx);
            b.Asm.call(rdi);
            // A Return exit leaves its value in registers (InvokeStencils.ReturnPayload/ReturnTag):
            // they go to the 16-byte cell `returned` for .NET (meaningless after any other exit).
            b.Asm.pop(rdi);
            b.Asm.pop(rdi);
            b.Asm.mov(__qword_ptr[rdi + l.ValuePayload], InvokeStencils.ReturnPayload);
            b.Asm.mov(__qword_ptr[rdi + l.ValueTag], InvokeStencils.ReturnTag);
            b.Asm.pop(r15);
            b.Asm.pop(r14);
            b.Asm.pop(r13);
            b.Asm.pop(r12);
            b.Asm.pop(rbx);
            b.Asm.pop(rbp);
            b.Asm.ret();
        });
        SlotStub = Build("Control.SlotStub", StencilKind.Stub, b =>
        {
            var slot = b.DataCell("slot");
            ulong lazyStub = b.CodeTarget("lazyStub");
            b.Asm.AddInstruction(Instruction.Create(Code.Lea_r64_m, Register.RAX, slot));
            b.Asm.jmp(lazyStub);
        });
        LazyCompileStub = Build("Control.LazyCompileStub", StencilKind.Stub, b =>
        {
            // rax = the slot's address. Calls compile(vm, frame, slot, &exitRecord) through a data
            // cell so the frontend can install its compiler after the stub is published. A
            // non-zero result is code to continue at; zero means exit with the record written.
            var compiler = b.DataCell("compiler");
            var exit = b.Asm.CreateLabel();
            b.Asm.sub(rsp, 16);
            b.Asm.mov(__qword_ptr[rsp], 0);
            b.Asm.mov(rdi, r13);
            b.Asm.mov(rsi, r12);
            b.Asm.mov(rdx, rax);
            b.Asm.mov(rcx, rsp);
            b.Asm.AddInstruction(Instruction.Create(Code.Call_rm64, compiler));
            b.Asm.mov(rcx, __qword_ptr[rsp]);
            b.Asm.add(rsp, 16);
            b.Asm.test(rax, rax);
            b.Asm.je(exit);
            b.Asm.jmp(rax);
            b.Asm.Label(ref exit);
            b.Asm.mov(rax, rcx);
            b.Asm.ret();
        });
    }

    /// <summary>(target): jmp rel32 to a label of the unit or to published code.</summary>
    public Stencil Jump { get; }
    /// <summary>(slot:DataCell): jmp qword [rip+slot].</summary>
    public Stencil JumpThroughSlot { get; }
    /// <summary>(counter:DataCell, record:Int64): count the exit, return the exit record to the interpreter.</summary>
    public Stencil Exit { get; }
    /// <summary>(): return rax (a helper's non-zero status, itself an exit record) to the interpreter.</summary>
    public Stencil ReturnStatus { get; }
    /// <summary>(): .NET → machine code (internal to the backend).</summary>
    public Stencil EntryTrampoline { get; }
    /// <summary>(slot:DataCell, lazyStub): where a fresh indirect slot points: names its slot, then enters the lazy stub.</summary>
    public Stencil SlotStub { get; }
    /// <summary>(compiler:DataCell): the shared stub that asks the frontend to compile a slot's target.</summary>
    public Stencil LazyCompileStub { get; }
}
