using Lbbv.Backend.Layout;
using static Iced.Intel.AssemblerRegisters;

namespace Lbbv.Backend.Stencils.Families;

/// <summary>
/// List and tuple length and indexing on slots already known to hold a list or tuple. An index
/// is compared unsigned against the count, so negative and out-of-range indexes both take
/// <c>slow</c> (which handles Python's negative indexing and raises IndexError).
/// </summary>
public sealed class SequenceStencils : StencilFamily
{
    internal SequenceStencils(RuntimeLayout l, StencilSource source) : base(l, source)
    {
        ListLength = Length("Sequence.ListLength", l.ListCount);
        TupleLength = Length("Sequence.TupleLength", l.TupleCount);
        ListGetItem = Build("Sequence.ListGetItem", StencilKind.Sequence, b =>
        {
            int list = b.ValueSlot("list"), index = b.ValueSlot("index"), dst = b.ValueSlot("dst");
            ulong slow = b.CodeTarget("slow");
            LoadCheckedIndex(b, list, index, l.ListCount, slow);
            b.Asm.mov(rax, __qword_ptr[rax + l.ListItems]);
            CopyValue(b, __[rax + rcx], __[r12 + dst]);
        });
        ListSetItem = Build("Sequence.ListSetItem", StencilKind.Sequence, b =>
        {
            int list = b.ValueSlot("list"), index = b.ValueSlot("index"), src = b.ValueSlot("src");
            ulong slow = b.CodeTarget("slow");
            LoadCheckedIndex(b, list, index, l.ListCount, slow);
            b.Asm.mov(rax, __qword_ptr[rax + l.ListItems]);
            CopyValue(b, __[r12 + src], __[rax + rcx]);
        });
        TupleGetItem = Build("Sequence.TupleGetItem", StencilKind.Sequence, b =>
        {
            int tuple = b.ValueSlot("tuple"), index = b.ValueSlot("index"), dst = b.ValueSlot("dst");
            ulong slow = b.CodeTarget("slow");
            LoadCheckedIndex(b, tuple, index, l.TupleCount, slow);
            CopyValue(b, __[rax + rcx + l.TupleItems], __[r12 + dst]);
        });
        TupleGetConstantItem = Build("Sequence.TupleGetConstantItem", StencilKind.Sequence, b =>
        {
            int tuple = b.ValueSlot("tuple"), item = b.ValueSlot("item"), dst = b.ValueSlot("dst");
            ulong slow = b.CodeTarget("slow");
            b.Asm.mov(rax, __qword_ptr[r12 + tuple + l.ValuePayload]);
            // count * ValueSize <= item * ValueSize means the item is out of range.
            b.Asm.mov(rcx, __qword_ptr[rax + l.TupleCount]);
            b.Asm.shl(rcx, 4);
            b.Asm.cmp(rcx, item);
            b.Asm.jbe(slow);
            CopyValue(b, __[rax + item + l.TupleItems], __[r12 + dst]);
        });
    }

    /// <summary>(list, dst): store len(list) as an int.</summary>
    public Stencil ListLength { get; }
    /// <summary>(tuple, dst)</summary>
    public Stencil TupleLength { get; }
    /// <summary>(list, index, dst, slow): index is an int slot.</summary>
    public Stencil ListGetItem { get; }
    /// <summary>(list, index, src, slow)</summary>
    public Stencil ListSetItem { get; }
    /// <summary>(tuple, index, dst, slow)</summary>
    public Stencil TupleGetItem { get; }
    /// <summary>(tuple, item:ValueSlot, dst, slow): a constant, non-negative index given as a slot number.</summary>
    public Stencil TupleGetConstantItem { get; }

    private Stencil Length(string name, int countOffset) => Build(name, StencilKind.Sequence, b =>
    {
        int sequence = b.ValueSlot("sequence"), dst = b.ValueSlot("dst");
        b.Asm.mov(rax, __qword_ptr[r12 + sequence + Layout.ValuePayload]);
        b.Asm.mov(rax, __qword_ptr[rax + countOffset]);
        b.Asm.mov(__qword_ptr[r12 + dst + Layout.ValuePayload], rax);
        b.Asm.mov(__qword_ptr[r12 + dst + Layout.ValueTag], Layout.TagInt);
    });

    // Leaves the object pointer in rax and index * ValueSize in rcx.
    private void LoadCheckedIndex(StencilBuilder b, int sequence, int index, int countOffset, ulong slow)
    {
        b.Asm.mov(rax, __qword_ptr[r12 + sequence + Layout.ValuePayload]);
        b.Asm.mov(rcx, __qword_ptr[r12 + index + Layout.ValuePayload]);
        b.Asm.cmp(rcx, __qword_ptr[rax + countOffset]);
        b.Asm.jae(slow);
        b.Asm.shl(rcx, 4);
    }
}
