using System.Collections.Immutable;

namespace Lbbv.Backend.Stencils;

/// <summary>
/// Machine code with holes, and its disassembly. Built once with Iced by <see cref="StencilBuilder"/>;
/// emission copies <see cref="Code"/> and patches <see cref="Holes"/>. Hole bytes are zero here.
/// </summary>
public sealed class Stencil
{
    internal Stencil(string name, StencilKind kind, byte[] code, ImmutableArray<Hole> holes,
        ImmutableArray<StencilParameter> parameters, string disassembly)
        : this(name, kind, code, holes, parameters, () => disassembly)
    {
    }

    /// <summary>A stencil whose disassembly is decoded only when asked for (prebuilt data: listings
    /// and golden files read it, emission never does).</summary>
    internal Stencil(string name, StencilKind kind, byte[] code, ImmutableArray<Hole> holes,
        ImmutableArray<StencilParameter> parameters, Func<string> disassembly)
    {
        Name = name;
        Kind = kind;
        CodeArray = code;
        Holes = holes;
        HoleArray = [.. holes];
        Parameters = parameters;
        ParameterKinds = [.. parameters.Select(p => p.Kind)];
        _disassembly = new Lazy<string>(disassembly, LazyThreadSafetyMode.PublicationOnly);
    }

    private FrameAccesses? _frameAccesses;

    /// <summary>The frame slot loads and stores in the code (decoded when first asked: only `--stats` does).</summary>
    public FrameAccesses FrameAccesses => _frameAccesses ??= Stencils.FrameAccesses.Of(CodeArray);

    private readonly Lazy<string> _disassembly;

    public string Name { get; }
    public StencilKind Kind { get; }
    public ReadOnlySpan<byte> Code => CodeArray;
    public int Size => CodeArray.Length;
    public ImmutableArray<Hole> Holes { get; }
    public ImmutableArray<StencilParameter> Parameters { get; }
    public string Disassembly => _disassembly.Value;

    // Plain arrays for the emission hot path.
    internal byte[] CodeArray { get; }
    internal Hole[] HoleArray { get; }
    internal ParameterKind[] ParameterKinds { get; }

    public override string ToString() => Name;
}
