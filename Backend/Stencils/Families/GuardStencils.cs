using Lbbv.Backend.Layout;
using static Iced.Intel.AssemblerRegisters;

namespace Lbbv.Backend.Stencils.Families;

/// <summary>Type tests that fall through when they hold and branch to <c>fail</c> when they do not.</summary>
public sealed class GuardStencils : StencilFamily
{
    internal GuardStencils(RuntimeLayout l, StencilSource source) : base(l, source)
    {
        Int = TagIs("Guard.Int", l.TagInt);
        Float = TagIs("Guard.Float", l.TagFloat);
        Bool = TagIs("Guard.Bool", l.TagBool);
        None = TagIs("Guard.None", l.TagNone);
        Object = TagIs("Guard.Object", l.TagObject);
        NotEmpty = Build("Guard.NotEmpty", StencilKind.Guard, b =>
        {
            int slot = b.ValueSlot("slot");
            ulong fail = b.CodeTarget("fail");
            b.Asm.cmp(__byte_ptr[r12 + slot + l.ValueTag], l.TagEmpty);
            b.Asm.je(fail);
        });
        ObjectKind = Build("Guard.ObjectKind", StencilKind.Guard, b =>
        {
            int slot = b.ValueSlot("slot");
            byte kind = b.Int8("kind");
            ulong fail = b.CodeTarget("fail");
            b.Asm.cmp(__byte_ptr[r12 + slot + l.ValueTag], l.TagObject);
            b.Asm.jne(fail);
            b.Asm.mov(rax, __qword_ptr[r12 + slot + l.ValuePayload]);
            b.Asm.cmp(__byte_ptr[rax + l.HeaderKind], kind);
            b.Asm.jne(fail);
        });
        Class = Build("Guard.Class", StencilKind.Guard, b =>
        {
            int slot = b.ValueSlot("slot");
            ulong cls = b.Int64("class");
            ulong fail = b.CodeTarget("fail");
            b.Asm.cmp(__byte_ptr[r12 + slot + l.ValueTag], l.TagObject);
            b.Asm.jne(fail);
            b.Asm.mov(rax, __qword_ptr[r12 + slot + l.ValuePayload]);
            b.Asm.mov(rcx, cls);
            b.Asm.cmp(__qword_ptr[rax + l.HeaderClass], rcx);
            b.Asm.jne(fail);
        });
        ClassIn = Build("Guard.ClassIn", StencilKind.Guard, b =>
        {
            int slot = b.ValueSlot("slot");
            ulong[] classes = [b.Int64("class0"), b.Int64("class1"), b.Int64("class2"), b.Int64("class3")];
            ulong fail = b.CodeTarget("fail");
            var found = b.Asm.CreateLabel();
            b.Asm.cmp(__byte_ptr[r12 + slot + l.ValueTag], l.TagObject);
            b.Asm.jne(fail);
            b.Asm.mov(rax, __qword_ptr[r12 + slot + l.ValuePayload]);
            b.Asm.mov(rax, __qword_ptr[rax + l.HeaderClass]);
            for (int i = 0; i < classes.Length - 1; i++)
            {
                b.Asm.mov(rcx, classes[i]);
                b.Asm.cmp(rax, rcx);
                b.Asm.je(found);
            }
            b.Asm.mov(rcx, classes[^1]);
            b.Asm.cmp(rax, rcx);
            b.Asm.jne(fail);
            b.Asm.Label(ref found);
            b.Asm.zero_bytes(); // the label ends the stencil: the next one starts there
        });
        ClassVersion = Build("Guard.ClassVersion", StencilKind.Guard, b =>
        {
            int version = b.Int32("version");
            ulong fail = b.CodeTarget("fail");
            b.Asm.cmp(__dword_ptr[r13 + l.VmClassVersion], version);
            b.Asm.jne(fail);
        });
        FunctionCode = Build("Guard.FunctionCode", StencilKind.Guard, b =>
        {
            int slot = b.ValueSlot("slot");
            int codeId = b.Int32("codeId");
            ulong fail = b.CodeTarget("fail");
            b.Asm.cmp(__byte_ptr[r12 + slot + l.ValueTag], l.TagObject);
            b.Asm.jne(fail);
            b.Asm.mov(rax, __qword_ptr[r12 + slot + l.ValuePayload]);
            b.Asm.cmp(__byte_ptr[rax + l.HeaderKind], l.KindFunction);
            b.Asm.jne(fail);
            b.Asm.cmp(__dword_ptr[rax + l.FunctionCodeId], codeId);
            b.Asm.jne(fail);
        });
        PayloadIs = Build("Guard.PayloadIs", StencilKind.Guard, b =>
        {
            int slot = b.ValueSlot("slot");
            ulong expected = b.Int64("expected");
            ulong fail = b.CodeTarget("fail");
            b.Asm.mov(rax, expected);
            b.Asm.cmp(__qword_ptr[r12 + slot + l.ValuePayload], rax);
            b.Asm.jne(fail);
        });
        ObjectIs = Build("Guard.ObjectIs", StencilKind.Guard, b =>
        {
            int slot = b.ValueSlot("slot");
            ulong expected = b.Int64("expected");
            ulong fail = b.CodeTarget("fail");
            b.Asm.cmp(__byte_ptr[r12 + slot + l.ValueTag], l.TagObject);
            b.Asm.jne(fail);
            b.Asm.mov(rax, expected);
            b.Asm.cmp(__qword_ptr[r12 + slot + l.ValuePayload], rax);
            b.Asm.jne(fail);
        });
    }

