using System.Collections.Concurrent;
using System.Text;
using Lbbv.Backend.Layout;
using Lbbv.Backend.Stencils.Families;

namespace Lbbv.Backend.Stencils;

/// <summary>
/// Every stencil, for one runtime layout. Written by the builders with Iced (<see cref="For"/>),
/// or loaded from the data the builders wrote at build time (<see cref="Load"/>, what the VM does:
/// no assembling at start-up). At JIT time nothing is assembled either way: emission copies these
/// bytes and patches their holes.
/// </summary>
public sealed class StencilLibrary
{
    private static readonly ConcurrentDictionary<RuntimeLayout, Lazy<StencilLibrary>> Libraries = new();

    private StencilLibrary(RuntimeLayout layout, StencilSource source)
    {
        layout.Validate();
        Layout = layout;
        Frame = new FrameStencils(layout, source);
        Guards = new GuardStencils(layout, source);
        Int = new IntStencils(layout, source);
        Float = new FloatStencils(layout, source);
        Compare = new CompareStencils(layout, source);
        Sequence = new SequenceStencils(layout, source);
        Attribute = new AttributeStencils(layout, source);
        Call = new CallStencils(layout, source);
        Control = new ControlStencils(layout, source);
        Counter = new CounterStencils(layout, source);
        Cell = new CellStencils(layout, source);
        Invoke = new InvokeStencils(layout, source);
        Iteration = new IterationStencils(layout, source);
        Link = new LinkStencils(layout, source);
        Xmm = new XmmStencils(layout, source);
        ListKind = new ListKindStencils(layout, source);
        Gpr = new GprStencils(layout, source);
        Allocation = new AllocationStencils(layout, source);
        StencilFamily[] families =
        [
            Frame, Guards, Int, Float, Compare, Sequence, Attribute, Call, Control, Counter, Cell, Invoke, Iteration,
            Link, Xmm, ListKind, Gpr, Allocation,
        ];
        All = [.. families.SelectMany(f => f.All)];
        _payloadOnly = families.SelectMany(f => f.PayloadOnly).ToDictionary();
    }

    /// <summary>The library for <paramref name="layout"/>, written with Iced on first use.</summary>
    public static StencilLibrary For(RuntimeLayout layout) =>
        Libraries.GetOrAdd(layout, l => new Lazy<StencilLibrary>(() => new StencilLibrary(l, new AssemblingStencilSource()))).Value;

    /// <summary>
    /// The library for <paramref name="layout"/> from <paramref name="data"/> (<see cref="Serialize"/>'s
    /// output): the family code runs as in <see cref="For"/>, but each stencil is taken from the data
    /// instead of being assembled. Throws if the data was written for another layout or does not hold
    /// exactly the stencils the builders make.
    /// </summary>
    public static StencilLibrary Load(RuntimeLayout layout, byte[] data)
    {
        var (dataLayout, stencils) = StencilData.Read(data);
        if (dataLayout != layout.ToString()) throw PrebuiltStencilSource.Stale("was written for another runtime layout");
        var source = new PrebuiltStencilSource(stencils);
        var library = new StencilLibrary(layout, source);
        source.CheckAllTaken();
        return library;
    }

    /// <summary>Every stencil and the layout they were built for, as <see cref="Load"/> reads them.</summary>
    public byte[] Serialize() => StencilData.Write(Layout.ToString(), All);

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
    /// <summary>Small objects allocated and freed by machine code (range iterators of `for` loops).</summary>
    public AllocationStencils Allocation { get; }
    public LinkStencils Link { get; }
    /// <summary>The register cache's variants (floats in xmm8–xmm11 between stencils).</summary>
    public XmmStencils Xmm { get; }
    public GprStencils Gpr { get; }
    public ListKindStencils ListKind { get; }

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
