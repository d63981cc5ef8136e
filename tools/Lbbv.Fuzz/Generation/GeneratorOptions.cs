namespace Lbbv.Fuzz.Generation;

/// <summary>Constructs the generator leaves out by default because the runtime has a known bug in
/// them (docs/FUZZING.md, "Known bugs avoided"); each can be switched on to check a fix.</summary>
public sealed record GeneratorOptions
{
    /// <summary>Assign class attributes and methods mid-loop (`K0.kind = 3`, `K0.m = K1.m`). Off:
    /// a class attribute assignment does not invalidate cached method lookups (being fixed).</summary>
    public bool ClassAttributes { get; init; }

    public static GeneratorOptions Default { get; } = new();
}
