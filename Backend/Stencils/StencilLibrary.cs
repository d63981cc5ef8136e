using System.Collections.Concurrent;
using System.Text;
using Lbbv.Backend.Layout;
using Lbbv.Backend.Stencils.Families;

namespace Lbbv.Backend.Stencils;

/// <summary>
/// Every stencil, for one runtime layout. Written by the builders with Iced (<see cref="For"/>),
/// or loaded from the data the builders wrote at build time (<see cref="Load"/>, what the VM does:
/// no assembling at start-up). At JIT time nothing is assembled either way: emission copies these
/// bytes and patches their holes. Each family is built when first asked for (a short script's
/// compilation needs a few of them), in a thread-safe way: every caller gets the same stencils.
/// </summary>
public sealed class StencilLibrary
{
    private static readonly ConcurrentDictionary<RuntimeLayout, Lazy<StencilLibrary>> Libraries = new();

    /// <summary>The families in library order (the order of <see cref="All"/> and of the data).</summary>
    internal static readonly string[] FamilyNames =
    [
        "Frame", "Guards", "Int", "Float", "Compare", "Sequence", "Attribute", "Call", "Control", "Counter", "Cell",
        "Invoke", "Iteration", "Link", "Xmm", "ListKind", "Gpr", "Allocation",
    ];

    private readonly Func<string, StencilSource> _sourceOf;

    private StencilLibrary(RuntimeLayout layout, Func<string, StencilSource> sourceOf)
    {
        layout.Validate();
        Layout = layout;
        _sourceOf = sourceOf;
        _all = new Lazy<IReadOnlyList<Stencil>>(() => [.. Families().SelectMany(f => f.All)]);
    }

    /// <summary>The library for <paramref name="layout"/>, written with Iced on first use.</summary>
    public static StencilLibrary For(RuntimeLayout layout) =>
        Libraries.GetOrAdd(layout,
            l => new Lazy<StencilLibrary>(() => new StencilLibrary(l, _ => new AssemblingStencilSource()))).Value;

    /// <summary>
    /// The library for <paramref name="layout"/> from <paramref name="data"/> (<see cref="Serialize"/>'s
    /// output): the family code runs as in <see cref="For"/>, but each stencil is taken from the data
    /// instead of being assembled. Throws if the data was written for another layout or other families;
    /// a family whose data does not hold exactly the stencils its builders make throws when first built.
    /// </summary>
    public static StencilLibrary Load(RuntimeLayout layout, byte[] data) => Load(layout, () => data);

    /// <inheritdoc cref="Load(RuntimeLayout, byte[])"/>
    public static StencilLibrary Load(RuntimeLayout layout, StencilBytes data)
    {
        var (dataLayout, families) = StencilData.ReadIndex(data());
        if (dataLayout != layout.ToString()) throw PrebuiltStencilSource.Stale("was written for another runtime layout");
        if (!families.Select(f => f.Name).SequenceEqual(FamilyNames))
            throw PrebuiltStencilSource.Stale($"has the families {string.Join(", ", families.Select(f => f.Name))}");
        return new StencilLibrary(layout,
            name => new PrebuiltStencilSource(data, families[Array.IndexOf(FamilyNames, name)]));
    }

    /// <summary>Every stencil and the layout they were built for, as <see cref="Load"/> reads them.</summary>
    public byte[] Serialize() => StencilData.Write(Layout.ToString(), StencilsByFamily());

    /// <summary>Each family's name and stencils, in library order (builds every family).</summary>
    internal IReadOnlyList<(string Name, IReadOnlyList<Stencil> Stencils)> StencilsByFamily() =>
        [.. Families().Select((f, i) => (FamilyNames[i], f.All))];

