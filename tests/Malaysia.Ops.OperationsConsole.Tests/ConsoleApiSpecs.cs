using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Malaysia.Ops.OperationsConsole.Tests;

/// <summary>
/// The console's API in process, over its embedded run of the handoff rehearsal: what needs
/// the token, how bad requests are answered (a problem naming each field, never a stack trace),
/// and that actions reach the run and come back on the board.
/// </summary>
public sealed class ConsoleApiSpecs : IClassFixture<ConsoleApiSpecs.Console>
{
    public const string Token = "rehearsal-token-0123456789";

    private readonly Console console;

    public ConsoleApiSpecs(Console console) => this.console = console;

    public sealed class Console : WebApplicationFactory<ConsoleOptions>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Console:Token", Token);
            builder.UseSetting("Console:Speed", "600");
        }

        public HttpClient Authorised()
        {
            var client = CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            return client;
        }
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> Problem(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Theory]
    [InlineData("POST", "/api/run/start")]
    [InlineData("POST", "/api/incidents")]
    [InlineData("PUT", "/api/load")]
    [InlineData("POST", "/api/desks/my/faults")]
    [InlineData("PUT", "/api/desks/my/rehearsal")]
    [InlineData("POST", "/api/handoffs/HO-1/items/INC-1/accept")]
    public async Task Changing_the_run_without_the_token_is_refused(string method, string path)
    {
        using var anonymous = console.CreateClient();
        using var wrong = console.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token-at-all");

        foreach (var client in new[] { anonymous, wrong })
        {
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Json("{}") });
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("token", (await Problem(response)).GetProperty("title").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_request_from_another_sites_page_is_refused_even_with_the_token()
    {
        using var client = console.Authorised();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/run/pause") { Content = Json("{}") };
        request.Headers.Add("Origin", "https://elsewhere.example");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("https://elsewhere.example", (await Problem(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_the_board_needs_no_token()
    {
        using var client = console.CreateClient();

        var board = await client.GetFromJsonAsync<JsonElement>("/api/board");

        Assert.Equal("handoff-rehearsal", board.GetProperty("scenario").GetString());
        Assert.Equal(["us", "my"], board.GetProperty("desks").EnumerateArray().Select(d => d.GetProperty("deskId").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Every_bad_field_is_named_in_one_validation_problem()
    {
        using var client = console.Authorised();

        using var response = await client.PostAsync("/api/incidents", Json("""{ "type": "Volcano", "severity": "Sev1", "workMinutes": "abc", "clusterId": 7 }"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Problem(response)).GetProperty("errors");
        Assert.Contains("'Volcano' is not one of", errors.GetProperty("type")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("'abc' is not a number", errors.GetProperty("workMinutes")[0].GetString());
        Assert.Equal("'7' is not text", errors.GetProperty("clusterId")[0].GetString());
        Assert.False(errors.TryGetProperty("severity", out _));
    }

    [Theory]
    [InlineData("/api/run/speed", """{ "speed": 0 }""", "speed", "0 is out of range (from 0.01 to 1000000)")]
    [InlineData("/api/load", """{ "incidentsPerHour": -5 }""", "incidentsPerHour", "-5 is out of range (from 0.1 to 100000)")]
    [InlineData("/api/desks/my/rehearsal", """{ "human": "yes" }""", "human", "'yes' is not true or false")]
    public async Task Out_of_range_and_wrongly_typed_values_are_named(string path, string body, string field, string problem)
    {
        using var client = console.Authorised();

        using var response = await client.PutAsync(path, Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(problem, (await Problem(response)).GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task A_fault_needs_its_figure_and_a_known_desk()
    {
        using var client = console.Authorised();

        using var slow = await client.PostAsync("/api/desks/my/faults", Json("""{ "kind": "slow" }"""));
        using var unknown = await client.PostAsync("/api/desks/sg/faults", Json("""{ "kind": "stop" }"""));

        Assert.Equal("is required", (await Problem(slow)).GetProperty("errors").GetProperty("factor")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("'sg' is not a desk of this run (desks: us, my)", (await Problem(unknown)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bodies_that_are_not_JSON_objects_or_are_too_large_are_refused_with_a_problem()
    {
        using var client = console.Authorised();

        using var broken = await client.PostAsync("/api/incidents", Json("""{ "type": """));
        using var array = await client.PostAsync("/api/incidents", Json("[1, 2]"));
        using var text = await client.PostAsync("/api/incidents", new StringContent("type=GpuNodeFailure", Encoding.UTF8, "text/plain"));
        using var huge = await client.PostAsync("/api/incidents", Json($$"""{ "summary": "{{new string('x', 40_000)}}" }"""));

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal("The body is not valid JSON", (await Problem(broken)).GetProperty("title").GetString());
        Assert.Equal("The body must be a JSON object", (await Problem(array)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        foreach (var response in new[] { broken, array, text, huge })
        {
            Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Deciding_on_an_item_that_waits_for_nobody_is_a_conflict()
    {
        using var client = console.Authorised();

        using var response = await client.PostAsync("/api/handoffs/HO-none/items/INC-1/accept", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Nothing to decide", (await Problem(response)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_every_endpoint()
    {
        using var client = console.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Superset(
            new HashSet<string>
            {
                "/api/catalogue", "/api/board", "/api/board/stream", "/api/report", "/api/run/start", "/api/run/pause", "/api/run/resume", "/api/run/speed",
                "/api/incidents", "/api/load", "/api/desks/{deskId}/faults", "/api/desks/{deskId}/rehearsal",
                "/api/handoffs/{handoffId}/items/{incidentId}/accept", "/api/handoffs/{handoffId}/items/{incidentId}/query",
            },
            paths.ToHashSet());
    }

    [Fact]
    public async Task A_raised_incident_and_a_stopped_desk_show_on_the_board_and_its_timeline()
    {
        using var client = console.Authorised();
        (await client.PostAsync("/api/run/start", null)).EnsureSuccessStatusCode();

        using var raised = await client.PostAsync("/api/incidents", Json("""{ "type": "DataCentrePowerAlarm", "severity": "Sev2", "workMinutes": 90 }"""));
        var id = (await raised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("incidentId").GetString()!;
        (await client.PostAsync("/api/desks/my/faults", Json("""{ "kind": "stop" }"""))).EnsureSuccessStatusCode();

        var board = await WaitForBoard(client, b =>
            b.GetProperty("desks").EnumerateArray().Any(d => d.GetProperty("open").EnumerateArray().Any(i => i.GetProperty("incidentId").GetString() == id))
            && b.GetProperty("desks").EnumerateArray().Single(d => d.GetProperty("deskId").GetString() == "my").GetProperty("faults").GetArrayLength() > 0);

        var timeline = board.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("text").GetString()).ToList();
        Assert.Equal(HttpStatusCode.Accepted, raised.StatusCode);
        Assert.StartsWith("INC-C-", id, StringComparison.Ordinal);
        Assert.Contains(timeline, t => t!.StartsWith($"console raised {id}: Sev2 DataCentrePowerAlarm", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t == "console stopped the MY desk");
        (await client.DeleteAsync("/api/desks/my/faults")).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_poison_message_is_rejected_by_the_desk_and_the_run_goes_on()
    {
        using var client = console.Authorised();
        (await client.PostAsync("/api/run/start", null)).EnsureSuccessStatusCode();

        (await client.PostAsync("/api/desks/us/faults", Json("""{ "kind": "poison" }"""))).EnsureSuccessStatusCode();
        await WaitForBoard(client, b => b.GetProperty("timeline").EnumerateArray().Any(t => t.GetProperty("text").GetString()!.Contains("rejected", StringComparison.Ordinal)));
        using var raised = await client.PostAsync("/api/incidents", Json("""{ "type": "ModelDrift", "severity": "Sev3" }"""));
        var id = (await raised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("incidentId").GetString()!;
        var board = await WaitForBoard(client, b => b.GetProperty("desks").EnumerateArray().Any(d => d.GetProperty("open").EnumerateArray().Any(i => i.GetProperty("incidentId").GetString() == id)));

        // The board refuses the poison assignment too, but only the desk's rejection is shown.
        var rejection = Assert.Single(board.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("text").GetString()!), t => t.Contains("rejected", StringComparison.Ordinal));
        Assert.Contains("Severity 99 is not a severity", rejection, StringComparison.Ordinal);
        Assert.Contains("WorkMinutes -1 is not a number of minutes", rejection, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, raised.StatusCode);
    }

    [Fact]
    public async Task A_load_level_raises_synthetic_incidents_until_it_is_stopped()
    {
        using var client = console.Authorised();
        (await client.PostAsync("/api/run/start", null)).EnsureSuccessStatusCode();

        (await client.PutAsync("/api/load", Json("""{ "incidentsPerHour": 600 }"""))).EnsureSuccessStatusCode();
        var loaded = await WaitForBoard(client, b => b.GetProperty("desks").EnumerateArray()
            .SelectMany(d => d.GetProperty("open").EnumerateArray())
            .Any(i => i.GetProperty("incidentId").GetString()!.StartsWith("INC-L-", StringComparison.Ordinal) && i.GetProperty("synthetic").GetBoolean()));
        Assert.Equal(600, loaded.GetProperty("run").GetProperty("loadIncidentsPerHour").GetDouble());

        (await client.DeleteAsync("/api/load")).EnsureSuccessStatusCode();
        var stopped = await client.GetFromJsonAsync<JsonElement>("/api/board");
        Assert.Equal(JsonValueKind.Null, stopped.GetProperty("run").GetProperty("loadIncidentsPerHour").ValueKind);
        Assert.Contains(stopped.GetProperty("timeline").EnumerateArray(), t => t.GetProperty("text").GetString() == "console started a load of 600 incidents/h");
    }

    [Fact]
    public async Task Bad_load_thresholds_are_each_named_in_a_validation_problem()
    {
        using var client = console.Authorised();

        using var response = await client.PutAsync("/api/load", Json("""{ "incidentsPerHour": 600, "thresholds": ["lost = 0", "p99 raise→triage < 200 ms", "queue depth < 1000 ms", "p99 raise→confirm < 5 ms"] }"""));
        using var notAList = await client.PutAsync("/api/load", Json("""{ "incidentsPerHour": 600, "thresholds": "lost = 0" }"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Problem(response)).GetProperty("errors").GetProperty("thresholds").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(
            [
                "thresholds:1: 'p99 raise→triage < 200 ms': 'p99 raise→triage' is not a figure of the load (known: p<percentile> raise→confirm, raise→assign, raise→acknowledge or raise→resolve; queue depth; lost; rate)",
                "thresholds:2: 'queue depth < 1000 ms': queue depth is not measured in 'ms' (write a plain number)",
            ],
            errors);
        Assert.Equal(HttpStatusCode.BadRequest, notAList.StatusCode);
        Assert.Equal("'lost = 0' is not a list of texts", (await Problem(notAList)).GetProperty("errors").GetProperty("thresholds")[0].GetString());

        using var confirm = await client.PutAsync("/api/load", Json("""{ "incidentsPerHour": 600, "thresholds": ["p99 raise→confirm < 5 ms"] }"""));
        Assert.Equal(HttpStatusCode.BadRequest, confirm.StatusCode);
        Assert.Equal(
            "'p99 raise→confirm < 5 ms': the broker's confirm of a raise is timed by the workload's load driver, not the console",
            (await Problem(confirm)).GetProperty("errors").GetProperty("thresholds")[0].GetString());
    }

    [Fact]
    public async Task A_load_with_thresholds_shows_its_figures_chart_and_verdicts_on_the_board()
    {
        using var client = console.Authorised();
        (await client.PostAsync("/api/run/start", null)).EnsureSuccessStatusCode();

        (await client.PutAsync("/api/load", Json("""{ "incidentsPerHour": 3600, "thresholds": ["p99 raise→assign < 60 s", "rate > 100000/s", "lost = 0"] }"""))).EnsureSuccessStatusCode();
        var loaded = await WaitForBoard(client, b => b.GetProperty("load").GetProperty("history").GetArrayLength() >= 2
            && b.GetProperty("load").GetProperty("assignP99Milliseconds").ValueKind == JsonValueKind.Number);
        var load = loaded.GetProperty("load");
        var verdicts = load.GetProperty("thresholds").EnumerateArray().ToList();

        Assert.True(load.GetProperty("running").GetBoolean());
        Assert.Equal(["p99 raise→assign < 60000 ms", "rate > 100000/s", "lost = 0"], verdicts.Select(v => v.GetProperty("threshold").GetString()));
        Assert.Equal(["pass", "fail", "pending"], verdicts.Select(v => v.GetProperty("state").GetString()));
        Assert.False(load.GetProperty("final").GetBoolean());
        (await client.DeleteAsync("/api/load")).EnsureSuccessStatusCode();
    }

    /// <summary>The board once it shows what the test waits for (the run is on a 600× clock).</summary>
    private static async Task<JsonElement> WaitForBoard(HttpClient client, Func<JsonElement, bool> shows)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var board = await client.GetFromJsonAsync<JsonElement>("/api/board");
            if (shows(board))
            {
                return board;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the board did not show it within 30 s:\n{board}");
            await Task.Delay(100);
        }
    }
}
