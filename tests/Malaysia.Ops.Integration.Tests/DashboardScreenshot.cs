using Microsoft.Playwright;

namespace Malaysia.Ops.Integration.Tests;

/// <summary>Takes a screenshot of a page in headless Debian chromium, as a person would see it.</summary>
internal static class DashboardScreenshot
{
    /// <summary>Opens the page, waits for the text, saves a PNG and returns the page's text.</summary>
    public static async Task<string> TakeAsync(Uri page, string waitForText, string path)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var tab = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        await tab.GotoAsync(page.ToString());
        await tab.GetByText(waitForText).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await tab.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        return await tab.InnerTextAsync("body");
    }
}
