using System.Text;
using Lbbv.Reports.Analysis;
using Lbbv.Reports.Model;

namespace Lbbv.Reports.Output;

/// <summary>report.md: the header and every table, ready to paste into bench/README.md.</summary>
public static class MarkdownReport
{
    public static string Render(BenchReport report, ReportAnalysis analysis)
    {
        var text = new StringBuilder("# Lbbv benchmark report\n\n");
        foreach (var line in ReportHeader.Lines(report)) text.Append(line).Append("  \n");
        text.Append('\n');
        foreach (var table in Tables(report, analysis))
        {
            text.Append("## ").Append(table.Title).Append("\n\n");
            text.Append(table.Note).Append("\n\n");
            text.Append(MarkdownTable.Render(table)).Append('\n');
        }
        return text.ToString();
    }

    public static IEnumerable<Table> Tables(BenchReport report, ReportAnalysis analysis)
    {
        yield return ReportTables.Engines(report);
        yield return ReportTables.WholeProcess(report, analysis, ReportTables.WallTime);
        if (report.Benchmarks.Any(b => b.Results.Any(r => r.Process.CpuSeconds.Count > 0)))
            yield return ReportTables.WholeProcess(report, analysis, ReportTables.CpuTime);
        if (ReportTables.InProcess(report, analysis) is { } inProcess) yield return inProcess;
        foreach (var counters in ReportTables.Counters(report, analysis)) yield return counters;
        if (ReportTables.Failures(report) is { } failures) yield return failures;
    }
}
