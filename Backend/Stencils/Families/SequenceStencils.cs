using Lbbv.Backend.Layout;
using static Iced.Intel.AssemblerRegisters;

namespace Lbbv.Backend.Stencils.Families;

/// <summary>What an inline list store does to the list's element kind (docs/LBBV.md, "List element
/// kinds"): nothing (the list is known to claim the item's kind), compare it with an immediate kind
/// (the item's type is known), or compare it with the kind read from the item.</summary>
public enum ItemKindNote { None, OfKind, FromValue }

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
        ListGetItem = BuildGetItem(null);
        ListSetItem = Build("Sequence.ListSetItem", StencilKind.Sequence, b =>
        {
            int list = b.ValueSlot("list"), index = b.ValueSlot("index"), src = b.ValueSlot("src");
            ulong slow = b.CodeTarget("slow");
            LoadCheckedIndex(b, list, index, l.ListCount, slow);
            b.Asm.mov(rax, __qword_ptr[rax + l.ListItems]);
            CopyValue(b, __[r12 + src], __[rax + rcx]);
        });
        for (int r = 0; r <= GprStencils.Registers; r++)
        {
            int? index = r == GprStencils.Registers ? null : r;
            if (index is not null) _getItemIndexIn[r] = BuildGetItem(index);
            _getItemUnder[r] = BuildGetItemUnder(index);
            foreach (var note in Notes)
                for (int v = 0; v <= GprStencils.Registers; v++)
                {
                    int? value = v == GprStencils.Registers ? null : v;
                    bool plain = index is null && value is null && note == ItemKindNote.None; // ListSetItem
                    if (plain || (value is not null && note == ItemKindNote.FromValue) || value == index && value is not null)
                        continue;
                    _setItem[(int)note, r, v] = BuildSetItem(note, index, value);
                }
        }
        for (int r = 0; r <= GprStencils.Registers; r++)
            for (int x = 0; x < XmmStencils.Registers; x++)
            {
                _getFloat[r, x, 0] = BuildGetFloat(r == GprStencils.Registers ? null : r, x, tested: true);
                _getFloat[r, x, 1] = BuildGetFloat(r == GprStencils.Registers ? null : r, x, tested: false);
            }
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
    /// <summary>(list, index, dst, slow): index is an int slot; its `.PayloadOnly` twin for a dst that
    /// already holds the item's tag.</summary>
    public Stencil ListGetItem { get; }
    /// <summary>(list, index, src, slow)</summary>
    public Stencil ListSetItem { get; }
    /// <summary>(list, dst, slow), its `.PayloadOnly` twin for a dst that already holds the item's tag:
    /// as <see cref="ListGetItem"/>, the index an int in cache register <paramref name="register"/>.</summary>
    public Stencil ListGetItemIndexIn(int register) => _getItemIndexIn[register];

    /// <summary>(list, index unless <paramref name="indexRegister"/>, under, dst, slow): as
    /// <see cref="ListGetItem"/>, but the item goes to slot under and what under held to dst (the
    /// load and the swap of `x, y = y, lst[i]` at once).</summary>
    public Stencil ListGetItemUnder(int? indexRegister) => _getItemUnder[indexRegister ?? GprStencils.Registers];

    /// <summary>An item stored into a list: operands (list), (index) unless <paramref name="indexRegister"/>,
    /// (src) unless <paramref name="valueRegister"/> (an int in that cache register), (kind:Int8) for
    /// <see cref="ItemKindNote.OfKind"/>, then (slow). The element kind is kept after the index check
    /// (the slow path's store keeps it itself): a list claiming another kind than the item's claims none.</summary>
    public Stencil ListSetItemWith(ItemKindNote note, int? indexRegister, int? valueRegister) =>
        note == ItemKindNote.None && indexRegister is null && valueRegister is null ? ListSetItem
        : _setItem[(int)note, indexRegister ?? GprStencils.Registers, valueRegister ?? GprStencils.Registers]
            ?? throw new ArgumentException($"no list store variant {note}, index {indexRegister}, value {valueRegister}");

    /// <summary>(list, index unless <paramref name="indexRegister"/>, fail): a list's item, a float,
    /// loaded straight into xmm(8 + <paramref name="xmm"/>), never written to the frame. A negative
    /// or out-of-range index goes to fail (a guard's failure: no helper runs, so no cache register
    /// needs spilling first), and so does an item of another type unless <paramref name="kindProved"/>
    /// (the list's element kind proved every item a float).</summary>
    public Stencil ListGetFloat(int? indexRegister, int xmm, bool kindProved) =>
        _getFloat[indexRegister ?? GprStencils.Registers, xmm, kindProved ? 1 : 0];

    /// <summary>(tuple, index, dst, slow)</summary>
    public Stencil TupleGetItem { get; }
    /// <summary>(tuple, item:ValueSlot, dst, slow): a constant, non-negative index given as a slot number.</summary>
    public Stencil TupleGetConstantItem { get; }

    private readonly Stencil[] _getItemIndexIn = new Stencil[GprStencils.Registers];
    private readonly Stencil[,,] _getFloat = new Stencil[GprStencils.Registers + 1, XmmStencils.Registers, 2];
    private readonly Stencil[] _getItemUnder = new Stencil[GprStencils.Registers + 1];
    private readonly Stencil?[,,] _setItem = new Stencil?[3, GprStencils.Registers + 1, GprStencils.Registers + 1];

    // Spelled out: enum formatting is slow in a Native AOT start-up, which builds every name.
    private static readonly ItemKindNote[] Notes = [ItemKindNote.None, ItemKindNote.OfKind, ItemKindNote.FromValue];
    private static readonly string[] NoteNames = ["None", "OfKind", "FromValue"];

    private static string Where(int? register) => register is { } r ? GprStencils.Name(r) : "m";

    private Stencil BuildGetItem(int? register) =>
        BuildWithTag(register is { } r ? $"Sequence.ListGetItem.Index.{GprStencils.Name(r)}" : "Sequence.ListGetItem",
            StencilKind.Sequence, (b, tag) =>
        {
            int list = b.ValueSlot("list");
            int? index = register is null ? b.ValueSlot("index") : null;
            int dst = b.ValueSlot("dst");
            ulong slow = b.CodeTarget("slow");
            LoadCheckedIndex(b, list, index, register ?? 0, Layout.ListCount, slow);
            b.Asm.mov(rax, __qword_ptr[rax + Layout.ListItems]);
            b.Asm.mov(r10, __qword_ptr[rax + rcx + Layout.ValuePayload]);
            if (tag) b.Asm.mov(r11, __qword_ptr[rax + rcx + Layout.ValueTag]);
            b.Asm.mov(__qword_ptr[r12 + dst + Layout.ValuePayload], r10);
            if (tag) b.Asm.mov(__qword_ptr[r12 + dst + Layout.ValueTag], r11);
        });

    private Stencil BuildGetFloat(int? register, int xmm, bool tested) =>
        Build($"Sequence.ListGetFloat.{Where(register)}.{XmmStencils.Name(xmm)}{(tested ? "" : ".KindProved")}",
            StencilKind.Sequence, b =>
        {
            int list = b.ValueSlot("list");
            int? index = register is null ? b.ValueSlot("index") : null;
            ulong fail = b.CodeTarget("fail");
            LoadCheckedIndex(b, list, index, register ?? 0, Layout.ListCount, fail);
            b.Asm.mov(rax, __qword_ptr[rax + Layout.ListItems]);
            if (tested)
            {
                b.Asm.cmp(__byte_ptr[rax + rcx + Layout.ValueTag], Layout.TagFloat);
                b.Asm.jne(fail);
            }
            b.Asm.movsd(XmmStencils.Register(xmm), __qword_ptr[rax + rcx + Layout.ValuePayload]);
        });

    // The item goes under the entry below the list (which moves up to dst): `a, b = x, lst[i]`'s swap.
    private Stencil BuildGetItemUnder(int? register) =>
        Build($"Sequence.ListGetItemUnder.{Where(register)}", StencilKind.Sequence, b =>
        {
            int list = b.ValueSlot("list");
            int? index = register is null ? b.ValueSlot("index") : null;
            int under = b.ValueSlot("under"), dst = b.ValueSlot("dst");
            ulong slow = b.CodeTarget("slow");
            LoadCheckedIndex(b, list, index, register ?? 0, Layout.ListCount, slow);
            b.Asm.mov(rax, __qword_ptr[rax + Layout.ListItems]);
            CopyValue(b, __[r12 + under], __[r12 + dst]);
            CopyValue(b, __[rax + rcx], __[r12 + under]);
        });

    private Stencil BuildSetItem(ItemKindNote note, int? indexRegister, int? valueRegister) =>
        Build($"Sequence.ListSetItem.{NoteNames[(int)note]}.{Where(indexRegister)}.{Where(valueRegister)}", StencilKind.Sequence, b =>
        {
            var l = Layout;
            int list = b.ValueSlot("list");
            int index = indexRegister is null ? b.ValueSlot("index") : 0;
            int src = valueRegister is null ? b.ValueSlot("src") : 0;
            byte kind = note == ItemKindNote.OfKind ? b.Int8("kind") : (byte)0;
            ulong slow = b.CodeTarget("slow");
            LoadCheckedIndex(b, list, indexRegister is null ? index : null, indexRegister ?? 0, l.ListCount, slow);
            if (valueRegister is null)
            {
                b.Asm.mov(r10, __qword_ptr[r12 + src + l.ValuePayload]);
                b.Asm.mov(r11, __qword_ptr[r12 + src + l.ValueTag]);
            }
            if (note != ItemKindNote.None)
            {
                var same = b.Asm.CreateLabel();
                if (note == ItemKindNote.OfKind) b.Asm.cmp(__byte_ptr[rax + l.ListElementKind], kind);
                else
                {
                    // The item's element kind: its tag, or ObjectKindBase plus its object kind.
                    var immediate = b.Asm.CreateLabel();
                    b.Asm.movzx(edx, r11b);
                    b.Asm.cmp(edx, l.TagObject);
                    b.Asm.jne(immediate);
                    b.Asm.movzx(edx, __byte_ptr[r10 + l.HeaderKind]);
                    b.Asm.add(edx, l.ListObjectKindBase);
                    b.Asm.Label(ref immediate);
                    b.Asm.cmp(__byte_ptr[rax + l.ListElementKind], dl);
                }
                b.Asm.je(same);
                b.Asm.mov(__byte_ptr[rax + l.ListElementKind], 0);
                b.Asm.Label(ref same);
            }
            b.Asm.mov(rax, __qword_ptr[rax + l.ListItems]);
            if (valueRegister is { } v)
            {
                b.Asm.mov(__qword_ptr[rax + rcx + l.ValuePayload], GprStencils.CacheRegister(v));
                b.Asm.mov(__qword_ptr[rax + rcx + l.ValueTag], l.TagInt);
            }
            else
            {
                b.Asm.mov(__qword_ptr[rax + rcx + l.ValuePayload], r10);
                b.Asm.mov(__qword_ptr[rax + rcx + l.ValueTag], r11);
            }
        });

    private Stencil Length(string name, int countOffset) => Build(name, StencilKind.Sequence, b =>
    {
        int sequence = b.ValueSlot("sequence"), dst = b.ValueSlot("dst");
        b.Asm.mov(rax, __qword_ptr[r12 + sequence + Layout.ValuePayload]);
        b.Asm.mov(rax, __qword_ptr[rax + countOffset]);
        b.Asm.mov(__qword_ptr[r12 + dst + Layout.ValuePayload], rax);
        b.Asm.mov(__qword_ptr[r12 + dst + Layout.ValueTag], Layout.TagInt);
    });

    // Leaves the object pointer in rax and index * ValueSize in rcx.
    private void LoadCheckedIndex(StencilBuilder b, int sequence, int index, int countOffset, ulong slow) =>
        LoadCheckedIndex(b, sequence, index, 0, countOffset, slow);

    // As above, the index from slot `index`, or from cache register `register` when `index` is null.
    private void LoadCheckedIndex(StencilBuilder b, int sequence, int? index, int register, int countOffset, ulong slow)
    {
        b.Asm.mov(rax, __qword_ptr[r12 + sequence + Layout.ValuePayload]);
        if (index is { } slot) b.Asm.mov(rcx, __qword_ptr[r12 + slot + Layout.ValuePayload]);
        else b.Asm.mov(rcx, GprStencils.CacheRegister(register));
        b.Asm.cmp(rcx, __qword_ptr[rax + countOffset]);
        b.Asm.jae(slow);
        b.Asm.shl(rcx, 4);
    }
}
