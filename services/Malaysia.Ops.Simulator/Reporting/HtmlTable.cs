using System.Globalization;
using System.Text;

namespace Malaysia.Ops.Simulator.Reporting;

/// <summary>A column of a report table; numeric columns are right-aligned with figures of one
/// width, so magnitudes line up down the column, and prose columns keep a readable width
/// beside many narrow ones. Neighbouring columns of one <paramref name="Group"/> share a
/// heading above theirs ("Resolved in time" over "Sev1", "Sev2", …), which keeps the headings
/// of a wide table short.</summary>
internal sealed record TableColumn(string Heading, bool Numeric = false, string? Group = null, bool Prose = false);

/// <summary>A cell's text, optionally in the warning colour (an escalation, a breach).</summary>
internal sealed record TableCell(string Text, bool Warning = false);

/// <summary>A table of report.html: encoded text only, headings in a <c>thead</c> with
/// <c>scope</c> so screen readers name each cell's column.</summary>
internal sealed class HtmlTable(IReadOnlyList<TableColumn> columns)
{
    private readonly StringBuilder rows = new();

    /// <summary>A row of plain cells.</summary>
    public void Add(params string[] cells) => Add(null, cells.Select(c => new TableCell(c)).ToArray());

    /// <summary>A row with a CSS class of its own (the run's row among the comparisons).</summary>
    public void Add(string? rowClass, IReadOnlyList<TableCell> cells)
    {
        rows.Append(rowClass is null ? "<tr>" : $"<tr class=\"{rowClass}\">");
        for (var i = 0; i < cells.Count; i++)
        {
            var classes = string.Join(' ', new[] { columns[i].Numeric ? "n" : null, columns[i].Prose ? "prose" : null, cells[i].Warning ? "warn" : null }.OfType<string>());
            rows.Append(classes.Length == 0 ? "<td>" : $"<td class=\"{classes}\">").Append(ReportFormat.Encode(cells[i].Text)).Append("</td>");
        }

        rows.Append("</tr>\n");
    }

    public override string ToString()
    {
        // Wide tables scroll sideways within the page rather than widen it.
        var table = new StringBuilder("<div class=\"table\"><table>\n<thead>");
        if (columns.Any(c => c.Group is not null))
        {
            GroupedHeadings(table);
        }
        else
        {
            table.Append("<tr>");
            foreach (var column in columns)
            {
                Heading(table, column, column.Heading, span: null);
            }

            table.Append("</tr>");
        }

        return table.Append("</thead>\n<tbody>\n").Append(rows).Append("</tbody>\n</table></div>\n").ToString();
    }

    /// <summary>Two heading rows: each group's heading over its columns, and the columns of no
    /// group spanning both rows.</summary>
    private void GroupedHeadings(StringBuilder table)
    {
        table.Append("<tr>");
        for (var i = 0; i < columns.Count;)
        {
            var column = columns[i];
            if (column.Group is null)
            {
                Heading(table, column, column.Heading, "rowspan=\"2\"");
                i++;
                continue;
            }

            var width = columns.Skip(i).TakeWhile(c => c.Group == column.Group).Count();
            table.Append("<th scope=\"colgroup\" colspan=\"").Append(width.ToString(CultureInfo.InvariantCulture)).Append("\" class=\"group\">").Append(ReportFormat.Encode(column.Group)).Append("</th>");
            i += width;
        }

        table.Append("</tr>\n<tr>");
        foreach (var column in columns.Where(c => c.Group is not null))
        {
            Heading(table, column, column.Heading, span: null);
        }

        table.Append("</tr>");
    }

    private static void Heading(StringBuilder table, TableColumn column, string text, string? span)
    {
        table.Append("<th scope=\"col\"");
        if (span is not null)
        {
            table.Append(' ').Append(span);
        }

        table.Append(column.Numeric ? " class=\"n\">" : ">").Append(ReportFormat.Encode(text)).Append("</th>");
    }
}
