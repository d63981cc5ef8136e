namespace Lbbv.Types;

/// <summary>
/// Tag bytes of a runtime Value. Mirrors <c>Lbbv.Runtime.Tag</c> (Interpreter/Runtime/Layout.cs)
/// by value, because this assembly has no project dependencies; change both together.
/// The order matters: Int .. Object is the range of <see cref="AbstractType.Bound"/>.
/// </summary>
public static class RuntimeTags
{
    public const byte Empty = 0;
    public const byte Int = 1;
    public const byte Float = 2;
    public const byte Bool = 3;
    public const byte None = 4;
    public const byte Object = 5;

    /// <summary>The largest valid tag.</summary>
    public const byte Max = Object;
}

/// <summary>
/// Object kind bytes (header offset 0) that the lattice distinguishes. Mirrors
/// <c>Lbbv.Runtime.ObjectKind</c> by value; kinds not listed map to <see cref="AbstractType.Heap"/>.
/// </summary>
public static class RuntimeObjectKinds
{
    public const byte BigInt = 1;
    public const byte Str = 2;
    public const byte List = 3;
    public const byte Tuple = 4;
    public const byte Dict = 5;
    public const byte Instance = 8;
    public const byte Function = 10;
    public const byte Iterator = 17;
}
