using Iced.Intel;
using Lbbv.Backend.Layout;
using static Iced.Intel.AssemblerRegisters;

namespace Lbbv.Backend.Stencils.Families;

/// <summary>
/// int64 arithmetic on int-tagged slots. On overflow (or a zero divisor) the stencil branches to
/// <c>slow</c> before writing <c>dst</c>, so the slow path can redo the operation from its inputs.
/// </summary>
public sealed class IntStencils : StencilFamily
{
    internal IntStencils(RuntimeLayout l) : base(l)
    {
        Add = Binary("Int.Add", (a, m) => a.add(rax, m), checkOverflow: true);
        Subtract = Binary("Int.Subtract", (a, m) => a.sub(rax, m), checkOverflow: true);
        Multiply = Binary("Int.Multiply", (a, m) => a.imul(rax, m), checkOverflow: true);
        And = Binary("Int.And", (a, m) => a.and(rax, m), checkOverflow: false);
        Or = Binary("Int.Or", (a, m) => a.or(rax, m), checkOverflow: false);
        Xor = Binary("Int.Xor", (a, m) => a.xor(rax, m), checkOverflow: false);
        AddConstant = WithConstant("Int.AddConstant", (a, c) => a.add(rax, c));
        SubtractConstant = WithConstant("Int.SubtractConstant", (a, c) => a.sub(rax, c));
        Negate = Build("Int.Negate", StencilKind.IntArithmetic, b =>
        {
            int x = b.ValueSlot("a"), dst = b.ValueSlot("dst");
            ulong slow = b.CodeTarget("slow");
            b.Asm.mov(rax, __qword_ptr[r12 + x + l.ValuePayload]);
            b.Asm.neg(rax);
            b.Asm.jo(slow);
            StoreInt(b, dst);
        });
        FloorDivide = Division("Int.FloorDivide", quotient: true);
        Modulo = Division("Int.Modulo", quotient: false);
    }

    /// <summary>(a, b, dst, slow)</summary>
    public Stencil Add { get; }
    /// <summary>(a, b, dst, slow)</summary>
    public Stencil Subtract { get; }
    /// <summary>(a, b, dst, slow)</summary>
    public Stencil Multiply { get; }
    /// <summary>(a, b, dst)</summary>
    public Stencil And { get; }
    /// <summary>(a, b, dst)</summary>
    public Stencil Or { get; }
    /// <summary>(a, b, dst)</summary>
    public Stencil Xor { get; }
    /// <summary>(a, constant:Int32, dst, slow)</summary>
    public Stencil AddConstant { get; }
    /// <summary>(a, constant:Int32, dst, slow)</summary>
    public Stencil SubtractConstant { get; }
    /// <summary>(a, dst, slow)</summary>
    public Stencil Negate { get; }
    /// <summary>(a, b, dst, slow): Python's floor division; slow when b is 0 or -1 (the latter avoids idiv's overflow trap).</summary>
    public Stencil FloorDivide { get; }
    /// <summary>(a, b, dst, slow): Python's modulo (sign of the divisor); slow when b is 0 or -1.</summary>
    public Stencil Modulo { get; }

    private Stencil Binary(string name, Action<Assembler, AssemblerMemoryOperand> operation, bool checkOverflow) =>
        Build(name, StencilKind.IntArithmetic, b =>
        {
            int x = b.ValueSlot("a"), y = b.ValueSlot("b"), dst = b.ValueSlot("dst");
            ulong slow = checkOverflow ? b.CodeTarget("slow") : 0;
            b.Asm.mov(rax, __qword_ptr[r12 + x + Layout.ValuePayload]);
            operation(b.Asm, __qword_ptr[r12 + y + Layout.ValuePayload]);
            if (checkOverflow) b.Asm.jo(slow);
            StoreInt(b, dst);
        });

    private Stencil WithConstant(string name, Action<Assembler, int> operation) =>
        Build(name, StencilKind.IntArithmetic, b =>
        {
            int x = b.ValueSlot("a");
            int constant = b.Int32("constant");
            int dst = b.ValueSlot("dst");
            ulong slow = b.CodeTarget("slow");
            b.Asm.mov(rax, __qword_ptr[r12 + x + Layout.ValuePayload]);
            operation(b.Asm, constant);
            b.Asm.jo(slow);
            StoreInt(b, dst);
        });

    private Stencil Division(string name, bool quotient) => Build(name, StencilKind.IntArithmetic, b =>
    {
        int x = b.ValueSlot("a"), y = b.ValueSlot("b"), dst = b.ValueSlot("dst");
        ulong slow = b.CodeTarget("slow");
        var done = b.Asm.CreateLabel();
        b.Asm.mov(rcx, __qword_ptr[r12 + y + Layout.ValuePayload]);
        b.Asm.test(rcx, rcx);
        b.Asm.je(slow);
        b.Asm.cmp(rcx, -1);
        b.Asm.je(slow);
        b.Asm.mov(rax, __qword_ptr[r12 + x + Layout.ValuePayload]);
        b.Asm.cqo();
        b.Asm.idiv(rcx);
        // idiv truncates; Python floors: when the remainder is non-zero and its sign differs from
        // the divisor's, step the quotient down and the remainder over by one divisor.
        b.Asm.test(rdx, rdx);
        b.Asm.je(done);
        b.Asm.mov(r8, rdx);
        b.Asm.xor(r8, rcx);
        b.Asm.jns(done);
        b.Asm.dec(rax);
        b.Asm.add(rdx, rcx);
        b.Asm.Label(ref done);
        if (!quotient) b.Asm.mov(rax, rdx);
        StoreInt(b, dst);
    });

    private void StoreInt(StencilBuilder b, int dst)
    {
        b.Asm.mov(__qword_ptr[r12 + dst + Layout.ValuePayload], rax);
        b.Asm.mov(__qword_ptr[r12 + dst + Layout.ValueTag], Layout.TagInt);
    }
}
