using Lbbv.Backend.Layout;
using static Iced.Intel.AssemblerRegisters;

namespace Lbbv.Backend.Stencils.Families;

/// <summary>
/// Closure cells reached through a frame slot that holds the cell object (cell and free variables):
/// the cell differs per frame, so its address is read from the slot, not baked in. A store notes the
/// value's kind in the record of the cell's variable (docs/LBBV.md, "Typed closure cells"). A module's
/// global cell, at an address known when compiling, is stored the same way noting its own record
/// (docs/LBBV.md, "Typed module globals").
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
            StoreIfRecorded(b, mixed, fail, () => StoreThroughSlot(b, src, cell));
        });
        StoreNotedOf = Build("Cell.StoreNotedOf", StencilKind.FrameMove, b =>
        {
            int src = b.ValueSlot("src"), cell = b.ValueSlot("cell");
            ulong record = b.Int64("record");
            byte kind = b.Int8("kind"), mixed = b.Int8("mixed");
            ulong fail = b.CodeTarget("fail");
            b.Asm.mov(rax, record);
            b.Asm.cmp(__byte_ptr[rax], kind);
            StoreIfRecorded(b, mixed, fail, () => StoreThroughSlot(b, src, cell));
        });
        GlobalStoreNoted = Build("Cell.GlobalStoreNoted", StencilKind.FrameMove, b =>
        {
            int src = b.ValueSlot("src");
            ulong cell = b.Int64("cell"), record = b.Int64("record");
            byte mixed = b.Int8("mixed");
            ulong fail = b.CodeTarget("fail");
            LoadValueKind(b, src);
            b.Asm.mov(rax, record);
            b.Asm.cmp(__byte_ptr[rax], cl);
            StoreIfRecorded(b, mixed, fail, () => StoreGlobal(b, src, cell, fail));
        });
        GlobalStoreNotedOf = Build("Cell.GlobalStoreNotedOf", StencilKind.FrameMove, b =>
        {
            int src = b.ValueSlot("src");
            ulong cell = b.Int64("cell"), record = b.Int64("record");
            byte kind = b.Int8("kind"), mixed = b.Int8("mixed");
            ulong fail = b.CodeTarget("fail");
            b.Asm.mov(rax, record);
            b.Asm.cmp(__byte_ptr[rax], kind);
            StoreIfRecorded(b, mixed, fail, () => StoreGlobal(b, src, cell, fail));
        });
    }

    /// <summary>With the flags of comparing the record at rax with the value's kind: stores the value
    /// (<paramref name="store"/>) when the record already has that kind or is mixed, else leaves to
    /// fail before storing.</summary>
    private static void StoreIfRecorded(StencilBuilder b, byte mixed, ulong fail, Action store)
    {
        var recorded = b.Asm.CreateLabel();
        b.Asm.je(recorded);
        b.Asm.cmp(__byte_ptr[rax], mixed);
        b.Asm.jne(fail);
        b.Asm.Label(ref recorded);
        store();
    }

    /// <summary>Stores slot <c>src</c> into the cell object held by slot <c>cell</c>.</summary>
    private void StoreThroughSlot(StencilBuilder b, int src, int cell)
    {
        b.Asm.mov(rax, __qword_ptr[r12 + cell + Layout.ValuePayload]);
        CopyValue(b, __[r12 + src], __[rax + Layout.CellValue]);
    }

    /// <summary>Stores slot <c>src</c> into the module's global cell at <c>cell</c>, as Frame.StoreCell
    /// does: a watched cell (read as a constant by JIT code) goes to fail before storing.</summary>
    private void StoreGlobal(StencilBuilder b, int src, ulong cell, ulong fail)
    {
        b.Asm.mov(rax, cell);
        b.Asm.test(__byte_ptr[rax + Layout.HeaderGcBits], Layout.CellWatchedBit);
        b.Asm.jne(fail);
        CopyValue(b, __[r12 + src], __[rax + Layout.CellValue]);
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
    /// <summary>(src, cell:Int64, record:Int64, mixed:Int8, fail): Frame.StoreCell into the module's
    /// global cell at `cell`, noted in the global's record (Runtime.CellRecords.OfGlobal) as
    /// <see cref="StoreNoted"/> does; a watched cell also goes to fail before storing.</summary>
    public Stencil GlobalStoreNoted { get; }
    /// <summary>(src, cell:Int64, record:Int64, kind:Int8, mixed:Int8, fail): <see cref="GlobalStoreNoted"/>
    /// of a value whose kind the lowering knows.</summary>
    public Stencil GlobalStoreNotedOf { get; }
}
