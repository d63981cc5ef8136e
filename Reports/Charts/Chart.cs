namespace Lbbv.Reports.Charts;

/// <summary>A chart of the report: a PNG file in the output folder, embedded in report.html.</summary>
public sealed record Chart(string FileName, string Title, byte[] Png);

/// <summary>One bar of a grouped bar chart: its value and, when known, its 95% interval.</summary>
public readonly record struct BarValue(double Value, double? Low = null, double? High = null);

/// <summary>A series of a chart: one engine's values, one per group (null where it has none).</summary>
public sealed record Series(string Name, IReadOnlyList<BarValue?> Values);
