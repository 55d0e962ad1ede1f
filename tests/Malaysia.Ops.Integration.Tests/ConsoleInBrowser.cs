using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Malaysia.Ops.Integration.Tests;

/// <summary>
/// The operations console in its own process on loopback and Debian's headless chromium to drive it, as
/// the browser specs use them: pages that collect every error their scripts log, and screenshots kept in
/// TestResults/screenshots. Disposing closes the browser and stops the console.
/// </summary>
internal sealed class ConsoleInBrowser : IAsyncDisposable
{
    public const string Project = "Malaysia.Ops.OperationsConsole";

    /// <summary>The console's token, as the facilitator enters it.</summary>
    public const string Token = "rehearsal-token-0123456789";

    /// <summary>The first handoff of the handoff-rehearsal scenario the console runs, from the US desk to
    /// the MY desk.</summary>
    public const string FirstHandoff = "HO-20260715T0000Z-us-my";

    private readonly ITestOutputHelper log;
    private readonly IPlaywright playwright;
    private readonly IBrowser browser;
    private readonly List<string> pageErrors = [];
    private ServiceProcess? process;

    private ConsoleInBrowser(ITestOutputHelper log, IPlaywright playwright, IBrowser browser)
    {
        this.log = log;
        this.playwright = playwright;
        this.browser = browser;
    }

    /// <summary>The console's process, once started.</summary>
    public ServiceProcess Process => process ?? throw new InvalidOperationException("the console has not been started");

    public string BaseUrl => $"http://127.0.0.1:{Process.HealthPort}";

    /// <summary>What the pages' scripts logged as errors, each naming whose page it was.</summary>
    public IReadOnlyList<string> PageErrors => pageErrors;

    /// <summary>Launches the browser; the console is started on its own.</summary>
    public static async Task<ConsoleInBrowser> LaunchAsync(ITestOutputHelper log)
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            return new ConsoleInBrowser(log, playwright, await HeadlessChromium.LaunchAsync(playwright));
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>Starts the console's process with <paramref name="environment"/>, without waiting for it.</summary>
    public ServiceProcess Start(IDictionary<string, string> environment)
    {
        process = ServiceProcess.Start(Project, environment);
        return process;
    }

    /// <summary>Starts the console with <see cref="Token"/> at <paramref name="speed"/>× and waits until it
    /// is ready.</summary>
    public Task StartReadyAsync(double speed) =>
        Start(new Dictionary<string, string>
        {
            ["Console__Token"] = Token,
            ["Console__Speed"] = speed.ToString(CultureInfo.InvariantCulture),
        }).WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

    /// <summary>A blank page 1600 wide in a browser context of its own, as one person's browser, whose
    /// errors are collected; <paramref name="who"/> names the person in them.</summary>
    public async Task<IPage> NewPageAsync(int height, string? who = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1600, Height = height } });
        var page = await context.NewPageAsync();
        var whose = who is null ? string.Empty : $"{who} ";
        page.Console += (_, message) =>
        {
            // The browser logs refused requests (401, 400) itself; the page must log nothing else.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                pageErrors.Add($"{whose}console: {message.Text}");
            }
        };
        page.PageError += (_, error) => pageErrors.Add($"{whose}page: {error}");
        return page;
    }

    /// <summary>Counts every request of <paramref name="page"/> to anywhere but the console as an error.</summary>
    public void FlagRequestsOutsideTheConsole(IPage page) =>
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(BaseUrl, StringComparison.Ordinal))
            {
                pageErrors.Add($"request outside the console: {request.Url}");
            }
        };

    public async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(RepositoryLayout.Root, "TestResults", "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        log.WriteLine($"screenshot: {path}");
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        if (process is not null)
        {
            await process.DisposeAsync();
        }
    }
}
