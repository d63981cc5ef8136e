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
        TupleShapeGuard = Build("TupleKind.ShapeGuard", StencilKind.Guard, b => EmitTupleShape(b, withKind: true));
        TupleCountGuard = Build("TupleKind.CountGuard", StencilKind.Guard, b => EmitTupleShape(b, withKind: false));
        TupleSettle = Build("TupleKind.Settle", StencilKind.Guard, b =>
        {
            int tuple = b.ValueSlot("tuple");
            byte kind = b.Int8("kind");
            ulong fail = b.CodeTarget("fail");
            b.Asm.mov(rax, __qword_ptr[r12 + tuple + l.ValuePayload]);
            SettleTupleKind(b, kind, fail);
        });
        ListShapeGuard = Build("ListKind.ShapeGuard", StencilKind.Guard, b =>
        {
            int list = b.ValueSlot("list");
            int count = b.Int32("count");
            byte kind = b.Int8("kind");
            ulong fail = b.CodeTarget("fail");
            b.Asm.mov(rax, __qword_ptr[r12 + list + l.ValuePayload]);
            b.Asm.cmp(__qword_ptr[rax + l.ListCount], count);
            b.Asm.jne(fail);
            b.Asm.cmp(__byte_ptr[rax + l.ListElementKind], kind);
            b.Asm.jne(fail);
        });
        ListItem = Build("ListKind.Item", StencilKind.Sequence, b =>
        {
            int list = b.ValueSlot("list"), item = b.ValueSlot("item"), dst = b.ValueSlot("dst");
            b.Asm.mov(rax, __qword_ptr[r12 + list + l.ValuePayload]);
            b.Asm.mov(rax, __qword_ptr[rax + l.ListItems]);
            CopyValue(b, __[rax + item], __[r12 + dst]);
        });
        TupleItem = Build("TupleKind.Item", StencilKind.Sequence, b =>
        {
            int tuple = b.ValueSlot("tuple"), item = b.ValueSlot("item"), dst = b.ValueSlot("dst");
            b.Asm.mov(rax, __qword_ptr[r12 + tuple + l.ValuePayload]);
            CopyValue(b, __[rax + item + l.TupleItems], __[r12 + dst]);
        });
    }

    /// <summary>(list, count:Int32, kind:Int8, fail): the list in slot list has `count` items and claims
    /// element kind `kind`, else fail (UnpackSequence of a list: `x, y, z = position`).</summary>
    public Stencil ListShapeGuard { get; }
    /// <summary>(list, item, dst): item `item` (passed as a slot index) of a list whose count is proved
    /// (no code ran since the guard), copied to slot dst.</summary>
    public Stencil ListItem { get; }
    /// <summary>(tuple, count:Int32, kind:Int8, fail, settle): the tuple in slot tuple has `count` items,
    /// else fail, and claims element kind `kind`, else settle (TupleSettle, out of line, then back or
    /// to fail) (UnpackSequence of a tuple).</summary>
    public Stencil TupleShapeGuard { get; }
    /// <summary>(tuple, count:Int32, fail): the tuple in slot tuple has `count` items, else fail
    /// (UnpackSequence of a tuple whose items have different kinds).</summary>
    public Stencil TupleCountGuard { get; }
    /// <summary>(tuple, item, dst): item `item` (passed as a slot index) of a tuple whose count is
    /// proved, copied to slot dst.</summary>
    public Stencil TupleItem { get; }

    /// <summary>(tuple, kind:Int8, fail): the out-of-line half of a tuple kind guard, run when the
    /// tuple's byte is not `kind`: a tuple's kind is computed when first asked (Tuples.UnknownKind at
    /// creation), here as the tag every item has (int, float, bool, None) or no kind, stored in the
    /// tuple; then it must be `kind`, else fail. A kind settled before fails at once.</summary>
    public Stencil TupleSettle { get; }

    // (tuple, count, [kind,] fail[, settle]): the count compare, then (withKind) the kind compare.
    private void EmitTupleShape(StencilBuilder b, bool withKind)
    {
        var l = Layout;
        int tuple = b.ValueSlot("tuple");
        int count = b.Int32("count");
        byte kind = withKind ? b.Int8("kind") : (byte)0;
        ulong fail = b.CodeTarget("fail");
        ulong settle = withKind ? b.CodeTarget("settle") : 0;
        b.Asm.mov(rax, __qword_ptr[r12 + tuple + l.ValuePayload]);
        b.Asm.cmp(__qword_ptr[rax + l.TupleCount], count);
        b.Asm.jne(fail);
        if (!withKind) return;
        b.Asm.cmp(__byte_ptr[rax + l.TupleElementKind], kind);
        b.Asm.jne(settle);
    }

    /// <summary>Tuples.UnknownKind: a tuple whose element kind nothing has asked for yet.</summary>
    private const byte UnknownTupleKind = 0xFF;

    // The tuple is in rax. Item 0's tag, if an immediate's, must be every other item's.
    private void SettleTupleKind(StencilBuilder b, byte kind, ulong fail)
    {
        var l = Layout;
        var scan = b.Asm.CreateLabel("scan");
        var found = b.Asm.CreateLabel("found");
        var none = b.Asm.CreateLabel("none");
        b.Asm.cmp(__byte_ptr[rax + l.TupleElementKind], UnknownTupleKind);
        b.Asm.jne(fail); // settled on another kind
        b.Asm.mov(rcx, __qword_ptr[rax + l.TupleCount]); // at least 1: only such tuples are unknown
        b.Asm.lea(rdx, __qword_ptr[rax + l.TupleItems + l.ValueTag]);
        b.Asm.movzx(esi, __byte_ptr[rdx]);
        b.Asm.cmp(esi, l.TagEmpty);
        b.Asm.je(none);
        b.Asm.cmp(esi, l.TagObject);
        b.Asm.jae(none);
        b.Asm.Label(ref scan);
        b.Asm.sub(rcx, 1);
        b.Asm.jz(found);
        b.Asm.add(rdx, l.ValueSize);
        b.Asm.cmp(__byte_ptr[rdx], sil);
        b.Asm.je(scan);
        b.Asm.Label(ref none);
        b.Asm.mov(__byte_ptr[rax + l.TupleElementKind], 0);
        b.Asm.jmp(fail);
        b.Asm.Label(ref found);
        b.Asm.mov(__byte_ptr[rax + l.TupleElementKind], sil);
        b.Asm.cmp(sil, kind);
        b.Asm.jne(fail);
    }

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
