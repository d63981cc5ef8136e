using Lbbv.Backend.Layout;
using static Iced.Intel.AssemblerRegisters;

namespace Lbbv.Backend.Stencils.Families;

/// <summary>
/// A list's element kind (a byte in the list object: every item has that tag, or that object kind;
/// 0 claims nothing): the guard that reads it, so that items loaded after it are typed with no test
/// each. The upkeep an inline item store owes it is part of the store (SequenceStencils.ListSetItemWith).
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
    }

    /// <summary>(list, kind:Int8, fail): the list in slot list claims element kind `kind`, else fail.</summary>
    public Stencil Guard { get; }
}
