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
    internal IntStencils(RuntimeLayout l, StencilSource source) : base(l, source)
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
        Invert = Build("Int.Invert", StencilKind.IntArithmetic, b =>
        {
            int x = b.ValueSlot("a"), dst = b.ValueSlot("dst");
            b.Asm.mov(rax, __qword_ptr[r12 + x + l.ValuePayload]);
            b.Asm.not(rax);
            StoreInt(b, dst);
        });
        ShiftLeft = Build("Int.ShiftLeft", StencilKind.IntArithmetic, b =>
        {
            int x = b.ValueSlot("a"), y = b.ValueSlot("b"), dst = b.ValueSlot("dst");
            ulong slow = b.CodeTarget("slow");
            // A count outside 0..63 (negative: ValueError; large: a big int) or bits shifted out: slow.
            b.Asm.mov(rcx, __qword_ptr[r12 + y + l.ValuePayload]);
            b.Asm.cmp(rcx, 63);
            b.Asm.ja(slow);
            b.Asm.mov(rdx, __qword_ptr[r12 + x + l.ValuePayload]);
            b.Asm.mov(rax, rdx);
            b.Asm.shl(rax, cl);
            b.Asm.mov(r8, rax);
            b.Asm.sar(r8, cl);
            b.Asm.cmp(r8, rdx);
            b.Asm.jne(slow);
            StoreInt(b, dst);
        });
        ShiftRight = Build("Int.ShiftRight", StencilKind.IntArithmetic, b =>
        {
            int x = b.ValueSlot("a"), y = b.ValueSlot("b"), dst = b.ValueSlot("dst");
            ulong slow = b.CodeTarget("slow");
            // A negative count raises ValueError (slow); a count past 63 gives 0 or -1, as 63 does.
            b.Asm.mov(rcx, __qword_ptr[r12 + y + l.ValuePayload]);
            b.Asm.test(rcx, rcx);
            b.Asm.js(slow);
            b.Asm.mov(edx, 63);
            b.Asm.cmp(rcx, rdx);
            b.Asm.cmova(rcx, rdx);
            b.Asm.mov(rax, __qword_ptr[r12 + x + l.ValuePayload]);
            b.Asm.sar(rax, cl);
            StoreInt(b, dst);
        });
        FloorDivide = Division("Int.FloorDivide", quotient: true);
        Modulo = Division("Int.Modulo", quotient: false);
        // A positive power-of-two divisor known at compile time: an arithmetic shift floors as
        // Python does, and a mask gives the divisor-signed remainder. Neither can overflow.
        FloorDivideByPowerOfTwo = WithImmediate("Int.FloorDivideByPowerOfTwo", b =>
        {
            byte shift = b.Int8("shift");
            return a => a.sar(rax, shift);
        });
        ModuloByPowerOfTwo = WithImmediate("Int.ModuloByPowerOfTwo", b =>
        {
            int mask = b.Int32("mask");
            return a => a.and(rax, mask);
        });
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
    /// <summary>(a, dst): ~a.</summary>
    public Stencil Invert { get; }
    /// <summary>(a, b, dst, slow): a &lt;&lt; b; slow for a count outside 0..63 or when bits are lost.</summary>
    public Stencil ShiftLeft { get; }
    /// <summary>(a, b, dst, slow): a &gt;&gt; b (arithmetic); slow for a negative count.</summary>
    public Stencil ShiftRight { get; }
    /// <summary>(a, b, dst, slow): Python's floor division; slow when b is 0 or -1 (the latter avoids idiv's overflow trap).</summary>
    public Stencil FloorDivide { get; }
    /// <summary>(a, b, dst, slow): Python's modulo (sign of the divisor); slow when b is 0 or -1.</summary>
    public Stencil Modulo { get; }
    /// <summary>(a, shift:Int8, dst): a // 2**shift, for a shift of 0..30.</summary>
    public Stencil FloorDivideByPowerOfTwo { get; }
    /// <summary>(a, mask:Int32, dst): a % (mask + 1), for mask + 1 a power of two up to 2**31.</summary>
    public Stencil ModuloByPowerOfTwo { get; }

    private Stencil Binary(string name, Action<Assembler, AssemblerMemoryOperand> operation, bool checkOverflow) =>
        BuildWithTag(name, StencilKind.IntArithmetic, (b, tag) =>
        {
            int x = b.ValueSlot("a"), y = b.ValueSlot("b"), dst = b.ValueSlot("dst");
            ulong slow = checkOverflow ? b.CodeTarget("slow") : 0;
            b.Asm.mov(rax, __qword_ptr[r12 + x + Layout.ValuePayload]);
            operation(b.Asm, __qword_ptr[r12 + y + Layout.ValuePayload]);
            if (checkOverflow) b.Asm.jo(slow);
            StoreInt(b, dst, tag);
        });

    private Stencil WithConstant(string name, Action<Assembler, int> operation) =>
        BuildWithTag(name, StencilKind.IntArithmetic, (b, tag) =>
        {
            int x = b.ValueSlot("a");
            int constant = b.Int32("constant");
            int dst = b.ValueSlot("dst");
            ulong slow = b.CodeTarget("slow");
            b.Asm.mov(rax, __qword_ptr[r12 + x + Layout.ValuePayload]);
            operation(b.Asm, constant);
            b.Asm.jo(slow);
            StoreInt(b, dst, tag);
        });

    /// <summary>(a, immediate, dst) with no slow path: <paramref name="operation"/> declares the
    /// immediate and returns the instruction that applies it to rax.</summary>
    private Stencil WithImmediate(string name, Func<StencilBuilder, Action<Assembler>> operation) =>
        BuildWithTag(name, StencilKind.IntArithmetic, (b, tag) =>
        {
            int x = b.ValueSlot("a");
            var apply = operation(b);
            int dst = b.ValueSlot("dst");
            b.Asm.mov(rax, __qword_ptr[r12 + x + Layout.ValuePayload]);
            apply(b.Asm);
            StoreInt(b, dst, tag);
        });

    private Stencil Division(string name, bool quotient) => BuildWithTag(name, StencilKind.IntArithmetic, (b, tag) =>
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
        StoreInt(b, dst, tag);
    });

    private void StoreInt(StencilBuilder b, int dst, bool tag = true)
    {
        b.Asm.mov(__qword_ptr[r12 + dst + Layout.ValuePayload], rax);
        if (tag) b.Asm.mov(__qword_ptr[r12 + dst + Layout.ValueTag], Layout.TagInt);
    }
}
