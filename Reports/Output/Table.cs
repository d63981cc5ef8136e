namespace Lbbv.Reports.Output;

/// <summary>A report table, rendered as Markdown (report.md) or HTML (report.html). The first TextColumns columns
/// are text; the others are right-aligned numbers. Summary rows (geometric means) are emphasized.</summary>
public sealed record Table(string Title, string Note, IReadOnlyList<string> Headers, IReadOnlyList<TableRow> Rows,
    int TextColumns = 1);

public sealed record TableRow(IReadOnlyList<string> Cells, bool Summary = false);

public static class MarkdownTable
{
    public static string Render(Table table)
    {
        var text = new System.Text.StringBuilder();
        text.Append("| ").AppendJoin(" | ", table.Headers.Select(Escape)).Append(" |\n");
        var alignments = table.Headers.Select((_, i) => i < table.TextColumns ? "|---" : "|---:");
        text.Append(string.Concat(alignments)).Append("|\n");
        foreach (var row in table.Rows)
        {
            var cells = row.Cells.Select(Escape).Select(c => row.Summary && c.Length > 0 ? $"**{c}**" : c);
            text.Append("| ").AppendJoin(" | ", cells).Append(" |\n");
        }
        return text.ToString();
    }

    private static string Escape(string cell) => cell.Replace("|", "\\|").Replace("\n", " ");
}

public static class HtmlTable
{
    public static string Render(Table table)
    {
        var html = new System.Text.StringBuilder("<table>\n<thead><tr>");
        foreach (var header in table.Headers) html.Append("<th>").Append(Html.Encode(header)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append(row.Summary ? "<tr class=\"summary\">" : "<tr>");
            for (int i = 0; i < row.Cells.Count; i++)
                html.Append(i < table.TextColumns ? "<td>" : "<td class=\"num\">")
                    .Append(Html.Encode(row.Cells[i])).Append("</td>");
            html.Append("</tr>\n");
        }
        return html.Append("</tbody>\n</table>\n").ToString();
    }
}

public static class Html
{
    public static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);
}
