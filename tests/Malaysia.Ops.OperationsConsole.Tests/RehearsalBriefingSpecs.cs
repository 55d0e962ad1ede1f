using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Malaysia.Ops.OperationsConsole.Tests.RehearsalRoleSpecs;

namespace Malaysia.Ops.OperationsConsole.Tests;

/// <summary>
/// A handoff between two people over the console's API: the US desk's outgoing lead writes the
/// structured briefing their desk holds at its shift end, leaving an item out; the Malaysian
/// incoming lead sees it as written, reads items back, queries and accepts.
/// </summary>
public sealed class RehearsalBriefingSpecs(ConsoleApiSpecs.Console console) : IClassFixture<ConsoleApiSpecs.Console>
{
    private static readonly string[] ScoreParts = ["completeness", "omissionsSurfaced", "queries", "latency", "escalations"];

    [Fact]
    public async Task The_outgoing_lead_writes_the_briefing_and_the_incoming_lead_reads_it_back()
    {
        using var facilitator = console.Authorised();
        using var outgoing = await JoinAsync(console, "outgoing-lead", "us", "Dana");
        using var incoming = await JoinAsync(console, "incoming-lead", "my", "Aisha");
        (await facilitator.PostAsync("/api/run/start", null)).EnsureSuccessStatusCode();

        var toWrite = await WaitFor(facilitator, b => b.GetProperty("toWrite").EnumerateArray().Any(), "a briefing to write");
        var held = toWrite.GetProperty("toWrite")[0];
        var handoffId = held.GetProperty("handoffId").GetString()!;
        var open = held.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("incidentId").GetString()!).ToList();
        Assert.True(open.Count >= 2, $"the US desk should hand over the SEV1 and the stalled jobs: {held}");
        var path = $"/api/handoffs/{handoffId}/briefing";
        var written = new
        {
            incidentId = open[0],
            severity = "Sev1",
            summary = "Rack 4 of kul-gpu-a lost eight nodes to Xid 79",
            actions = new[] { "keep the training jobs drained", "chase the vendor ticket" },
            watchFor = "Xid errors on rack 3",
            ifItHappens = "cordon rack 3 and page the hardware on-call",
        };

        using var byIncoming = await incoming.PostAsync(path, Json(new { items = new[] { written } }));
        using var unknownItem = await outgoing.PostAsync(path, Json(new { items = new[] { written with { incidentId = "INC-NOPE" } } }));
        using var blank = await outgoing.PostAsync(path, Json("""{ "items": [ { "incidentId": "x", "severity": "Sev9", "actions": [] } ] }"""));
        using var sent = await outgoing.PostAsync(path, Json(new { items = new[] { written } }));

        Assert.Equal(HttpStatusCode.Forbidden, byIncoming.StatusCode);
        Assert.Equal("Needs an outgoing lead", (await byIncoming.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Contains("'INC-NOPE' is not an open item of", Errors(await unknownItem.Content.ReadFromJsonAsync<JsonElement>(), "items[0].incidentId"), StringComparison.Ordinal);
        var blankErrors = await blank.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["items[0].actions", "items[0].ifItHappens", "items[0].incidentId", "items[0].severity", "items[0].summary", "items[0].watchFor"],
            blankErrors.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);

        var board = await WaitFor(facilitator, b => b.GetProperty("rehearsal").EnumerateArray().Any(r => r.GetProperty("handoffId").GetString() == handoffId), "the written briefing on the MY lead's board");
        var items = board.GetProperty("rehearsal").EnumerateArray().Single(r => r.GetProperty("handoffId").GetString() == handoffId).GetProperty("items").EnumerateArray().ToList();
        var briefed = items.Single(i => i.GetProperty("incidentId").GetString() == open[0]);
        var omitted = items.Single(i => i.GetProperty("incidentId").GetString() == open[1]);
        Assert.Equal(("Sev1", written.summary, "Xid errors on rack 3"), (briefed.GetProperty("judgedSeverity").GetString(), briefed.GetProperty("summary").GetString(), briefed.GetProperty("watchFor").GetString()));
        Assert.False(briefed.GetProperty("contextMissing").GetBoolean());
        Assert.True(omitted.GetProperty("contextMissing").GetBoolean());
        Assert.Equal(JsonValueKind.Null, omitted.GetProperty("summary").ValueKind);

        var item = $"/api/handoffs/{handoffId}/items";
        (await incoming.PostAsync($"{item}/{open[1]}/query", Json("""{ "question": "Nothing was said about this one: what is it?", "readBack": "no idea yet" }"""))).EnsureSuccessStatusCode();
        (await incoming.PostAsync($"{item}/{open[0]}/accept", Json("""{ "readBack": "Rack 4 is down; keep jobs drained, watch rack 3 and cordon it if it throws Xids" }"""))).EnsureSuccessStatusCode();
        var after = await WaitFor(facilitator, b => b.GetProperty("timeline").EnumerateArray().Any(t => t.GetProperty("text").GetString()!.StartsWith($"{open[0]} accepted by the MY desk lead", StringComparison.Ordinal)), "the acceptance");
        var timeline = after.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("text").GetString()!).ToList();
        Assert.Contains(timeline, t => t.StartsWith($"Dana (outgoing lead, US) wrote the briefing of {handoffId}: 1 item(s), left out {open[1]}", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.StartsWith($"Aisha (incoming lead, MY) queried {open[1]} of {handoffId}: Nothing was said", StringComparison.Ordinal));

        // Once every item is taken over, the board scores the handoff: the item left out costs
        // completeness, the query costs its part.
        foreach (var rest in open.Skip(1))
        {
            (await incoming.PostAsync($"{item}/{rest}/accept", Json("""{ "readBack": "taking it as it stands" }"""))).EnsureSuccessStatusCode();
        }

        var scored = await WaitFor(facilitator, b => Row(b, handoffId) is { } row && row.GetProperty("score").ValueKind == JsonValueKind.Object, "the handoff's score");
        var score = Row(scored, handoffId)!.Value.GetProperty("score");
        var parts = score.GetProperty("parts");
        var sum = ScoreParts.Sum(p => parts.GetProperty(p).GetDouble());
        Assert.Equal(score.GetProperty("score").GetInt32(), (int)Math.Round(sum, MidpointRounding.AwayFromZero));
        Assert.True(parts.GetProperty("completeness").GetDouble() < 30, $"an item was left out: {score}");
        Assert.True(parts.GetProperty("queries").GetDouble() < 15, $"an item was queried: {score}");
    }

    private static JsonElement? Row(JsonElement board, string handoffId) =>
        board.GetProperty("handoffs").EnumerateArray().Where(h => h.GetProperty("handoffId").GetString() == handoffId).Select(h => (JsonElement?)h).FirstOrDefault();

    private static string Errors(JsonElement problem, string field) => problem.GetProperty("errors").GetProperty(field)[0].GetString()!;

    private static async Task<JsonElement> WaitFor(HttpClient client, Func<JsonElement, bool> shows, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var board = await client.GetFromJsonAsync<JsonElement>("/api/board");
            if (shows(board))
            {
                return board;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no {what} within 60 s:\n{board}");
            await Task.Delay(100);
        }
    }
}
