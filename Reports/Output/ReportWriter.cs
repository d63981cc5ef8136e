using Lbbv.Reports.Analysis;
using Lbbv.Reports.Charts;
using Lbbv.Reports.Model;

namespace Lbbv.Reports.Output;

/// <summary>Writes a report's files into one folder: report.json, report.md, the charts (PNG) and
/// report.html.</summary>
public static class ReportWriter
{
    public static IReadOnlyList<string> Write(BenchReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        var analysis = ReportAnalyzer.Analyze(report);
        var written = new List<string>();
        void Save(string name, Action<string> write)
        {
            string path = Path.Combine(folder, name);
            write(path);
            written.Add(path);
        }
        Save("report.json", p => File.WriteAllText(p, ReportJson.Serialize(report)));
        Save("report.md", p => File.WriteAllText(p, MarkdownReport.Render(report, analysis)));
        var charts = ReportCharts.Draw(report, analysis);
        foreach (var chart in charts) Save(chart.FileName, p => File.WriteAllBytes(p, chart.Png));
        Save("report.html", p => File.WriteAllText(p, HtmlReport.Render(report, analysis, charts)));
        return written;
    }
}
