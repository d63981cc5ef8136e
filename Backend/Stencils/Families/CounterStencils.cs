using Iced.Intel;
using Lbbv.Backend.Layout;

namespace Lbbv.Backend.Stencils.Families;

/// <summary>
/// Counters that machine code increments in data memory (statistics: versions executed, type tests
/// executed, indirect jumps, bytecodes run in machine code). Flags are clobbered; no register is.
/// </summary>
public sealed class CounterStencils : StencilFamily
{
    internal CounterStencils(RuntimeLayout l, StencilSource source) : base(l, source)
    {
        Increment = Build("Counter.Increment", StencilKind.Counter, b =>
            b.Asm.AddInstruction(Instruction.Create(Code.Add_rm64_imm8, b.DataCell("counter"), 1)));
        Add = Build("Counter.Add", StencilKind.Counter, b =>
        {
            var counter = b.DataCell("counter");
            int amount = b.Int32("amount");
            b.Asm.AddInstruction(Instruction.Create(Code.Add_rm64_imm32, counter, amount));
        });
        AddKeepingFlags = Build("Counter.AddKeepingFlags", StencilKind.Counter, b =>
        {
            var counter = b.DataCell("counter");
            int amount = b.Int32("amount");
            b.Asm.pushfq(); // placed between any two stencils, where flags may be live
            b.Asm.AddInstruction(Instruction.Create(Code.Add_rm64_imm32, counter, amount));
            b.Asm.popfq();
        });
    }

    /// <summary>(counter:DataCell, amount:Int32): <see cref="Add"/> with the flags kept (executed frame
    /// loads and stores, `--count-frame-traffic`, counted before any stencil).</summary>
    public Stencil AddKeepingFlags { get; }

    /// <summary>(counter:DataCell): add 1 to the counter.</summary>
    public Stencil Increment { get; }
    /// <summary>(counter:DataCell, amount:Int32): add a positive amount to the counter.</summary>
    public Stencil Add { get; }
}
