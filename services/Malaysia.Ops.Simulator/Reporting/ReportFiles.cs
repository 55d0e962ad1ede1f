namespace Malaysia.Ops.Simulator.Reporting;

/// <summary>Writes a report's report.json and report.html into a folder, and says where.</summary>
public static class ReportFiles
{
    public static async Task WriteAsync(Domain.Reporting.RunReport report, string folder, TextWriter output)
    {
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "report.json"), ReportJson.Serialize(report), CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(folder, "report.html"), ReportHtml.Render(report), CancellationToken.None);
        await output.WriteLineAsync();
        await output.WriteLineAsync($"Report: {Path.Combine(folder, "report.html")} (figures in report.json)");
    }
}
