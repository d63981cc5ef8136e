using Lbbv.Backend.Layout;
using static Iced.Intel.AssemblerRegisters;

namespace Lbbv.Backend.Stencils.Families;

/// <summary>
/// Moves of Values between frame slots and cells, and constant stores. A Value is copied as two
/// qwords (see CopyValue); a constant is stored as a payload qword and a tag qword (the whole tag word).
/// </summary>
public sealed class FrameStencils : StencilFamily
{
    internal FrameStencils(RuntimeLayout l, StencilSource source) : base(l, source)
    {
        Move = BuildWithTag("Frame.Move", StencilKind.FrameMove, (b, tag) =>
        {
            int src = b.ValueSlot("src"), dst = b.ValueSlot("dst");
            if (tag)
                CopyValue(b, __[r12 + src], __[r12 + dst]);
            else
            {
                b.Asm.mov(rax, __qword_ptr[r12 + src + l.ValuePayload]);
                b.Asm.mov(__qword_ptr[r12 + dst + l.ValuePayload], rax);
            }
        });
        Exchange = Build("Frame.Exchange", StencilKind.FrameMove, b =>
        {
            int a = b.ValueSlot("a"), other = b.ValueSlot("b");
            b.Asm.mov(r10, __qword_ptr[r12 + a + l.ValuePayload]);
            b.Asm.mov(r11, __qword_ptr[r12 + a + l.ValueTag]);
            b.Asm.mov(rax, __qword_ptr[r12 + other + l.ValuePayload]);
            b.Asm.mov(rcx, __qword_ptr[r12 + other + l.ValueTag]);
            b.Asm.mov(__qword_ptr[r12 + a + l.ValuePayload], rax);
            b.Asm.mov(__qword_ptr[r12 + a + l.ValueTag], rcx);
            b.Asm.mov(__qword_ptr[r12 + other + l.ValuePayload], r10);
            b.Asm.mov(__qword_ptr[r12 + other + l.ValueTag], r11);
        });
        StoreInt = Constant("Frame.StoreInt", l.TagInt);
        StoreSmallInt = BuildWithTag("Frame.StoreSmallInt", StencilKind.FrameConstant, (b, tag) =>
        {
            int dst = b.ValueSlot("dst"), value = b.Int32("value");
            b.Asm.mov(__qword_ptr[r12 + dst + l.ValuePayload], value);
            if (tag) b.Asm.mov(__qword_ptr[r12 + dst + l.ValueTag], l.TagInt);
        });
        StoreFloat = Constant("Frame.StoreFloat", l.TagFloat);
        StoreObject = Constant("Frame.StoreObject", l.TagObject);
        StoreTrue = Fixed("Frame.StoreTrue", 1, l.TagBool);
        StoreFalse = Fixed("Frame.StoreFalse", 0, l.TagBool);
        StoreNone = Fixed("Frame.StoreNone", 0, l.TagNone);
        Clear = Fixed("Frame.Clear", 0, l.TagEmpty);
        FlipBool = Build("Frame.FlipBool", StencilKind.FrameConstant, b =>
        {
            int slot = b.ValueSlot("slot");
            b.Asm.xor(__qword_ptr[r12 + slot + l.ValuePayload], 1);
        });
        LoadCell = Build("Frame.LoadCell", StencilKind.FrameMove, b =>
        {
            ulong cell = b.Int64("cell");
            int dst = b.ValueSlot("dst");
            b.Asm.mov(rax, cell);
            CopyValue(b, __[rax + l.CellValue], __[r12 + dst]);
        });
        StoreCell = Build("Frame.StoreCell", StencilKind.FrameMove, b =>
        {
            int src = b.ValueSlot("src");
            ulong cell = b.Int64("cell");
            ulong watched = b.CodeTarget("watched");
            b.Asm.mov(rax, cell);
            b.Asm.test(__byte_ptr[rax + l.HeaderGcBits], l.CellWatchedBit);
            b.Asm.jne(watched);
            CopyValue(b, __[r12 + src], __[rax + l.CellValue]);
        });
    }

    /// <summary>(src, dst): copy a Value.</summary>
    public Stencil Move { get; }
    /// <summary>(a, b): exchange two Values (four loads, four stores; no scratch slot).</summary>
    public Stencil Exchange { get; }
    /// <summary>(dst, value:Int64): store an int.</summary>
    public Stencil StoreInt { get; }
    /// <summary>(dst, value:Int32): store an int that fits in 32 bits (shorter).</summary>
    public Stencil StoreSmallInt { get; }
    /// <summary>(dst, bits:Int64): store a float given its IEEE bits.</summary>
    public Stencil StoreFloat { get; }
    /// <summary>(dst, pointer:Int64): store a heap object reference.</summary>
    public Stencil StoreObject { get; }
    /// <summary>(dst)</summary>
    public Stencil StoreTrue { get; }
    /// <summary>(dst)</summary>
    public Stencil StoreFalse { get; }
    /// <summary>(dst)</summary>
    public Stencil StoreNone { get; }
    /// <summary>(dst): make the slot empty (unbound).</summary>
    public Stencil Clear { get; }
    /// <summary>(slot): `not` of a bool, in place.</summary>
    public Stencil FlipBool { get; }
    /// <summary>(cell:Int64, dst): load a global or closure cell's Value.</summary>
    public Stencil LoadCell { get; }
    /// <summary>(src, cell:Int64, watched): store into a module's global cell, or go to watched
    /// when JIT code reads the cell as a constant (the store must bump the class version).</summary>
    public Stencil StoreCell { get; }

    private Stencil Constant(string name, byte tagValue) => BuildWithTag(name, StencilKind.FrameConstant, (b, tag) =>
    {
        int dst = b.ValueSlot("dst");
        ulong value = b.Int64("value");
        b.Asm.mov(rax, value);
        b.Asm.mov(__qword_ptr[r12 + dst + Layout.ValuePayload], rax);
        if (tag) b.Asm.mov(__qword_ptr[r12 + dst + Layout.ValueTag], tagValue);
    });

    private Stencil Fixed(string name, int payload, byte tag) => Build(name, StencilKind.FrameConstant, b =>
    {
        int dst = b.ValueSlot("dst");
        b.Asm.mov(__qword_ptr[r12 + dst + Layout.ValuePayload], payload);
        b.Asm.mov(__qword_ptr[r12 + dst + Layout.ValueTag], tag);
    });
}
