namespace Lbbv.Types;

/// <summary>How an existing block version's context relates to an incoming context.</summary>
public enum DiffKind : byte
{
    /// <summary>Same type in every slot: the version is exactly what incoming code wants.</summary>
    Exact,
    /// <summary>The version's assumptions all hold, but it is less precise in some slots.</summary>
    Compatible,
    /// <summary>The version assumes something the incoming context does not guarantee.</summary>
    Incompatible,
}

/// <summary>
/// Result of <see cref="TypeContext.Diff"/>. Ordered best first: Exact, then Compatible by
/// ascending <see cref="Cost"/>, then Incompatible; pick the version with the smallest diff.
/// </summary>
public readonly record struct ContextDiff : IComparable<ContextDiff>
{
    private ContextDiff(DiffKind kind, int cost)
    {
        Kind = kind;
        Cost = cost;
    }

    public DiffKind Kind { get; }

    /// <summary>Lattice levels the version gives up, summed over slots (0 when Exact, meaningless when Incompatible).</summary>
    public int Cost { get; }

    public static ContextDiff Exact => new(DiffKind.Exact, 0);
    public static ContextDiff Incompatible => new(DiffKind.Incompatible, 0);

    public static ContextDiff Compatible(int cost)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cost);
        return new(DiffKind.Compatible, cost);
    }

    /// <summary>True when incoming code may jump to the version (Exact or Compatible).</summary>
    public bool IsUsable => Kind != DiffKind.Incompatible;

    public int CompareTo(ContextDiff other) =>
        Kind != other.Kind ? Kind.CompareTo(other.Kind) : Cost.CompareTo(other.Cost);

    public static bool operator <(ContextDiff a, ContextDiff b) => a.CompareTo(b) < 0;
    public static bool operator >(ContextDiff a, ContextDiff b) => a.CompareTo(b) > 0;
    public static bool operator <=(ContextDiff a, ContextDiff b) => a.CompareTo(b) <= 0;
    public static bool operator >=(ContextDiff a, ContextDiff b) => a.CompareTo(b) >= 0;

    public override string ToString() => Kind switch
    {
        DiffKind.Compatible => $"Compatible({Cost})",
        _ => Kind.ToString(),
    };
}
