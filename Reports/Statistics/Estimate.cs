namespace Lbbv.Reports.Statistics;

/// <summary>A point estimate with its 95% confidence interval [Low, High].</summary>
public sealed record Estimate(double Value, double Low, double High)
{
    public bool Contains(double x) => Low <= x && x <= High;

    public Estimate Scale(double factor) => new(Value * factor, Low * factor, High * factor);
}

/// <summary>What a ratio's interval says, in the spirit of pyperf compare_to: a change is significant
/// only when its 95% interval excludes 1 and both sides have enough samples.</summary>
public enum Verdict { NotSignificant, Faster, Slower }

public static class Verdicts
{
    /// <summary>Fewer samples than this on either side give no verdict: a percentile bootstrap of one or
    /// two samples is a point, not an interval.</summary>
    public const int MinimumSamples = 3;

    /// <summary>The verdict on a speedup (above 1 is faster).</summary>
    public static Verdict OfSpeedup(Estimate speedup, int samplesA, int samplesB)
    {
        if (Math.Min(samplesA, samplesB) < MinimumSamples || speedup.Contains(1.0)) return Verdict.NotSignificant;
        return speedup.Low > 1.0 ? Verdict.Faster : Verdict.Slower;
    }

    public static string Name(Verdict verdict) => verdict switch
    {
        Verdict.Faster => "faster",
        Verdict.Slower => "slower",
        _ => "not significant",
    };
}