    public RuntimeLayout Layout { get; }
    public FrameStencils Frame => Built(ref _frame, "Frame", static (l, s) => new FrameStencils(l, s));
    public GuardStencils Guards => Built(ref _guards, "Guards", static (l, s) => new GuardStencils(l, s));
    public IntStencils Int => Built(ref _int, "Int", static (l, s) => new IntStencils(l, s));
    public FloatStencils Float => Built(ref _float, "Float", static (l, s) => new FloatStencils(l, s));
    public CompareStencils Compare => Built(ref _compare, "Compare", static (l, s) => new CompareStencils(l, s));
    public SequenceStencils Sequence => Built(ref _sequence, "Sequence", static (l, s) => new SequenceStencils(l, s));
    public AttributeStencils Attribute =>
        Built(ref _attribute, "Attribute", static (l, s) => new AttributeStencils(l, s));
    public CallStencils Call => Built(ref _call, "Call", static (l, s) => new CallStencils(l, s));
    public ControlStencils Control => Built(ref _control, "Control", static (l, s) => new ControlStencils(l, s));
    public CounterStencils Counter => Built(ref _counter, "Counter", static (l, s) => new CounterStencils(l, s));
    public CellStencils Cell => Built(ref _cell, "Cell", static (l, s) => new CellStencils(l, s));
    public InvokeStencils Invoke => Built(ref _invoke, "Invoke", static (l, s) => new InvokeStencils(l, s));
    public IterationStencils Iteration =>
        Built(ref _iteration, "Iteration", static (l, s) => new IterationStencils(l, s));
    /// <summary>Small objects allocated and freed by machine code (range iterators of `for` loops).</summary>
    public AllocationStencils Allocation =>
        Built(ref _allocation, "Allocation", static (l, s) => new AllocationStencils(l, s));
    public LinkStencils Link => Built(ref _link, "Link", static (l, s) => new LinkStencils(l, s));
    /// <summary>The register cache's variants (floats in xmm8–xmm11 between stencils).</summary>
    public XmmStencils Xmm => Built(ref _xmm, "Xmm", static (l, s) => new XmmStencils(l, s));
    public GprStencils Gpr => Built(ref _gpr, "Gpr", static (l, s) => new GprStencils(l, s));
    public ListKindStencils ListKind => Built(ref _listKind, "ListKind", static (l, s) => new ListKindStencils(l, s));

    private FrameStencils? _frame;
    private GuardStencils? _guards;
    private IntStencils? _int;
    private FloatStencils? _float;
    private CompareStencils? _compare;
    private SequenceStencils? _sequence;
    private AttributeStencils? _attribute;
    private CallStencils? _call;
    private ControlStencils? _control;
    private CounterStencils? _counter;
    private CellStencils? _cell;
    private InvokeStencils? _invoke;
    private IterationStencils? _iteration;
    private AllocationStencils? _allocation;
    private LinkStencils? _link;
    private XmmStencils? _xmm;
    private GprStencils? _gpr;
    private ListKindStencils? _listKind;
    private readonly Lazy<IReadOnlyList<Stencil>> _all;

    /// <summary>Every family, in <see cref="FamilyNames"/> order (builds those not built yet).</summary>
    private StencilFamily[] Families() =>
    [
        Frame, Guards, Int, Float, Compare, Sequence, Attribute, Call, Control, Counter, Cell, Invoke, Iteration,
        Link, Xmm, ListKind, Gpr, Allocation,
    ];

    /// <summary>The families built so far (tests: a family nobody asked for is never built).</summary>
    internal int BuiltFamilyCount =>
        new object?[]
        {
            _frame, _guards, _int, _float, _compare, _sequence, _attribute, _call, _control, _counter, _cell, _invoke,
            _iteration, _allocation, _link, _xmm, _gpr, _listKind,
        }.Count(f => f is not null);

    private T Built<T>(ref T? family, string name, Func<RuntimeLayout, StencilSource, T> build) where T : StencilFamily
    {
        if (Volatile.Read(ref family) is { } built) return built;
        var source = _sourceOf(name);
        var made = build(Layout, source);
        source.CheckAllTaken();
        // Two threads may build the same family; both get the first one published.
        return Interlocked.CompareExchange(ref family, made, null) ?? made;
    }

    /// <summary>The twin of <paramref name="stencil"/> that writes its result's payload but not its
    /// tag, or null when it has none.</summary>
    public Stencil? PayloadOnly(Stencil stencil) => stencil.PayloadOnly;

    /// <summary>Every stencil in a stable order (builds every family).</summary>
    public IReadOnlyList<Stencil> All => _all.Value;

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
