using Lbbv.Backend.Layout;
using static Iced.Intel.AssemblerRegisters;

namespace Lbbv.Backend.Stencils.Families;

/// <summary>
/// A list's element kind (a byte in the list object: every item has that tag, or that object kind;
/// 0 claims nothing): the guard that reads it, so that items loaded after it are typed with no test
/// each, and the upkeep an inline item store owes it (docs/LBBV.md, "List element kinds").
/// </summary>
public sealed class ListKindStencils : StencilFamily
{
    internal ListKindStencils(RuntimeLayout l, StencilSource source) : base(l, source)
    {
        Guard = Build("ListKind.Guard", StencilKind.Guard, b =>
        {
            int list = b.ValueSlot("list");
            byte kind = b.Int8("kind");
            ulong fail = b.CodeTarget("fail");
            b.Asm.mov(rax, __qword_ptr[r12 + list + l.ValuePayload]);
            b.Asm.cmp(__byte_ptr[rax + l.ListElementKind], kind);
            b.Asm.jne(fail);
        });
        NoteStoreOf = Build("ListKind.NoteStoreOf", StencilKind.Sequence, b =>
        {
            int list = b.ValueSlot("list");
            byte kind = b.Int8("kind");
            b.Asm.mov(rax, __qword_ptr[r12 + list + l.ValuePayload]);
            b.Asm.xor(ecx, ecx);
            b.Asm.mov(cl, kind);
            KeepKindIfSame(b);
        });
        NoteStore = Build("ListKind.NoteStore", StencilKind.Sequence, b =>
        {
            int list = b.ValueSlot("list");
            int src = b.ValueSlot("src");
            LoadValueKind(b, src);
            b.Asm.mov(rax, __qword_ptr[r12 + list + l.ValuePayload]);
            KeepKindIfSame(b);
        });
    }

    /// <summary>The list at rax keeps its element kind if it is ecx's, else claims none (no branch).</summary>
    private void KeepKindIfSame(StencilBuilder b)
    {
        var l = Layout;
        b.Asm.movzx(edx, __byte_ptr[rax + l.ListElementKind]);
        b.Asm.cmp(edx, ecx);
        b.Asm.mov(ecx, 0); // leaves the flags
        b.Asm.cmove(ecx, edx);
        b.Asm.mov(__byte_ptr[rax + l.ListElementKind], cl);
    }

    /// <summary>(list, kind:Int8, fail): the list in slot list claims element kind `kind`, else fail.</summary>
    public Stencil Guard { get; }
    /// <summary>(list, kind:Int8): an item of element kind `kind` is about to be stored into the
    /// list: a list claiming another kind then claims nothing.</summary>
    public Stencil NoteStoreOf { get; }
    /// <summary>(list, src): as <see cref="NoteStoreOf"/>, for the value in slot src, whatever it is.</summary>
    public Stencil NoteStore { get; }
}
