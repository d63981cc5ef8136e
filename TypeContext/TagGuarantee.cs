namespace Lbbv.Types;

/// <summary>
/// What codegen may rely on for a slot of a given abstract type: its tag lies in
/// [<see cref="LowTag"/>, <see cref="HighTag"/>] (every lattice element maps to a contiguous range,
/// so a guard is one unsigned range compare), and, when <see cref="ObjectKind"/> is set, the tag is
/// Object and the header's kind byte equals it.
/// </summary>
public readonly record struct TagGuarantee(byte LowTag, byte HighTag, byte? ObjectKind)
{
    /// <summary>The tag when exactly one tag is possible, else null.</summary>
    public byte? ExactTag => LowTag == HighTag ? LowTag : null;

    /// <summary>True when a value with this tag (and kind, for objects) satisfies the guarantee.</summary>
    public bool Admits(byte tag, byte objectKind) =>
        tag >= LowTag && tag <= HighTag && (ObjectKind is not { } kind || objectKind == kind);
}
