using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Malaysia.Ops.Integration.Tests;

/// <summary>
/// The operations console as a rehearsal uses it: its own process on loopback, running the
/// handoff-rehearsal scenario in process, driven through its board page in Debian's headless
/// chromium. Screenshots are kept in TestResults/screenshots. Needs no broker.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ConsoleInBrowserSpecs(ITestOutputHelper log) : IAsyncLifetime
{
    private ConsoleInBrowser console = null!;

    private string BaseUrl => console.BaseUrl;

    public async Task InitializeAsync() => console = await ConsoleInBrowser.LaunchAsync(log);

    public async Task DisposeAsync()
    {
        if (console is not null)
        {
            await console.DisposeAsync();
        }
    }

    /// <summary>The console at <paramref name="speed"/>× and its board, with the token entered.</summary>
    private async Task<IPage> OpenBoardAsync(double speed, bool enterToken = true)
    {
        await console.StartReadyAsync(speed);

        var page = await console.NewPageAsync(height: 1200);
        console.FlagRequestsOutsideTheConsole(page);
        await page.GotoAsync(BaseUrl + "/");
        await Expect(page.Locator("#run-state")).ToContainTextAsync("ready", new() { IgnoreCase = true });
        if (enterToken)
        {
            await page.Locator("#token").FillAsync(ConsoleInBrowser.Token);
        }

        return page;
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [Fact]
    public async Task The_board_shows_an_incident_raised_from_the_console_without_a_reload()
    {
        var page = await OpenBoardAsync(speed: 60);
        await page.Locator("#run-start").ClickAsync();
        await Expect(page.Locator("#run-state")).ToContainTextAsync("running", new() { IgnoreCase = true });

        await page.Locator("#raise-form select[name=type]").SelectOptionAsync("DataCentrePowerAlarm");
        await page.Locator("#raise-form select[name=severity]").SelectOptionAsync("Sev1");
        await page.Locator("#raise-form input[name=summary]").FillAsync("UPS B on generator, hall 2");
        await page.Locator("#raise-form [type=submit]").ClickAsync();

        // The console's ids carry its process tag: INC-C-<tag>-0001.
        var row = page.Locator("[data-incident-id^='INC-C-'][data-incident-id$='-0001']");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(row).ToContainTextAsync("Sev1");
        var id = await row.GetAttributeAsync("data-incident-id");
        await Expect(page.Locator("#control-status")).ToContainTextAsync(id!);
        await Expect(page.Locator("#timeline")).ToContainTextAsync($"console raised {id}", new() { Timeout = 10_000 });
        await console.ScreenshotAsync(page, "console-incident-raised.png");
        Assert.Empty(console.PageErrors);
    }

    [Fact]
    public async Task In_rehearsal_a_person_accepts_a_handoff_item_and_its_latency_appears_on_the_board_and_in_the_report()
    {
        // 45 simulated minutes to the US -> MY handoff take 11 s at 240x; the hour's window 15 s.
        var page = await OpenBoardAsync(speed: 240);
        await Expect(page.Locator("[data-human-desk='my']")).ToBeCheckedAsync();
        await page.Locator("#run-start").ClickAsync();

        var item = page.Locator($"[data-pending-item^='{ConsoleInBrowser.FirstHandoff}:']").First;
        await Expect(item).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await console.ScreenshotAsync(page, "console-rehearsal-at-handoff.png");
        var key = await item.GetAttributeAsync("data-pending-item");
        var incident = key!.Split(':')[1];
        await item.Locator("button[data-action=accept]").ClickAsync();

        var latency = page.Locator($"[data-handoff-id='{ConsoleInBrowser.FirstHandoff}'] .latency");
        await Expect(latency).Not.ToHaveTextAsync("–", new() { Timeout = 20_000 });
        await Expect(page.Locator("#timeline")).ToContainTextAsync($"{incident} accepted by the MY desk lead after", new() { Timeout = 10_000 });
        await console.ScreenshotAsync(page, "console-rehearsal-accepted.png");

        using var http = new HttpClient();
        var report = await http.GetFromJsonAsync<JsonElement>($"{BaseUrl}/api/report");
        var accepted = report.GetProperty("run").GetProperty("summary").GetProperty("itemLatencySimulatedMinutes");
        log.WriteLine($"board latency: {await latency.TextContentAsync()}; report item latency: {accepted}");
        Assert.True(accepted.GetProperty("count").GetInt32() >= 1, $"the report has no accepted item: {accepted}");
        Assert.Empty(console.PageErrors);
    }

    [Fact]
    public async Task A_load_started_with_thresholds_is_charted_and_judged_on_the_board()
    {
        var page = await OpenBoardAsync(speed: 600);
        await page.Locator("#run-start").ClickAsync();
        await Expect(page.Locator("#run-state")).ToContainTextAsync("running", new() { IgnoreCase = true });

        await page.Locator("#load-form input[name=incidentsPerHour]").FillAsync("3600");
        await page.Locator("#load-form textarea[name=thresholds]").FillAsync("p99 raise→assign < 60 s\nrate > 100000/s\nlost = 0");
        await page.Locator("#load-form [type=submit]").ClickAsync();

        // A chart per figure, drawn as SVG lines, and each threshold's verdict as the board judges it.
        // A flat line has no height, so the lines are counted rather than checked for visibility.
        await Expect(page.Locator("#load-panel [data-chart='raise to assign'] polyline.series-p99")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Expect(page.Locator("#load-panel [data-chart='rate'] polyline")).ToHaveCountAsync(1);
        await Expect(page.Locator("#load-panel [data-chart='queue depth']")).ToBeVisibleAsync();
        var verdicts = page.Locator("#load-panel .threshold");
        await Expect(verdicts).ToHaveCountAsync(3);
        await Expect(verdicts.Nth(0)).ToHaveAttributeAsync("data-state", "pass", new() { Timeout = 30_000 });
        await Expect(verdicts.Nth(1)).ToHaveAttributeAsync("data-state", "fail");
        await Expect(verdicts.Nth(2)).ToHaveAttributeAsync("data-state", "pending");
        await console.ScreenshotAsync(page, "console-load-thresholds.png");

        // A threshold the console cannot judge is refused next to the field.
        await page.Locator("#load-form textarea[name=thresholds]").FillAsync("p99 raise→triage < 200 ms");
        await page.Locator("#load-form [type=submit]").ClickAsync();
        await Expect(page.Locator("#load-form [data-error-for=thresholds]")).ToContainTextAsync("'p99 raise→triage' is not a figure of the load");
        Assert.Empty(console.PageErrors);
    }

    [Fact]
    public async Task A_bad_form_value_shows_the_servers_validation_error_next_to_the_field()
    {
        var page = await OpenBoardAsync(speed: 60);

        await page.Locator("#raise-form input[name=workMinutes]").FillAsync("-5");
        await page.Locator("#raise-form [type=submit]").ClickAsync();

        var error = page.Locator("#raise-form [data-error-for=workMinutes]");
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).ToContainTextAsync("-5 is out of range (from 1 to 10080)");
        await Expect(page.Locator("#raise-form .form-error")).ToContainTextAsync("invalid fields");
        await console.ScreenshotAsync(page, "console-validation-error.png");
        Assert.Empty(console.PageErrors);
    }

    [Fact]
    public async Task Without_the_token_the_console_refuses_to_change_the_run()
    {
        var page = await OpenBoardAsync(speed: 60, enterToken: false);

        await page.Locator("#run-start").ClickAsync();

        await Expect(page.Locator("#control-status")).ToContainTextAsync("Refused");
        await Expect(page.Locator("#run-state")).ToContainTextAsync("ready", new() { IgnoreCase = true });
        using var http = new HttpClient();
        using var refused = await http.PostAsync(new Uri($"{BaseUrl}/api/incidents"), JsonContent.Create(new { type = "ModelDrift", severity = "Sev3" }));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        await console.ScreenshotAsync(page, "console-refused.png");
        Assert.Empty(console.PageErrors);
    }

    [Fact]
    public async Task Outside_Development_the_console_will_not_start_without_a_token()
    {
        var process = console.Start(new Dictionary<string, string>());

        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exit);
        Assert.Contains("error: Console:Token: required outside Development", process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", process.Output, StringComparison.Ordinal);
    }
}
