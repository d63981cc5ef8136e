using System.Globalization;
using Lbbv.Reports.Statistics;

namespace Lbbv.Reports.Output;

/// <summary>How the tables write numbers: a median with its interval, a speedup with its verdict.</summary>
public static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Seconds(Estimate? e) => e is null ? "-" : Interval(e, "F3", 1);

    public static string Milliseconds(Estimate? e) => e is null ? "-" : Interval(e, "F1", 1000);

    public static string Milliseconds(double? seconds) =>
        seconds is null ? "-" : (seconds.Value * 1000).ToString("F1", Invariant);

    /// <summary>`5.21x [5.02, 5.40] faster`; the verdict is left out of the baseline's own column.</summary>
    public static string Speedup(Estimate? e, Verdict? verdict) =>
        e is null ? "-" : $"{e.Value.ToString("F2", Invariant)}x [{e.Low.ToString("F2", Invariant)}, "
            + $"{e.High.ToString("F2", Invariant)}]" + (verdict is { } v ? " " + Verdicts.Name(v) : "");

    public static string Percent(double? share) =>
        share is null ? "-" : (share.Value * 100).ToString("F1", Invariant) + "%";

    public static string Number(double? value, string format) =>
        value is null ? "-" : value.Value.ToString(format, Invariant);

    private static string Interval(Estimate e, string format, double scale) =>
        $"{(e.Value * scale).ToString(format, Invariant)} [{(e.Low * scale).ToString(format, Invariant)}, "
        + $"{(e.High * scale).ToString(format, Invariant)}]";
}
