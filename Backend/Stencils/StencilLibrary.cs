using System.Collections.Concurrent;
using System.Text;
using Lbbv.Backend.Layout;
using Lbbv.Backend.Stencils.Families;

namespace Lbbv.Backend.Stencils;

/// <summary>
/// Every stencil, built once per process and layout with Iced (see <see cref="For"/>). At JIT
/// time nothing is assembled: emission copies these bytes and patches their holes.
/// </summary>
public sealed class StencilLibrary
{
    private static readonly ConcurrentDictionary<RuntimeLayout, Lazy<StencilLibrary>> Libraries = new();

    private StencilLibrary(RuntimeLayout layout)
    {
        layout.Validate();
        Layout = layout;
        Frame = new FrameStencils(layout);
        Guards = new GuardStencils(layout);
        Int = new IntStencils(layout);
        Float = new FloatStencils(layout);
        Compare = new CompareStencils(layout);
        Sequence = new SequenceStencils(layout);
        Attribute = new AttributeStencils(layout);
        Call = new CallStencils(layout);
        Control = new ControlStencils(layout);
        Counter = new CounterStencils(layout);
        Cell = new CellStencils(layout);
        Invoke = new InvokeStencils(layout);
        Iteration = new IterationStencils(layout);
        StencilFamily[] families = [Frame, Guards, Int, Float, Compare, Sequence, Attribute, Call, Control, Counter, Cell, Invoke, Iteration];
        All = [.. families.SelectMany(f => f.All)];
        _payloadOnly = families.SelectMany(f => f.PayloadOnly).ToDictionary();
    }

    /// <summary>The library for <paramref name="layout"/>, built on first use.</summary>
    public static StencilLibrary For(RuntimeLayout layout) =>
        Libraries.GetOrAdd(layout, l => new Lazy<StencilLibrary>(() => new StencilLibrary(l))).Value;

    public RuntimeLayout Layout { get; }
    public FrameStencils Frame { get; }
    public GuardStencils Guards { get; }
    public IntStencils Int { get; }
    public FloatStencils Float { get; }
    public CompareStencils Compare { get; }
    public SequenceStencils Sequence { get; }
    public AttributeStencils Attribute { get; }
    public CallStencils Call { get; }
    public ControlStencils Control { get; }
    public CounterStencils Counter { get; }
    public CellStencils Cell { get; }
    public InvokeStencils Invoke { get; }
    public IterationStencils Iteration { get; }

    private readonly Dictionary<Stencil, Stencil> _payloadOnly;

    /// <summary>The twin of <paramref name="stencil"/> that writes its result's payload but not its
    /// tag, or null when it has none.</summary>
    public Stencil? PayloadOnly(Stencil stencil) => _payloadOnly.GetValueOrDefault(stencil);

    /// <summary>Every stencil in a stable order.</summary>
    public IReadOnlyList<Stencil> All { get; }

    /// <summary>The golden text: every stencil's bytes, holes and disassembly.</summary>
    public string RenderGolden()
    {
        var text = new StringBuilder();
        foreach (var stencil in All)
        {
            text.Append($"== {stencil.Name} ({stencil.Kind}, {stencil.Size} bytes)\n");
            text.Append($"parameters: {string.Join(", ", stencil.Parameters.Select(p => $"{p.Name}:{p.Kind}"))}\n");
            text.Append($"bytes: {Convert.ToHexString(stencil.Code).ToLowerInvariant()}\n");
            foreach (var hole in stencil.Holes)
            {
                text.Append($"hole: +{hole.Offset} {hole.Width}B {stencil.Parameters[hole.Parameter].Name}");
                if (hole.Addend != 0) text.Append($" +{hole.Addend}");
                if (hole.IsPcRelative) text.Append($" pc+{hole.PcBias}");
                text.Append('\n');
            }
            text.Append(stencil.Disassembly);
            text.Append('\n');
        }
        return text.ToString();
    }
}
