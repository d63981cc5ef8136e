namespace Lbbv.Backend.Stencils;

/// <summary>A named parameter of a stencil; operands are given in parameter order.</summary>
public sealed record StencilParameter(string Name, ParameterKind Kind);

/// <summary>
/// A place in a stencil's bytes patched at emission, like a relocation record: <see cref="Width"/>
/// bytes at <see cref="Offset"/> receive the value of parameter <see cref="Parameter"/> plus
/// <see cref="Addend"/>. For pc-relative holes the value is relative to the address
/// <see cref="PcBias"/> bytes after the hole (the end of its instruction).
/// </summary>
public readonly record struct Hole(int Offset, int Width, int Parameter, ParameterKind Kind, int Addend, int PcBias)
{
    public bool IsPcRelative => Kind is ParameterKind.CodeTarget or ParameterKind.DataCell;
}
