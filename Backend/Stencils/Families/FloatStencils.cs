using Iced.Intel;
using Lbbv.Backend.Layout;
using static Iced.Intel.AssemblerRegisters;

namespace Lbbv.Backend.Stencils.Families;

/// <summary>IEEE double arithmetic on float-tagged slots (payload holds the bits).</summary>
public sealed class FloatStencils : StencilFamily
{
    internal FloatStencils(RuntimeLayout l, StencilSource source) : base(l, source)
    {
        Add = Binary("Float.Add", (a, m) => a.addsd(xmm0, m));
        Subtract = Binary("Float.Subtract", (a, m) => a.subsd(xmm0, m));
        Multiply = Binary("Float.Multiply", (a, m) => a.mulsd(xmm0, m));
        Divide = BuildWithTag("Float.Divide", StencilKind.FloatArithmetic, (b, tag) =>
        {
            int x = b.ValueSlot("a"), y = b.ValueSlot("b"), dst = b.ValueSlot("dst");
            ulong zeroDivisor = b.CodeTarget("slow");
            var nonZero = b.Asm.CreateLabel();
            b.Asm.movsd(xmm1, __qword_ptr[r12 + y + l.ValuePayload]);
            b.Asm.xorpd(xmm0, xmm0);
            b.Asm.ucomisd(xmm1, xmm0);
            b.Asm.jp(nonZero);   // NaN divisor: no exception, the result is NaN
            b.Asm.je(zeroDivisor); // +0.0 or -0.0: Python raises ZeroDivisionError
            b.Asm.Label(ref nonZero);
            b.Asm.movsd(xmm0, __qword_ptr[r12 + x + l.ValuePayload]);
            b.Asm.divsd(xmm0, xmm1);
            StoreFloat(b, dst, tag);
        });
        Negate = Build("Float.Negate", StencilKind.FloatArithmetic, b =>
        {
            int x = b.ValueSlot("a"), dst = b.ValueSlot("dst");
            b.Asm.mov(rax, __qword_ptr[r12 + x + l.ValuePayload]);
            b.Asm.btc(rax, 63);
            b.Asm.mov(__qword_ptr[r12 + dst + l.ValuePayload], rax);
            b.Asm.mov(__qword_ptr[r12 + dst + l.ValueTag], l.TagFloat);
        });
        Power = Build("Float.Power", StencilKind.FloatArithmetic, b =>
        {
            int x = b.ValueSlot("a"), y = b.ValueSlot("b"), dst = b.ValueSlot("dst");
            ulong pow = b.Int64("pow");
            ulong slow = b.CodeTarget("slow");
            b.Asm.movsd(xmm0, __qword_ptr[r12 + x + l.ValuePayload]);
            b.Asm.movsd(xmm1, __qword_ptr[r12 + y + l.ValuePayload]);
            // The base must be positive and finite (jbe also takes NaN), the exponent finite.
            b.Asm.xorpd(xmm2, xmm2);
            b.Asm.ucomisd(xmm0, xmm2);
            b.Asm.jbe(slow);
            b.Asm.movq(rax, xmm0);
            JumpIfNotFinite(b, slow);
            b.Asm.movq(rax, xmm1);
            JumpIfNotFinite(b, slow);
            // C's pow, the function CPython's float_pow (and .NET's Math.Pow) calls. An infinite
            // result from finite operands is CPython's OverflowError: the slow path raises it.
            CallForFiniteResult(b, pow, slow, dst);
        });
        CallUnary = Build("Float.CallUnary", StencilKind.FloatArithmetic, b =>
        {
            int x = b.ValueSlot("a"), dst = b.ValueSlot("dst");
            ulong function = b.Int64("function");
            ulong slow = b.CodeTarget("slow");
            // A finite argument and a finite result only: the math module's errors (a NaN or an
            // infinity from a finite argument) and non-finite arguments are the slow path's.
            b.Asm.movsd(xmm0, __qword_ptr[r12 + x + l.ValuePayload]);
            b.Asm.movq(rax, xmm0);
            JumpIfNotFinite(b, slow);
            CallForFiniteResult(b, function, slow, dst);
        });
        FromInt = Build("Float.FromInt", StencilKind.FloatArithmetic, b =>
        {
            int x = b.ValueSlot("a"), dst = b.ValueSlot("dst");
            b.Asm.cvtsi2sd(xmm0, __qword_ptr[r12 + x + l.ValuePayload]);
            StoreFloat(b, dst);
        });
    }

    /// <summary>(a, b, dst)</summary>
    public Stencil Add { get; }
    /// <summary>(a, b, dst)</summary>
    public Stencil Subtract { get; }
    /// <summary>(a, b, dst)</summary>
    public Stencil Multiply { get; }
    /// <summary>(a, b, dst, slow): slow when b is zero.</summary>
    public Stencil Divide { get; }
    /// <summary>(a, dst)</summary>
    public Stencil Negate { get; }
    /// <summary>(a, b, dst, pow:Int64, slow): a ** b through C's pow for a positive finite base and a
    /// finite exponent with a finite result; anything else (negative or zero base, inf, NaN, overflow) is slow.</summary>
    public Stencil Power { get; }
    /// <summary>(a, dst, function:Int64, slow): C's <c>double function(double)</c> of a finite
    /// float with a finite result; anything else is slow.</summary>
    public Stencil CallUnary { get; }
    /// <summary>(a, dst): convert an int slot to float.</summary>
    public Stencil FromInt { get; }

    private Stencil Binary(string name, Action<Assembler, AssemblerMemoryOperand> operation) =>
        BuildWithTag(name, StencilKind.FloatArithmetic, (b, tag) =>
        {
            int x = b.ValueSlot("a"), y = b.ValueSlot("b"), dst = b.ValueSlot("dst");
            b.Asm.movsd(xmm0, __qword_ptr[r12 + x + Layout.ValuePayload]);
            operation(b.Asm, __qword_ptr[r12 + y + Layout.ValuePayload]);
            StoreFloat(b, dst, tag);
        });

    // rax = a double's bits: branch when its exponent is all ones (an infinity or a NaN).
    /// <summary>Calls the C function at <paramref name="function"/> (arguments in xmm0 and xmm1; rsp
    /// is 16-byte aligned in a stencil, and it clobbers only caller-saved registers) and stores its
    /// result to <paramref name="dst"/> when finite; an infinite or NaN result goes to <paramref name="slow"/>.</summary>
    private void CallForFiniteResult(StencilBuilder b, ulong function, ulong slow, int dst)
    {
        b.Asm.mov(rax, function);
        b.Asm.call(rax);
        b.Asm.movq(rax, xmm0);
        JumpIfNotFinite(b, slow);
        StoreFloat(b, dst);
    }

    private static void JumpIfNotFinite(StencilBuilder b, ulong target)
    {
        b.Asm.shl(rax, 1);
        b.Asm.shr(rax, 53);
        b.Asm.cmp(eax, 0x7FF);
        b.Asm.je(target);
    }

    private void StoreFloat(StencilBuilder b, int dst, bool tag = true)
    {
        b.Asm.movsd(__qword_ptr[r12 + dst + Layout.ValuePayload], xmm0);
        if (tag) b.Asm.mov(__qword_ptr[r12 + dst + Layout.ValueTag], Layout.TagFloat);
    }
}
