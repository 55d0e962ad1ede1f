using System.Text;

namespace Malaysia.Ops.Simulator.Reporting;

/// <summary>
/// One inline SVG chart of report.html, drawn in a fixed coordinate space that scales with the
/// page. It carries a title and a description that screen readers announce instead of the
/// shapes; colours come from the document's stylesheet through CSS classes.
/// </summary>
internal sealed class SvgChart(string id, double width, double height, string title, string description)
{
    // A generous average width of a 12px label, so legend entries never run into each other.
    private const double LegendCharacterWidth = 7.5;

    private readonly StringBuilder shapes = new();

    public double Width { get; } = width;

    public double Height { get; } = height;

    public void Rect(double x, double y, double width, double height, string cssClass, string? tooltip = null)
    {
        shapes.Append("<rect x=\"").Append(ReportFormat.Number(x))
            .Append("\" y=\"").Append(ReportFormat.Number(y))
            .Append("\" width=\"").Append(ReportFormat.Number(Math.Max(0, width)))
            .Append("\" height=\"").Append(ReportFormat.Number(Math.Max(0, height)))
            .Append("\" class=\"").Append(cssClass).Append('"');
        CloseWithTooltip("rect", tooltip);
    }

    public void Line(double x1, double y1, double x2, double y2, string cssClass)
    {
        shapes.Append("<line x1=\"").Append(ReportFormat.Number(x1))
            .Append("\" y1=\"").Append(ReportFormat.Number(y1))
            .Append("\" x2=\"").Append(ReportFormat.Number(x2))
            .Append("\" y2=\"").Append(ReportFormat.Number(y2))
            .Append("\" class=\"").Append(cssClass).Append("\"/>\n");
    }

    /// <summary>A label; <paramref name="anchor"/> is "start", "middle" or "end".</summary>
    public void Text(double x, double y, string text, string anchor = "start", string? cssClass = null)
    {
        shapes.Append("<text x=\"").Append(ReportFormat.Number(x))
            .Append("\" y=\"").Append(ReportFormat.Number(y))
            .Append("\" text-anchor=\"").Append(anchor).Append('"');
        if (cssClass is not null)
        {
            shapes.Append(" class=\"").Append(cssClass).Append('"');
        }

        shapes.Append('>').Append(ReportFormat.Encode(text)).Append("</text>\n");
    }

    public void Polyline(IEnumerable<(double X, double Y)> points, string cssClass, string? tooltip = null)
    {
        shapes.Append("<polyline points=\"")
            .AppendJoin(' ', points.Select(p => ReportFormat.Number(p.X) + "," + ReportFormat.Number(p.Y)))
            .Append("\" class=\"").Append(cssClass).Append('"');
        CloseWithTooltip("polyline", tooltip);
    }

    /// <summary>A row of colour swatches with their labels along the top edge, from
    /// <paramref name="left"/>; each entry is as wide as its label needs.</summary>
    public void Legend(double left, IEnumerable<(string CssClass, string Label)> entries)
    {
        var x = left;
        foreach (var (cssClass, label) in entries)
        {
            Rect(x, 6, 14, 14, cssClass);
            Text(x + 20, 18, label);
            x += 44 + (LegendCharacterWidth * label.Length);
        }
    }

    /// <summary>Horizontal gridlines across the plot, each labelled at its left end.</summary>
    public void HorizontalGrid(double left, double right, IEnumerable<(double Y, string Label)> lines)
    {
        foreach (var (y, label) in lines)
        {
            Line(left, y, right, y, "grid");
            Text(left - 6, y + 4, label, "end", "small");
        }
    }

    public override string ToString()
    {
        var svg = new StringBuilder();
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"").Append(id)
            .Append("\" viewBox=\"0 0 ").Append(ReportFormat.Number(Width)).Append(' ').Append(ReportFormat.Number(Height))
            .Append("\" width=\"").Append(ReportFormat.Number(Width))
            .Append("\" role=\"img\" aria-labelledby=\"").Append(id).Append("-title ").Append(id).Append("-desc\">\n")
            .Append("<title id=\"").Append(id).Append("-title\">").Append(ReportFormat.Encode(title)).Append("</title>\n")
            .Append("<desc id=\"").Append(id).Append("-desc\">").Append(ReportFormat.Encode(description)).Append("</desc>\n")
            .Append(shapes)
            .Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>A shape's own title is the tooltip a pointer shows over it.</summary>
    private void CloseWithTooltip(string element, string? tooltip)
    {
        if (tooltip is null)
        {
            shapes.Append("/>\n");
        }
        else
        {
            shapes.Append("><title>").Append(ReportFormat.Encode(tooltip)).Append("</title></").Append(element).Append(">\n");
        }
    }
}
