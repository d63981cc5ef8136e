using Iced.Intel;
using Lbbv.Backend.Layout;
using static Iced.Intel.AssemblerRegisters;

namespace Lbbv.Backend.Stencils.Families;

/// <summary>A group of related stencils built together from one runtime layout.</summary>
public abstract class StencilFamily
{
    private readonly List<Stencil> _all = [];
    private readonly Dictionary<Stencil, Stencil> _payloadOnly = [];
    private readonly StencilSource _source;

    private protected StencilFamily(RuntimeLayout layout, StencilSource source)
    {
        Layout = layout;
        _source = source;
    }

    private protected RuntimeLayout Layout { get; }

    /// <summary>Every stencil of the family, in definition order.</summary>
    public IReadOnlyList<Stencil> All => _all;

    /// <summary>Each stencil that ends by writing its result's tag, mapped to its twin that writes only
    /// the payload (for a destination that already holds that tag).</summary>
    public IReadOnlyDictionary<Stencil, Stencil> PayloadOnly => _payloadOnly;

    /// <summary>Builds a stencil whose body writes a result's tag when its flag is true, and its
    /// payload-only twin (named `.PayloadOnly`).</summary>
    private protected Stencil BuildWithTag(string name, StencilKind kind, Action<StencilBuilder, bool> body)
    {
        var tagged = Build(name, kind, b => body(b, true));
        _payloadOnly[tagged] = tagged.PayloadOnly = Build(name + ".PayloadOnly", kind, b => body(b, false));
        return tagged;
    }

    /// <summary>The stencil <paramref name="name"/>: written by <paramref name="body"/> with Iced, or
    /// taken from prebuilt data, whichever the library's <see cref="StencilSource"/> does.</summary>
    private protected Stencil Build(string name, StencilKind kind, Action<StencilBuilder> body)
    {
        var stencil = _source.Get(name, kind, body);
        _all.Add(stencil);
        return stencil;
    }

    /// <summary>
    /// Copies a 16-byte Value as two qwords through r10/r11. Stencils write a Value as a payload
    /// qword and a tag qword; a 16-byte load of a Value written that way cannot be store-forwarded
    /// and stalls until both stores retire, while two qword loads forward from the stores.
    /// </summary>
    private protected void CopyValue(StencilBuilder b, AssemblerMemoryOperand src, AssemblerMemoryOperand dst)
    {
        b.Asm.mov(r10, __qword_ptr[src + Layout.ValuePayload]);
        b.Asm.mov(r11, __qword_ptr[src + Layout.ValueTag]);
        b.Asm.mov(__qword_ptr[dst + Layout.ValuePayload], r10);
        b.Asm.mov(__qword_ptr[dst + Layout.ValueTag], r11);
    }

    /// <summary>ecx = the element kind of the Value in frame slot <paramref name="src"/> (Lists.KindOf:
    /// its tag, or ObjectKindBase plus its object kind); clobbers rdx.</summary>
    private protected void LoadValueKind(StencilBuilder b, int src)
    {
        var l = Layout;
        var immediate = b.Asm.CreateLabel();
        b.Asm.movzx(ecx, __byte_ptr[r12 + src + l.ValueTag]);
        b.Asm.cmp(ecx, l.TagObject);
        b.Asm.jne(immediate);
        b.Asm.mov(rdx, __qword_ptr[r12 + src + l.ValuePayload]);
        b.Asm.movzx(ecx, __byte_ptr[rdx + l.HeaderKind]);
        b.Asm.add(ecx, l.ListObjectKindBase);
        b.Asm.Label(ref immediate);
    }

    /// <summary>After a cmp of two int64s "a ? b": jumps to <paramref name="target"/> when the
    /// comparison holds (signed).</summary>
    private protected static void JumpIfSigned(StencilBuilder b, Comparison c, ulong target)
    {
        switch (c)
        {
            case Comparison.Less: b.Asm.jl(target); break;
            case Comparison.LessOrEqual: b.Asm.jle(target); break;
            case Comparison.Equal: b.Asm.je(target); break;
            case Comparison.NotEqual: b.Asm.jne(target); break;
            case Comparison.Greater: b.Asm.jg(target); break;
            case Comparison.GreaterOrEqual: b.Asm.jge(target); break;
        }
    }

    /// <summary>After a ucomisd that compared "a ? b" with Less and LessOrEqual swapped (as b > a,
    /// b >= a): jumps to <paramref name="target"/> when the comparison holds, never for NaN except !=.</summary>
    private protected static void JumpIfFloat(StencilBuilder b, Comparison c, ulong target)
    {
        switch (c)
        {
            case Comparison.Less or Comparison.Greater: b.Asm.ja(target); break;
            case Comparison.LessOrEqual or Comparison.GreaterOrEqual: b.Asm.jae(target); break;
            case Comparison.NotEqual: b.Asm.jp(target); b.Asm.jne(target); break;
            case Comparison.Equal:
                var unordered = b.Asm.CreateLabel();
                b.Asm.jp(unordered);
                b.Asm.je(target);
                b.Asm.Label(ref unordered);
                b.Asm.nop(); // Iced binds a label to the next instruction; one byte of fall-through
                break;
        }
    }

    private protected Stencil[] ForEachComparison(Func<Comparison, Stencil> build) =>
        [.. Enum.GetValues<Comparison>().Select(build)];
}