    /// <summary>(slot, fail): the tag is int.</summary>
    public Stencil Int { get; }
    /// <summary>(slot, fail): the tag is float.</summary>
    public Stencil Float { get; }
    /// <summary>(slot, fail): the tag is bool.</summary>
    public Stencil Bool { get; }
    /// <summary>(slot, fail): the tag is None.</summary>
    public Stencil None { get; }
    /// <summary>(slot, fail): the tag is a heap object.</summary>
    public Stencil Object { get; }
    /// <summary>(slot, fail): the slot is bound.</summary>
    public Stencil NotEmpty { get; }
    /// <summary>(slot, kind:Int8, fail): a heap object whose header kind byte is <c>kind</c>.</summary>
    public Stencil ObjectKind { get; }
    /// <summary>(slot, class:Int64, fail): a heap object whose class pointer is <c>class</c>.</summary>
    public Stencil Class { get; }
    /// <summary>(slot, class0..class3:Int64, fail): a heap object whose class pointer is one of four
    /// (a polymorphic site whose classes share the attribute's slot or method; repeat a class to
    /// fill).</summary>
    public Stencil ClassIn { get; }
    /// <summary>(slot, expected:Int64, fail): the payload is exactly <c>expected</c> (e.g. a known function).</summary>
    public Stencil PayloadIs { get; }
    /// <summary>(slot, expected:Int64, fail): a heap object that is exactly <c>expected</c>: the tag
    /// test and <see cref="PayloadIs"/> in one, for a slot not known to hold a heap object.</summary>
    public Stencil ObjectIs { get; }

    /// <summary>(slot, codeId:Int32, fail): a Python function whose code is codeId (any closure of it).</summary>
    public Stencil FunctionCode { get; }
    /// <summary>(version:Int32, fail): no class attribute changed since the code was compiled (the VM state's class version).</summary>
    public Stencil ClassVersion { get; }

    private Stencil TagIs(string name, byte tag) => Build(name, StencilKind.Guard, b =>
    {
        int slot = b.ValueSlot("slot");
        ulong fail = b.CodeTarget("fail");
        b.Asm.cmp(__byte_ptr[r12 + slot + Layout.ValueTag], tag);
        b.Asm.jne(fail);
    });
}
