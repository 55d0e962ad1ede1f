using System.Net.Http.Json;
using System.Text.Json;
using Malaysia.Ops.OperationsConsole.Board;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Malaysia.Ops.OperationsConsole.Tests;

/// <summary>The board's states reach its page by the names the page reads them by (and makes
/// class names of), whichever serialiser options write them.</summary>
public sealed class BoardJsonSpecs(ConsoleApiSpecs.Console console) : IClassFixture<ConsoleApiSpecs.Console>
{
    public static TheoryData<Enum, string> Names() => new()
    {
        { RunState.Ready, "ready" },
        { RunState.Running, "running" },
        { RunState.Paused, "paused" },
        { RunState.Finished, "finished" },
        { OpenIncidentStatus.Raised, "raised" },
        { OpenIncidentStatus.Assigned, "assigned" },
        { OpenIncidentStatus.Acknowledged, "acknowledged" },
        { OpenIncidentStatus.InHandoff, "in-handoff" },
        { OpenIncidentStatus.Escalated, "escalated" },
        { SlaState.Ok, "ok" },
        { SlaState.AtRisk, "at-risk" },
        { SlaState.Breached, "breached" },
        { PendingItemState.Waiting, "waiting" },
        { PendingItemState.Queried, "queried" },
        { PendingItemState.Accepted, "accepted" },
        { PendingItemState.Escalated, "escalated" },
        { TimelineKind.Control, "control" },
        { TimelineKind.Handoff, "handoff" },
        { TimelineKind.Incident, "incident" },
        { TimelineKind.Fault, "fault" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void A_state_is_written_by_its_name_on_the_page(Enum state, string name)
    {
        var api = console.Services.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;

        Assert.Equal($"\"{name}\"", JsonSerializer.Serialize(state, state.GetType(), api));
        Assert.Equal($"\"{name}\"", JsonSerializer.Serialize(state, state.GetType()));
    }

    [Fact]
    public void Every_state_has_its_name_on_the_page()
    {
        var named = Names().Select(row => (Enum)row[0]).ToHashSet();
        var all = new[] { typeof(RunState), typeof(OpenIncidentStatus), typeof(SlaState), typeof(PendingItemState), typeof(TimelineKind) }
            .SelectMany(type => Enum.GetValues(type).Cast<Enum>());

        Assert.All(all, state => Assert.Contains(state, named));
    }

    [Fact]
    public async Task The_board_names_the_run_state()
    {
        using var client = console.CreateClient();

        var board = await client.GetFromJsonAsync<JsonElement>("/api/board");

        Assert.Equal("ready", board.GetProperty("run").GetProperty("state").GetString());
    }
}
