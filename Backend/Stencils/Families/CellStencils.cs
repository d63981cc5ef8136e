using Lbbv.Backend.Layout;
using static Iced.Intel.AssemblerRegisters;

namespace Lbbv.Backend.Stencils.Families;

/// <summary>
/// Closure cells reached through a frame slot that holds the cell object (cell and free variables):
/// the cell differs per frame, so its address is read from the slot, not baked in. A store notes the
/// value's kind in the record of the cell's variable (docs/LBBV.md, "Typed closure cells").
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
        StoreNoted = Build("Cell.StoreNoted", StencilKind.FrameMove, b =>
        {
            int src = b.ValueSlot("src"), cell = b.ValueSlot("cell");
            ulong record = b.Int64("record");
            byte mixed = b.Int8("mixed");
            ulong fail = b.CodeTarget("fail");
            LoadValueKind(b, src);
            b.Asm.mov(rax, record);
            b.Asm.cmp(__byte_ptr[rax], cl);
            StoreIfRecorded(b, src, cell, mixed, fail);
        });
        StoreNotedOf = Build("Cell.StoreNotedOf", StencilKind.FrameMove, b =>
        {
            int src = b.ValueSlot("src"), cell = b.ValueSlot("cell");
            ulong record = b.Int64("record");
            byte kind = b.Int8("kind"), mixed = b.Int8("mixed");
            ulong fail = b.CodeTarget("fail");
            b.Asm.mov(rax, record);
            b.Asm.cmp(__byte_ptr[rax], kind);
            StoreIfRecorded(b, src, cell, mixed, fail);
        });
    }

    /// <summary>With the flags of comparing the record at rax with the value's kind: stores the value
    /// when the record already has that kind or is mixed, else leaves to fail before storing.</summary>
    private void StoreIfRecorded(StencilBuilder b, int src, int cell, byte mixed, ulong fail)
    {
        var l = Layout;
        var store = b.Asm.CreateLabel();
        b.Asm.je(store);
        b.Asm.cmp(__byte_ptr[rax], mixed);
        b.Asm.jne(fail);
        b.Asm.Label(ref store);
        b.Asm.mov(rax, __qword_ptr[r12 + cell + l.ValuePayload]);
        CopyValue(b, __[r12 + src], __[rax + l.CellValue]);
    }

    /// <summary>(cell, dst): copy the Value inside the cell object held by slot <c>cell</c>.</summary>
    public Stencil Load { get; }
    /// <summary>(src, cell): store into the cell object held by slot <c>cell</c>.</summary>
    public Stencil Store { get; }
    /// <summary>(src, cell, record:Int64, mixed:Int8, fail): <see cref="Store"/> of a value whose kind
    /// the cell variable's record (a byte at `record`: Runtime.CellRecords) already has or that is
    /// `mixed`; else go to fail before storing (the store must widen the record).</summary>
    public Stencil StoreNoted { get; }
    /// <summary>(src, cell, record:Int64, kind:Int8, mixed:Int8, fail): <see cref="StoreNoted"/> of a
    /// value whose kind the lowering knows.</summary>
    public Stencil StoreNotedOf { get; }
}
