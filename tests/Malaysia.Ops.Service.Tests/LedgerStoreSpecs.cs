using System.Text.Json;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.Dispatch;
using Malaysia.Ops.Dispatch.Store;
using Malaysia.Ops.Domain.Ledger;
using Malaysia.Ops.ServiceDefaults.Hosting;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Malaysia.Ops.Service.Tests;

/// <summary>
/// Dispatch's ledger store: what one dispatch applied, a second dispatch on the same file
/// rebuilds exactly (incidents, handoffs, their deadlines and escalations, the shift clock's
/// place), a message delivered twice is applied once, and what was applied but not published
/// is published by the next dispatch.
/// </summary>
public sealed class LedgerStoreSpecs : IDisposable
{
    private const string RunId = "ledger-store-specs";
    private static readonly DateTimeOffset Morning = new(2026, 7, 13, 10, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Wall = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private readonly string folder = Directory.CreateTempSubdirectory("malaysia-ops-ledger-").FullName;

    private string StorePath => Path.Combine(folder, "dispatch-{RunId}.db");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private IHost Dispatch(string runId = RunId, bool virtualTime = false, string? storePath = null) =>
        DispatchOnStore(storePath ?? StorePath, runId, Morning, virtualTime);

    /// <summary>Dispatch alone (not started) on a real-time clock from <paramref name="epoch"/>,
    /// keeping its ledger in <paramref name="storePath"/>.</summary>
    internal static IHost DispatchOnStore(string storePath, string runId, DateTimeOffset epoch, bool virtualTime = false) => OpsTestHost.Build(
        new Dictionary<string, string?>
        {
            ["Simulation:VirtualTime"] = virtualTime ? "true" : "false",
            ["Simulation:RunId"] = runId,
            ["Simulation:Epoch"] = epoch.ToString("O"),
            ["Simulation:Speed"] = "60",
            ["Dispatch:LedgerStorePath"] = storePath,
            ["Dispatch:EscalateAtFractionOfAckTarget"] = "0.5",
        },
        bus => bus.AddDispatch());

    /// <summary>The ledger as JSON; through the durable dispatch, whose construction replays
    /// the store.</summary>
    internal static string Ledger(IHost host) => JsonSerializer.Serialize(
        host.Services.GetRequiredService<DurableDispatch>().Coordinator.Snapshot(Morning, Wall),
        LedgerSnapshotWriter.Json);

    private static HandoffItem Item(string id) =>
        new(id, IncidentType.DataPipelineLag, Severity.Sev2, WorkStatus.InProgress, true, 30, 0, "worked it", "finish the backfill");

    /// <summary>A morning in Kuala Lumpur up to past the noon handoff's window: raised,
    /// acknowledged, resolved, briefed, one item accepted and one left to be escalated.</summary>
    private static void Rehearse(DurableDispatch dispatch)
    {
        for (var i = 1; i <= 4; i++)
        {
            dispatch.Apply(new IncidentRaised($"INC-S000{i}", IncidentType.DataPipelineLag, i == 4 ? Severity.Sev1 : Severity.Sev2, "kul-etl-1", "lag", 90, Morning.AddMinutes(i)), $"raise-{i}");
        }

        dispatch.Apply(new IncidentAcknowledged("INC-S0001", "my", Morning.AddMinutes(10)), "ack-1");
        dispatch.Apply(new IncidentAcknowledged("INC-S0002", "my", Morning.AddMinutes(11)), "ack-2");
        dispatch.Apply(new IncidentAcknowledged("INC-S0003", "my", Morning.AddMinutes(12)), "ack-3");
        dispatch.Apply(new IncidentUpdated("INC-S0001", "my", "my engineer started work", "fix and verify", Morning.AddMinutes(15), WorkStarted: true), "start-1");
        dispatch.Apply(new IncidentResolved("INC-S0001", "my", Morning.AddMinutes(40)), "resolve-1");
        var noon = Morning.Date.AddHours(12);
        var shiftEnd = dispatch.Advance(Morning, noon, []);
        var handoff = Assert.Single(shiftEnd.Outputs.OfType<ShiftEnding>());
        dispatch.Apply(new HandoffBriefing(handoff.HandoffId, "my", "us", handoff.IncomingShiftStartsAt, [Item("INC-S0002"), Item("INC-S0003")], Wall, noon.AddMinutes(1)), "brief");
        dispatch.Apply(new HandoffItemAccepted(handoff.HandoffId, "INC-S0002", "us", Wall, Wall.AddSeconds(3), noon.AddMinutes(4)), "accept-2");
        dispatch.Advance(noon, noon.AddHours(2), []);
    }

    [Fact]
    public void A_second_dispatch_on_the_same_store_rebuilds_the_ledger_the_handoffs_and_the_shift_clock_exactly()
    {
        string before;
        using (var first = Dispatch())
        {
            var dispatch = first.Services.GetRequiredService<DurableDispatch>();
            Rehearse(dispatch);
            before = Ledger(first);
        }

        using var second = Dispatch();
        var resumed = second.Services.GetRequiredService<DurableDispatch>();

        Assert.Equal(before, Ledger(second));
        Assert.Equal(Morning.Date.AddHours(14), resumed.ResumeShiftClockFrom);
        var ledger = second.Services.GetRequiredService<DispatchCoordinator>().Snapshot(Morning, Wall);
        Assert.Equal(4, ledger.Incidents.Count);
        Assert.Equal(IncidentStatus.Resolved, ledger.Incidents.Single(i => i.IncidentId == "INC-S0001").Status);
        Assert.Equal(Morning.AddMinutes(15), ledger.Incidents.Single(i => i.IncidentId == "INC-S0001").WorkStartedAt);
        var noonHandoff = Assert.Single(ledger.Handoffs, h => h.Direction == "my->us");
        Assert.Equal(HandoffStatus.Escalated, noonHandoff.Status);
        Assert.Contains(noonHandoff.Items, i => i.IncidentId == "INC-S0002" && i.LatencySimulatedMinutes == 4);
    }

    [Fact]
    public async Task A_message_delivered_again_under_the_same_id_is_applied_once_even_by_a_restarted_dispatch()
    {
        var raised = new IncidentRaised("INC-S0009", IncidentType.GpuNodeFailure, Severity.Sev1, "kul-gpu-1", "node down", 60, Morning);
        using (var first = Dispatch())
        {
            var dispatch = first.Services.GetRequiredService<DurableDispatch>();
            var entry = dispatch.Apply(raised, "message-1");
            Assert.Single(entry.Outputs.OfType<IncidentAssigned>());
            await dispatch.PublishedAsync(entry);
            Assert.True(dispatch.Apply(raised, "message-1").Published);
        }

        using var second = Dispatch();
        var again = second.Services.GetRequiredService<DurableDispatch>().Apply(raised, "message-1");
        Assert.True(again.Published, "a redelivered raise must not be routed a second time");
        Assert.Single(second.Services.GetRequiredService<DispatchCoordinator>().Snapshot(Morning, Wall).Incidents);
    }

    [Fact]
    public async Task Messages_from_many_consumers_at_once_are_written_in_shared_batches_each_once_and_in_the_order_applied()
    {
        using var first = Dispatch();
        var dispatch = first.Services.GetRequiredService<DurableDispatch>();
        IncidentRaised Raised(int i) => new($"INC-G{i:0000}", IncidentType.DataPipelineLag, Severity.Sev3, "kul-etl-1", "lag", 30, Morning.AddSeconds(i));
        await Task.WhenAll(Enumerable.Range(1, 300).Select(i => Task.Run(async () =>
        {
            var entry = dispatch.Apply(Raised(i), $"raise-{i}");
            await dispatch.StoredAsync(entry, CancellationToken.None);
            await dispatch.PublishedAsync(entry);
        })));

        // Read by a second dispatch while the first still runs: everything the first said was
        // stored is in the file already, not only flushed when it stops.
        using var second = Dispatch();
        var resumed = second.Services.GetRequiredService<DurableDispatch>();
        Assert.Equal(Ledger(first), Ledger(second));
        Assert.Equal(300, resumed.Coordinator.IncidentCount);
        Assert.All(Enumerable.Range(1, 300), i => Assert.True(resumed.Apply(Raised(i), $"raise-{i}").Published, $"raise-{i} was stored without its publication noted"));
    }

    [Fact]
    public async Task What_a_dispatch_applied_but_did_not_publish_before_it_died_is_published_by_the_next_one()
    {
        using (var first = Dispatch())
        {
            // Killed between storing the raise and publishing its assignment.
            first.Services.GetRequiredService<DurableDispatch>()
                .Apply(new IncidentRaised("INC-S0010", IncidentType.DataPipelineLag, Severity.Sev3, "kul-etl-1", "lag", 30, Morning), "message-10");
        }

        using var second = Dispatch();
        await OpsHost.PrepareAsync(second, CancellationToken.None);
        await second.StartAsync();
        try
        {
            var harness = second.Services.GetRequiredService<ITestHarness>();
            Assert.True(await harness.Published.Any<IncidentAssigned>(m => m.Context.Message.IncidentId == "INC-S0010"), "the assignment stored but never published was not published after the restart");
        }
        finally
        {
            await second.StopAsync();
        }

        using var third = Dispatch();
        Assert.True(third.Services.GetRequiredService<DurableDispatch>().Apply(new IncidentRaised("INC-S0010", IncidentType.DataPipelineLag, Severity.Sev3, "kul-etl-1", "lag", 30, Morning), "message-10").Published);
    }

    [Fact]
    public void A_store_of_another_run_is_refused_with_the_setting_the_file_and_both_runs_named()
    {
        var path = Path.Combine(folder, "shared.db");
        using (var first = Dispatch(runId: "run-a", storePath: path))
        {
            first.Services.GetRequiredService<DurableDispatch>();
        }

        using var second = Dispatch(runId: "run-b", storePath: path);
        var problem = Problem(() => second.Services.GetRequiredService<DurableDispatch>());
        Assert.Equal($"Dispatch:LedgerStorePath: '{path}' holds the ledger of run 'run-a', not of this run 'run-b' (give this run its own file, or delete that one to start over)", problem);
    }

    [Fact]
    public void A_file_that_is_not_a_ledger_store_is_refused_and_left_as_it_was()
    {
        var path = Path.Combine(folder, "notes.db");
        File.WriteAllText(path, "these are someone's notes, not a database");
        using var host = Dispatch(storePath: path);

        var problem = Problem(() => host.Services.GetRequiredService<DurableDispatch>());

        Assert.StartsWith($"Dispatch:LedgerStorePath: '{path}' cannot be opened as a ledger store (", problem);
        Assert.Equal("these are someone's notes, not a database", File.ReadAllText(path));
    }

    [Fact]
    public void A_virtual_time_run_refuses_a_ledger_store()
    {
        using var host = Dispatch(virtualTime: true);
        Assert.Equal(
            "Dispatch:LedgerStorePath: a virtual-time run is repeated from its scenario and seed, not resumed; leave it empty",
            Problem(() => host.Services.GetRequiredService<DurableDispatch>()));
    }

    private static string Problem(Action action)
    {
        var error = Assert.ThrowsAny<Exception>(action);
        var problems = OpsHost.Describe(error);
        Assert.True(problems is not null, $"not described as a configuration problem: {error}");
        return Assert.Single(problems);
    }
}
