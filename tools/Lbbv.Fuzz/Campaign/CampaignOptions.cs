namespace Lbbv.Fuzz.Campaign;

/// <summary>What a fuzzing run does. <see cref="Timeout"/> is the watchdog's limit per configuration
/// of one program; <see cref="ShrinkTime"/> bounds the shrinking of each finding.</summary>
public sealed record CampaignOptions
{
    public required IReadOnlyList<long> Seeds { get; init; }
    public int Jobs { get; init; } = Math.Max(1, Environment.ProcessorCount);
    public string? OutDirectory { get; init; }
    public bool Shrink { get; init; } = true;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan ShrinkTime { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>The watchdog's limit while shrinking: a generated program runs in well under a
    /// second, but a reduction can loop forever (a while loop without its increment).</summary>
    public TimeSpan ShrinkTimeout { get; init; } = TimeSpan.FromSeconds(10);
    public int ShrinkTests { get; init; } = 3000;
    /// <summary>At most this many findings are shrunk (the rest are reported unshrunk).</summary>
    public int MaxShrunk { get; init; } = 20;
    public bool UsePython { get; init; } = Running.CPython.Available;
    public Generation.GeneratorOptions Generator { get; init; } = Generation.GeneratorOptions.Default;
}
