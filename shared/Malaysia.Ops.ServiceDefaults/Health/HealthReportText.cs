using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Malaysia.Ops.ServiceDefaults.Health;

/// <summary>
/// The body of a health answer: the overall status, then one line per check, "name: status -
/// description", so whoever reads a 503 (an operator, a probe's log) sees what is not ready
/// without another tool. Descriptions are kept to their line (an exception message may span
/// several).
/// </summary>
public static class HealthReportText
{
    public static string Format(HealthReport report)
    {
        var text = new StringBuilder().Append(report.Status).Append('\n');
        foreach (var (name, entry) in report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append(": ").Append(entry.Status);
            if (!string.IsNullOrWhiteSpace(entry.Description))
            {
                text.Append(" - ").Append(OneLine(entry.Description));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(Format(report), context.RequestAborted);
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
