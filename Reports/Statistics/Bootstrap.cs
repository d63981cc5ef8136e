namespace Lbbv.Reports.Statistics;

/// <summary>Percentile bootstrap (Efron): 95% intervals for a median, a ratio of medians and a geometric
/// mean of such ratios. The generator is seeded, so the same samples always give the same interval.</summary>
public static class Bootstrap
{
    public const int Resamples = 2000;
    private const int Seed = 16;

    public static double Median(IReadOnlyList<double> samples)
    {
        if (samples.Count == 0) throw new ArgumentException("no samples", nameof(samples));
        var sorted = samples.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static double GeometricMean(IReadOnlyList<double> values) =>
        Math.Exp(values.Average(v => Math.Log(v)));

    /// <summary>The median of the samples and its interval.</summary>
    public static Estimate OfMedian(IReadOnlyList<double> samples)
    {
        var random = new Random(Seed);
        var medians = new double[Resamples];
        for (int b = 0; b < Resamples; b++) medians[b] = ResampledMedian(samples, random);
        return Interval(Median(samples), medians);
    }

    /// <summary>median(numerator) / median(denominator) and its interval (each side resampled apart).</summary>
    public static Estimate OfRatio(IReadOnlyList<double> numerator, IReadOnlyList<double> denominator) =>
        OfGeometricMeanOfRatios([(numerator, denominator)]);

    /// <summary>The geometric mean over pairs of median(numerator) / median(denominator), and its interval:
    /// every resample draws every pair's two sides again.</summary>
    public static Estimate OfGeometricMeanOfRatios(
        IReadOnlyList<(IReadOnlyList<double> Numerator, IReadOnlyList<double> Denominator)> pairs)
    {
        if (pairs.Count == 0) throw new ArgumentException("no pairs", nameof(pairs));
        double point = GeometricMean(pairs.Select(p => Median(p.Numerator) / Median(p.Denominator)).ToArray());
        var random = new Random(Seed);
        var means = new double[Resamples];
        for (int b = 0; b < Resamples; b++)
        {
            double logSum = 0;
            foreach (var (numerator, denominator) in pairs)
                logSum += Math.Log(ResampledMedian(numerator, random) / ResampledMedian(denominator, random));
            means[b] = Math.Exp(logSum / pairs.Count);
        }
        return Interval(point, means);
    }

    private static double ResampledMedian(IReadOnlyList<double> samples, Random random)
    {
        if (samples.Count == 1) return samples[0];
        Span<double> draw = samples.Count <= 256 ? stackalloc double[samples.Count] : new double[samples.Count];
        for (int i = 0; i < draw.Length; i++) draw[i] = samples[random.Next(samples.Count)];
        draw.Sort();
        int mid = draw.Length / 2;
        return draw.Length % 2 == 1 ? draw[mid] : (draw[mid - 1] + draw[mid]) / 2;
    }

    private static Estimate Interval(double point, double[] resampled)
    {
        Array.Sort(resampled);
        double low = resampled[(int)Math.Floor(0.025 * (resampled.Length - 1))];
        double high = resampled[(int)Math.Ceiling(0.975 * (resampled.Length - 1))];
        return new Estimate(point, Math.Min(low, point), Math.Max(high, point));
    }
}
