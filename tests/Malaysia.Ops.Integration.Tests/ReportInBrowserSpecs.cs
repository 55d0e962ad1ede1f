using Malaysia.Ops.Service.Tests;
using Malaysia.Ops.Simulator.Reporting;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Malaysia.Ops.Integration.Tests;

/// <summary>
/// report.html as a reader gets it: opened from disk in headless chromium with no network, it
/// loads without a script or console error, asks for nothing beyond itself, and shows every
/// section with its charts drawn. Needs no broker, so it is not in the broker collection.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ReportInBrowserSpecs(ITestOutputHelper log)
{
    private static readonly string[] Sections = ["scenario", "summary", "coverage", "latency", "open-incidents", "sla", "handoffs", "desks", "comparison"];

    [Fact]
    public async Task The_report_opens_from_disk_without_errors_and_draws_every_chart()
    {
        var folder = Directory.CreateTempSubdirectory("ops-report-");
        try
        {
            var file = Path.Combine(folder.FullName, "report.html");
            await File.WriteAllTextAsync(file, ReportHtml.Render(SampleRunReport.Create()));
            var page = new Uri(file).AbsoluteUri;

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await HeadlessChromium.LaunchAsync(playwright);
            var tab = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
            var errors = new List<string>();
            var requests = new List<string>();
            tab.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    errors.Add($"console: {message.Text}");
                }
            };
            tab.PageError += (_, error) => errors.Add($"page: {error}");
            tab.Request += (_, request) => requests.Add(request.Url);

            await tab.GotoAsync(page, new PageGotoOptions { WaitUntil = WaitUntilState.Load });

            foreach (var section in Sections)
            {
                Assert.True(await tab.Locator($"#{section}").IsVisibleAsync(), $"section '{section}' is not visible");
            }

            Assert.True(await tab.Locator("#coverage svg rect").CountAsync() > 0, "the coverage strip has no bars");
            Assert.Equal(2, await tab.Locator("#latency svg").CountAsync());
            Assert.True(await tab.Locator("#latency svg rect").CountAsync() > 0, "the latency histograms have no bars");
            Assert.Equal(2, await tab.Locator("#open-incidents svg polyline").CountAsync());
            Assert.True(await tab.Locator("#sla svg rect").CountAsync() > 0, "the SLA chart has no bars");
            Assert.True(await tab.Locator("#comparison svg rect").CountAsync() > 0, "the cost chart has no bars");
            foreach (var chart in await tab.Locator("svg").AllAsync())
            {
                var box = await chart.BoundingBoxAsync();
                Assert.True(box is { Width: > 100, Height: > 50 }, $"a chart is drawn {box?.Width}x{box?.Height}");
            }

            var screenshot = Path.Combine(RepositoryLayout.Root, "TestResults", "screenshots", "report.png");
            Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
            await tab.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
            log.WriteLine($"screenshot: {screenshot}");

            Assert.Empty(errors);
            Assert.Equal([page], requests);
            Assert.True(new FileInfo(screenshot).Length > 20_000, "the screenshot is (nearly) empty");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
