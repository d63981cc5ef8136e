using Lbbv.Backend.Layout;
using static Iced.Intel.AssemblerRegisters;

namespace Lbbv.Backend.Stencils.Families;

/// <summary>
/// Closure cells reached through a frame slot that holds the cell object (cell and free variables):
/// the cell differs per frame, so its address is read from the slot, not baked in.
/// </summary>
public sealed class CellStencils : StencilFamily
{
    internal CellStencils(RuntimeLayout l, StencilSource source) : base(l, source)
    {
        Load = Build("Cell.Load", StencilKind.FrameMove, b =>
        {
            int cell = b.ValueSlot("cell"), dst = b.ValueSlot("dst");
            b.Asm.mov(rax, __qword_ptr[r12 + cell + l.ValuePayload]);
            CopyValue(b, __[rax + l.CellValue], __[r12 + dst]);
        });
        Store = Build("Cell.Store", StencilKind.FrameMove, b =>
        {
            int src = b.ValueSlot("src"), cell = b.ValueSlot("cell");
            b.Asm.mov(rax, __qword_ptr[r12 + cell + l.ValuePayload]);
            CopyValue(b, __[r12 + src], __[rax + l.CellValue]);
        });
    }

    /// <summary>(cell, dst): copy the Value inside the cell object held by slot <c>cell</c>.</summary>
    public Stencil Load { get; }
    /// <summary>(src, cell): store into the cell object held by slot <c>cell</c>.</summary>
    public Stencil Store { get; }
}
