using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Lbbv.Backend.Stencils;

/// <summary>
/// Machine code with holes, and its disassembly. Built once with Iced by <see cref="StencilBuilder"/>;
/// emission copies <see cref="Code"/> and patches <see cref="Holes"/>. Hole bytes are zero here.
/// A stencil taken from prebuilt data keeps only its place in the data until its code, holes or
/// parameters are first asked for (a short script's compilation uses a few dozen of the ~770).
/// </summary>
public sealed class Stencil
{
    private StencilBody? _body;
    private readonly StencilBytes? _data; // the prebuilt data holding the undecoded body, if any
    private readonly int _bodyStart;
    private string? _disassembly;

    internal Stencil(string name, StencilKind kind, byte[] code, ImmutableArray<Hole> holes,
        ImmutableArray<StencilParameter> parameters, string disassembly)
    {
        Name = name;
        Kind = kind;
        _body = new StencilBody(code, [.. holes], [.. parameters], disassemblyStart: -1);
        _disassembly = disassembly;
    }

    /// <summary>A stencil whose body is the record at <paramref name="bodyStart"/> in
    /// <paramref name="data"/> (<see cref="StencilData"/>), decoded when first used.</summary>
    internal Stencil(string name, StencilKind kind, StencilBytes data, int bodyStart)
    {
        Name = name;
        Kind = kind;
        _data = data;
        _bodyStart = bodyStart;
    }

    private FrameAccesses? _frameAccesses;

    /// <summary>The frame slot loads and stores in the code (decoded when first asked: only `--stats` does).</summary>
    public FrameAccesses FrameAccesses => _frameAccesses ??= Stencils.FrameAccesses.Of(CodeArray);

    public string Name { get; }
    public StencilKind Kind { get; }
    public ReadOnlySpan<byte> Code => CodeArray;
    public int Size => CodeArray.Length;
    public ImmutableArray<Hole> Holes => Body.ImmutableHoles;
    public ImmutableArray<StencilParameter> Parameters => Body.ImmutableParameters;

    /// <summary>Listings and golden files read it, emission never does: prebuilt data decodes it when asked.</summary>
    public string Disassembly => _disassembly ??= StencilData.ReadDisassembly(_data!(), Body.DisassemblyStart);

    // Plain arrays for the emission hot path.
    internal byte[] CodeArray => Body.Code;
    internal Hole[] HoleArray => Body.Holes;
    internal ParameterKind[] ParameterKinds => Body.ParameterKinds;

    /// <summary>The twin that writes the result's payload but not its tag
    /// (<see cref="Families.StencilFamily"/>).</summary>
    internal Stencil? PayloadOnly { get; set; }

    /// <summary>Whether the body has been decoded (always, for an assembled stencil).</summary>
    internal bool IsDecoded => Volatile.Read(ref _body) is not null;

    private StencilBody Body => _body ?? Decode();

    private StencilBody Decode()
    {
        // Two threads may decode the same record; both get the first one published.
        var body = StencilData.ReadBody(_data!(), _bodyStart);
        return Interlocked.CompareExchange(ref _body, body, null) ?? body;
    }

    public override string ToString() => Name;
}

/// <summary>What emission reads of a stencil: its bytes, holes and parameters. <see cref="DisassemblyStart"/>
/// is where the disassembly's record starts in prebuilt data (-1 for an assembled stencil).</summary>
internal sealed class StencilBody(byte[] code, Hole[] holes, StencilParameter[] parameters, int disassemblyStart)
{
    public byte[] Code { get; } = code;
    public Hole[] Holes { get; } = holes;
    public ParameterKind[] ParameterKinds { get; } = KindsOf(parameters);
    public int DisassemblyStart { get; } = disassemblyStart;
    // Views of the same arrays, which nothing writes once the body is built.
    public ImmutableArray<Hole> ImmutableHoles { get; } = ImmutableCollectionsMarshal.AsImmutableArray(holes);
    public ImmutableArray<StencilParameter> ImmutableParameters { get; } =
        ImmutableCollectionsMarshal.AsImmutableArray(parameters);

    private static ParameterKind[] KindsOf(StencilParameter[] parameters)
    {
        var kinds = new ParameterKind[parameters.Length];
        for (int i = 0; i < kinds.Length; i++) kinds[i] = parameters[i].Kind;
        return kinds;
    }
}
