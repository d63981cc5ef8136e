using Lbbv.Backend.Layout;
using static Iced.Intel.AssemblerRegisters;

namespace Lbbv.Backend.Stencils.Families;

/// <summary>
/// A list's or tuple's element kind (a byte in the object: every item has that tag, or that object
/// kind; 0 claims nothing): the guards that read it, so that items loaded after it are typed with no test
/// each. The upkeep an inline item store owes it is part of the store (SequenceStencils.ListSetItemWith).
/// </summary>
public sealed class ListKindStencils : StencilFamily
{
    internal ListKindStencils(RuntimeLayout l, StencilSource source) : base(l, source)
    {
        Guard = KindGuard("ListKind.Guard", "list", l.ListElementKind);
        TupleGuard = KindGuard("TupleKind.Guard", "tuple", l.TupleElementKind);
        TupleShapeGuard = Build("TupleKind.ShapeGuard", StencilKind.Guard, b =>
        {
            int tuple = b.ValueSlot("tuple");
            int count = b.Int32("count");
            byte kind = b.Int8("kind");
            ulong fail = b.CodeTarget("fail");
            b.Asm.mov(rax, __qword_ptr[r12 + tuple + l.ValuePayload]);
            b.Asm.cmp(__qword_ptr[rax + l.TupleCount], count);
            b.Asm.jne(fail);
            b.Asm.cmp(__byte_ptr[rax + l.TupleElementKind], kind);
            b.Asm.jne(fail);
        });
        TupleItem = Build("TupleKind.Item", StencilKind.Sequence, b =>
        {
            int tuple = b.ValueSlot("tuple"), item = b.ValueSlot("item"), dst = b.ValueSlot("dst");
            b.Asm.mov(rax, __qword_ptr[r12 + tuple + l.ValuePayload]);
            CopyValue(b, __[rax + item + l.TupleItems], __[r12 + dst]);
        });
    }

    /// <summary>(tuple, count:Int32, kind:Int8, fail): the tuple in slot tuple has `count` items and
    /// claims element kind `kind`, else fail (UnpackSequence of a tuple).</summary>
    public Stencil TupleShapeGuard { get; }
    /// <summary>(tuple, item, dst): item `item` (passed as a slot index) of a tuple whose count is
    /// proved, copied to slot dst.</summary>
    public Stencil TupleItem { get; }

    private Stencil KindGuard(string name, string objectName, int kindOffset) => Build(name, StencilKind.Guard, b =>
    {
        int obj = b.ValueSlot(objectName);
        byte kind = b.Int8("kind");
        ulong fail = b.CodeTarget("fail");
        b.Asm.mov(rax, __qword_ptr[r12 + obj + Layout.ValuePayload]);
        b.Asm.cmp(__byte_ptr[rax + kindOffset], kind);
        b.Asm.jne(fail);
    });

    /// <summary>(tuple, kind:Int8, fail): the tuple in slot tuple claims element kind `kind`, else fail.</summary>
    public Stencil TupleGuard { get; }

    /// <summary>(list, kind:Int8, fail): the list in slot list claims element kind `kind`, else fail.</summary>
    public Stencil Guard { get; }
}
