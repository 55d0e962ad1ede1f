using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Malaysia.Ops.OperationsConsole.Tests;

/// <summary>
/// The rehearsal's roles over the console's API: the facilitator (the console's token) opens a
/// lead role, a person joins it with its code, and each token may do only its role's actions;
/// anything else is refused with 403 and a problem naming the role needed.
/// </summary>
public sealed class RehearsalRoleSpecs(ConsoleApiSpecs.Console console) : IClassFixture<ConsoleApiSpecs.Console>
{
    internal static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    internal static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    /// <summary>Opens the role as the facilitator and joins it as <paramref name="name"/>: a
    /// client carrying the role's token.</summary>
    internal static async Task<HttpClient> JoinAsync(ConsoleApiSpecs.Console console, string role, string deskId, string name)
    {
        using var facilitator = console.Authorised();
        using var opened = await facilitator.PostAsync("/api/rehearsal/seats", Json(new { role, deskId }));
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var seat = await opened.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/?join={seat.GetProperty("code").GetString()}", seat.GetProperty("joinUrl").GetString());

        var client = console.CreateClient();
        using var joined = await client.PostAsync("/api/rehearsal/join", Json(new { code = seat.GetProperty("code").GetString(), name }));
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        var token = (await joined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private Task<HttpClient> JoinAsync(string role, string deskId, string name) => JoinAsync(console, role, deskId, name);

    private static async Task<JsonElement> Refusal(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_leads_token_cannot_do_the_facilitators_actions()
    {
        using var lead = await JoinAsync("outgoing-lead", "us", "Dana");

        using var pause = await lead.PostAsync("/api/run/pause", null);
        using var raise = await lead.PostAsync("/api/incidents", Json("""{ "type": "ModelDrift", "severity": "Sev3" }"""));
        using var open = await lead.PostAsync("/api/rehearsal/seats", Json("""{ "role": "incoming-lead", "deskId": "my" }"""));
        using var accept = await lead.PostAsync("/api/handoffs/HO-1/items/INC-1/accept", null);

        foreach (var refused in new[] { pause, raise, open })
        {
            var problem = await Refusal(refused);
            Assert.Equal("Needs the facilitator", problem.GetProperty("title").GetString());
            Assert.StartsWith("Dana (outgoing lead, US) may not", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal("Needs an incoming lead", (await Refusal(accept)).GetProperty("title").GetString());
        var me = await lead.GetFromJsonAsync<JsonElement>("/api/rehearsal/me");
        Assert.Equal("outgoing-lead", me.GetProperty("role").GetString());
        Assert.Equal("us", me.GetProperty("deskId").GetString());
    }

    [Fact]
    public async Task The_facilitator_plays_a_card_of_the_scenario_and_it_is_logged_on_the_timeline()
    {
        using var facilitator = console.Authorised();
        using var lead = await JoinAsync("incoming-lead", "us", "Sam");

        var cards = await facilitator.GetFromJsonAsync<JsonElement>("/api/rehearsal/cards");
        var rack = cards.EnumerateArray().Single(c => c.GetProperty("title").GetString() == "Rack 3 goes too");
        using var byLead = await lead.PostAsync($"/api/rehearsal/cards/{rack.GetProperty("index").GetInt32()}/play", null);
        using var played = await facilitator.PostAsync($"/api/rehearsal/cards/{rack.GetProperty("index").GetInt32()}/play", null);
        using var unknown = await facilitator.PostAsync("/api/rehearsal/cards/99/play", null);

        Assert.Equal("Needs the facilitator", (await Refusal(byLead)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Accepted, played.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var timeline = (await facilitator.GetFromJsonAsync<JsonElement>("/api/board")).GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("text").GetString()!).ToList();
        Assert.Contains(timeline, t => t.StartsWith("console played the card 'Rack 3 goes too': A second SEV1", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.StartsWith("console raised INC-C-", StringComparison.Ordinal) && t.Contains("Sev1 GpuNodeFailure on kul-gpu-a", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Joining_needs_a_code_of_this_rehearsal_and_only_lead_roles_are_opened()
    {
        using var anyone = console.CreateClient();
        using var facilitator = console.Authorised();

        using var wrong = await anyone.PostAsync("/api/rehearsal/join", Json("""{ "code": "NOTACODE", "name": "Mallory" }"""));
        using var nameless = await anyone.PostAsync("/api/rehearsal/join", Json("""{ "code": "NOTACODE" }"""));
        using var facilitatorRole = await facilitator.PostAsync("/api/rehearsal/seats", Json("""{ "role": "facilitator", "deskId": "us" }"""));
        using var unknownDesk = await facilitator.PostAsync("/api/rehearsal/seats", Json("""{ "role": "incoming-lead", "deskId": "sg" }"""));
        using var seatsAnonymous = await anyone.GetAsync("/api/rehearsal/seats");

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("'NOTACODE' is not a join code of this rehearsal", (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("code")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("is required", (await nameless.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, facilitatorRole.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownDesk.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, seatsAnonymous.StatusCode);
    }

    [Fact]
    public async Task Only_the_incoming_lead_of_the_desk_decides_on_its_items_once_someone_has_joined_as_it()
    {
        using var facilitator = console.Authorised();
        using var myLead = await JoinAsync("incoming-lead", "my", "Aisha");
        using var usLead = await JoinAsync("incoming-lead", "us", "Sam");
        (await facilitator.PostAsync("/api/run/start", null)).EnsureSuccessStatusCode();
        var (handoffId, incidentId) = await WaitForPendingItem(facilitator);
        var item = $"/api/handoffs/{handoffId}/items/{incidentId}";

        using var byFacilitator = await facilitator.PostAsync($"{item}/accept", null);
        using var byOtherLead = await usLead.PostAsync($"{item}/query", Json("""{ "question": "why?" }"""));
        using var withoutReadBack = await myLead.PostAsync($"{item}/accept", null);
        using var byLead = await myLead.PostAsync($"{item}/accept", Json("""{ "readBack": "GPU rack 4 down, keep the jobs drained" }"""));

        Assert.Equal("Needs the incoming lead of the MY desk", (await Refusal(byFacilitator)).GetProperty("title").GetString());
        Assert.Equal("Needs the incoming lead of the MY desk", (await Refusal(byOtherLead)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, withoutReadBack.StatusCode);
        Assert.Equal("is required", (await withoutReadBack.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("readBack")[0].GetString());
        Assert.Equal(HttpStatusCode.Accepted, byLead.StatusCode);
        var board = await facilitator.GetFromJsonAsync<JsonElement>("/api/board");
        var timeline = board.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("text").GetString()).ToList();
        Assert.Contains($"Aisha (incoming lead, MY) accepted {incidentId} of {handoffId} (read back: GPU rack 4 down, keep the jobs drained)", timeline);
        Assert.Contains("Aisha (incoming lead, MY) joined as the incoming lead of the MY desk", timeline);
    }

    /// <summary>The first item waiting for a person (the run is on a 600× clock: the handoff
    /// comes about 5 s after the start).</summary>
    internal static async Task<(string HandoffId, string IncidentId)> WaitForPendingItem(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var board = await client.GetFromJsonAsync<JsonElement>("/api/board");
            foreach (var briefing in board.GetProperty("rehearsal").EnumerateArray().Where(b => b.GetProperty("toDeskId").GetString() == "my"))
            {
                if (briefing.GetProperty("items").EnumerateArray().FirstOrDefault(i => i.GetProperty("state").GetString() != "accepted") is { ValueKind: JsonValueKind.Object } pending)
                {
                    return (briefing.GetProperty("handoffId").GetString()!, pending.GetProperty("incidentId").GetString()!);
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"no item waited for the MY lead within 60 s:\n{board}");
            await Task.Delay(100);
        }
    }
}
