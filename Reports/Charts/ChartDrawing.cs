using ScottPlot;

namespace Lbbv.Reports.Charts;

/// <summary>Draws the report's two kinds of chart with ScottPlot: grouped bars with interval error bars, and
/// line series.</summary>
public static class ChartDrawing
{
    private const int Height = 480;
    private static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    /// <summary>Bars grouped by label (one per series), with error bars where a value has an interval and a
    /// dashed reference line (1 for speedups) when given.</summary>
    public static byte[] GroupedBars(string title, string yLabel, IReadOnlyList<string> groups,
        IReadOnlyList<Series> series, double? referenceLine)
    {
        using var plot = new Plot();
        double width = 0.8 / Math.Max(1, series.Count);
        for (int s = 0; s < series.Count; s++)
        {
            var bars = new List<Bar>();
            var (xs, ys, up, down) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
            for (int g = 0; g < groups.Count; g++)
            {
                if (series[s].Values[g] is not { } v) continue;
                double x = g + (s - (series.Count - 1) / 2.0) * width;
                bars.Add(new Bar
                {
                    Position = x, Value = v.Value, Size = width * 0.95, FillColor = Palette.GetColor(s),
                });
                if (v.Low is { } low && v.High is { } high)
                {
                    xs.Add(x); ys.Add(v.Value); up.Add(high - v.Value); down.Add(v.Value - low);
                }
            }
            var barPlot = plot.Add.Bars(bars);
            barPlot.LegendText = series[s].Name;
            if (xs.Count > 0)
            {
                var zeros = xs.Select(_ => 0.0).ToList();
                var errors = new ScottPlot.Plottables.ErrorBar(xs, ys, zeros, zeros, up, down) { LineWidth = 1.5f };
                errors.LineColor = Colors.Black;
                plot.PlottableList.Add(errors);
            }
        }
        if (referenceLine is { } r) plot.Add.HorizontalLine(r, 1, Colors.Gray, LinePattern.Dashed);
        plot.Axes.Margins(bottom: 0);
        LabelGroups(plot, groups);
        return Finish(plot, title, yLabel, Math.Max(800, 200 + groups.Count * (40 + 14 * series.Count)));
    }

    /// <summary>One line per series over x = 1, 2, ... (a warm-up curve).</summary>
    public static byte[] Lines(string title, string xLabel, string yLabel,
        IReadOnlyList<(string Name, IReadOnlyList<double> Ys)> lines)
    {
        using var plot = new Plot();
        for (int i = 0; i < lines.Count; i++)
        {
            var xs = Enumerable.Range(1, lines[i].Ys.Count).Select(x => (double)x).ToArray();
            var scatter = plot.Add.ScatterLine(xs, lines[i].Ys.ToArray(), Palette.GetColor(i));
            scatter.MarkerSize = 6;
            scatter.LegendText = lines[i].Name;
        }
        plot.XLabel(xLabel);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.SetLimitsY(0, Math.Max(1e-9, lines.SelectMany(l => l.Ys).DefaultIfEmpty(1).Max() * 1.1));
        return Finish(plot, title, yLabel, 800);
    }

    private static void LabelGroups(Plot plot, IReadOnlyList<string> groups)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual(
            groups.Select((_, i) => (double)i).ToArray(), groups.ToArray());
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 20 + 7.5f * groups.DefaultIfEmpty("").Max(g => g.Length);
        plot.Axes.SetLimitsX(-0.6, groups.Count - 0.4);
        plot.HideGrid();
    }

    private static byte[] Finish(Plot plot, string title, string yLabel, int width)
    {
        plot.Title(title);
        plot.YLabel(yLabel);
        plot.ShowLegend(Edge.Right);
        return plot.GetImageBytes(width, Height, ImageFormat.Png);
    }
}
