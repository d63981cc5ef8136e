using System.Text;
using Lbbv.Reports.Analysis;
using Lbbv.Reports.Charts;
using Lbbv.Reports.Model;

namespace Lbbv.Reports.Output;

/// <summary>report.html: one self-contained page (charts as data URIs, no external resource). A script records
/// load errors and every chart's natural size into #page-check once the page has loaded, so a headless
/// browser's DOM dump shows whether every chart rendered.</summary>
public static class HtmlReport
{
    public static string Render(BenchReport report, ReportAnalysis analysis, IReadOnlyList<Chart> charts)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<title>Lbbv benchmark report</title>\n<style>\n").Append(Style).Append("</style>\n");
        html.Append("<script>\n").Append(CheckScript).Append("</script>\n</head>\n<body>\n");
        html.Append("<h1>Lbbv benchmark report</h1>\n<p>");
        html.AppendJoin("<br>\n", ReportHeader.Lines(report).Select(Html.Encode)).Append("</p>\n");
        foreach (var table in MarkdownReport.Tables(report, analysis))
        {
            html.Append("<h2>").Append(Html.Encode(table.Title)).Append("</h2>\n");
            html.Append("<p class=\"note\">").Append(Html.Encode(table.Note)).Append("</p>\n");
            html.Append(HtmlTable.Render(table));
        }
        html.Append("<h2>Charts</h2>\n");
        for (int i = 0; i < charts.Count; i++)
        {
            html.Append("<figure><img class=\"chart\" id=\"chart-").Append(i).Append("\" data-file=\"")
                .Append(Html.Encode(charts[i].FileName)).Append("\" alt=\"").Append(Html.Encode(charts[i].Title))
                .Append("\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(charts[i].Png)).Append("\">")
                .Append("<figcaption>").Append(Html.Encode(charts[i].Title)).Append("</figcaption></figure>\n");
        }
        AppendAllCounters(html, report);
        html.Append("<pre id=\"page-check\">pending</pre>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Every counter key of every engine, benchmarks as columns, folded away.</summary>
    private static void AppendAllCounters(StringBuilder html, BenchReport report)
    {
        foreach (var engine in report.Engines.Select(e => e.Name))
        {
            var withCounters = report.Benchmarks.Where(b => b.For(engine)?.Counters is { Count: > 0 }).ToList();
            if (withCounters.Count == 0) continue;
            var keys = withCounters.SelectMany(b => b.For(engine)!.Counters!.Keys).Distinct().ToList();
            var rows = keys.Select(k => new TableRow([k, .. withCounters.Select(b =>
                b.For(engine)!.Counters!.TryGetValue(k, out var v) ? Format.Number(v, "N0") : "-")])).ToList();
            var table = new Table("", "", ["counter", .. withCounters.Select(b => b.Name)], rows);
            html.Append("<details><summary>All counters: ").Append(Html.Encode(engine)).Append("</summary>\n")
                .Append(HtmlTable.Render(table)).Append("</details>\n");
        }
    }

    private const string Style = """
        body { font-family: sans-serif; margin: 2em; color: #222; }
        table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 0.9em; }
        th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; }
        th { background: #f0f0f0; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr.summary td { font-weight: bold; }
        p.note { color: #555; max-width: 60em; }
        figure { display: inline-block; margin: 1em; }
        img.chart { max-width: 100%; border: 1px solid #ddd; }

        """;

    private const string CheckScript = """
        var pageErrors = [];
        window.addEventListener('error', function (e) {
          pageErrors.push(e.target && e.target.tagName ? 'failed to load ' + e.target.tagName + ' ' + e.target.id
                                                       : String(e.message));
        }, true);
        window.addEventListener('load', function () {
          var images = Array.prototype.map.call(document.querySelectorAll('img.chart'), function (img) {
            return { id: img.id, file: img.dataset.file, complete: img.complete,
                     width: img.naturalWidth, height: img.naturalHeight };
          });
          document.getElementById('page-check').textContent = JSON.stringify({ errors: pageErrors, images: images });
        });

        """;
}
