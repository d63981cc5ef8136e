using Lbbv.Backend.Layout;
using static Iced.Intel.AssemblerRegisters;

namespace Lbbv.Backend.Stencils.Families;

/// <summary>
/// Comparisons, either fused with a branch (taken when the comparison is true) or stored as a
/// bool. Float comparisons follow IEEE: every ordering comparison with NaN is false and != is true.
/// </summary>
public sealed class CompareStencils : StencilFamily
{
    private readonly Stencil[] _intBranch, _intConstantBranch, _floatBranch, _intValue, _floatValue;

    internal CompareStencils(RuntimeLayout l, StencilSource source) : base(l, source)
    {
        _intBranch = ForEachComparison(c => Build($"Compare.IntBranch.{c}", StencilKind.CompareBranch, b =>
        {
            int x = b.ValueSlot("a"), y = b.ValueSlot("b");
            ulong target = b.CodeTarget("target");
            b.Asm.mov(rax, __qword_ptr[r12 + x + l.ValuePayload]);
            b.Asm.cmp(rax, __qword_ptr[r12 + y + l.ValuePayload]);
            JumpIfSigned(b, c, target);
        }));
        _intConstantBranch = ForEachComparison(c => Build($"Compare.IntConstantBranch.{c}", StencilKind.CompareBranch, b =>
        {
            int x = b.ValueSlot("a");
            int constant = b.Int32("constant");
            ulong target = b.CodeTarget("target");
            b.Asm.cmp(__qword_ptr[r12 + x + l.ValuePayload], constant);
            JumpIfSigned(b, c, target);
        }));
        _floatBranch = ForEachComparison(c => Build($"Compare.FloatBranch.{c}", StencilKind.CompareBranch, b =>
        {
            int x = b.ValueSlot("a"), y = b.ValueSlot("b");
            ulong target = b.CodeTarget("target");
            FloatCompare(b, c, x, y);
            JumpIfFloat(b, c, target);
        }));
        _intValue = ForEachComparison(c => Build($"Compare.IntValue.{c}", StencilKind.CompareValue, b =>
        {
            int x = b.ValueSlot("a"), y = b.ValueSlot("b"), dst = b.ValueSlot("dst");
            b.Asm.mov(rax, __qword_ptr[r12 + x + l.ValuePayload]);
            b.Asm.cmp(rax, __qword_ptr[r12 + y + l.ValuePayload]);
            switch (c)
            {
                case Comparison.Less: b.Asm.setl(al); break;
                case Comparison.LessOrEqual: b.Asm.setle(al); break;
                case Comparison.Equal: b.Asm.sete(al); break;
                case Comparison.NotEqual: b.Asm.setne(al); break;
                case Comparison.Greater: b.Asm.setg(al); break;
                case Comparison.GreaterOrEqual: b.Asm.setge(al); break;
            }
            StoreBool(b, dst);
        }));
        _floatValue = ForEachComparison(c => Build($"Compare.FloatValue.{c}", StencilKind.CompareValue, b =>
        {
            int x = b.ValueSlot("a"), y = b.ValueSlot("b"), dst = b.ValueSlot("dst");
            FloatCompare(b, c, x, y);
            switch (c)
            {
                case Comparison.Less or Comparison.Greater: b.Asm.seta(al); break;
                case Comparison.LessOrEqual or Comparison.GreaterOrEqual: b.Asm.setae(al); break;
                case Comparison.Equal: b.Asm.sete(al); b.Asm.setnp(cl); b.Asm.and(al, cl); break;
                case Comparison.NotEqual: b.Asm.setne(al); b.Asm.setp(cl); b.Asm.or(al, cl); break;
            }
            StoreBool(b, dst);
        }));
        BranchIfNonZero = Build("Compare.BranchIfNonZero", StencilKind.CompareBranch, b =>
        {
            int x = b.ValueSlot("a");
            ulong target = b.CodeTarget("target");
            b.Asm.cmp(__qword_ptr[r12 + x + l.ValuePayload], 0);
            b.Asm.jne(target);
        });
        BranchIfZero = Build("Compare.BranchIfZero", StencilKind.CompareBranch, b =>
        {
            int x = b.ValueSlot("a");
            ulong target = b.CodeTarget("target");
            b.Asm.cmp(__qword_ptr[r12 + x + l.ValuePayload], 0);
            b.Asm.je(target);
        });
        IntegerNot = Build("Compare.IntegerNot", StencilKind.CompareValue, b =>
        {
            int x = b.ValueSlot("a"), dst = b.ValueSlot("dst");
            var store = b.Asm.CreateLabel();
            b.Asm.xor(eax, eax); // a big int (any tag but Int) is true: not is False
            b.Asm.cmp(__byte_ptr[r12 + x + l.ValueTag], l.TagInt);
            b.Asm.jne(store);
            b.Asm.cmp(__qword_ptr[r12 + x + l.ValuePayload], 0);
            b.Asm.sete(al);
            b.Asm.Label(ref store);
            StoreBool(b, dst);
        });
    }

    /// <summary>(a, b, target): jump when the int comparison a ? b holds.</summary>
    public Stencil IntBranch(Comparison c) => _intBranch[(int)c];
    /// <summary>(a, constant:Int32, target)</summary>
    public Stencil IntConstantBranch(Comparison c) => _intConstantBranch[(int)c];
    /// <summary>(a, b, target)</summary>
    public Stencil FloatBranch(Comparison c) => _floatBranch[(int)c];
    /// <summary>(a, b, dst): store the int comparison as a bool.</summary>
    public Stencil IntValue(Comparison c) => _intValue[(int)c];
    /// <summary>(a, b, dst)</summary>
    public Stencil FloatValue(Comparison c) => _floatValue[(int)c];
    /// <summary>(a, target): jump when an int or bool payload is non-zero (truthy).</summary>
    public Stencil BranchIfNonZero { get; }
    /// <summary>(a, target): jump when an int or bool payload is zero (falsy).</summary>
    public Stencil BranchIfZero { get; }
    /// <summary>(a, dst): store <c>not a</c> as a bool for an int that may be big: True for an int64
    /// zero, False for any other int64 and for a big int (never zero: the runtime keeps every value
    /// that fits in int64 tagged Int).</summary>
    public Stencil IntegerNot { get; }

    // ucomisd sets CF=ZF=PF=1 for unordered. "a < b" is compared as "b > a" so that a single
    // above/above-or-equal test is false for NaN.
    private void FloatCompare(StencilBuilder b, Comparison c, int x, int y)
    {
        bool swap = c is Comparison.Less or Comparison.LessOrEqual;
        b.Asm.movsd(xmm0, __qword_ptr[r12 + (swap ? y : x) + Layout.ValuePayload]);
        b.Asm.ucomisd(xmm0, __qword_ptr[r12 + (swap ? x : y) + Layout.ValuePayload]);
    }

    private void StoreBool(StencilBuilder b, int dst)
    {
        b.Asm.movzx(eax, al);
        b.Asm.mov(__qword_ptr[r12 + dst + Layout.ValuePayload], rax);
        b.Asm.mov(__qword_ptr[r12 + dst + Layout.ValueTag], Layout.TagBool);
    }
}
