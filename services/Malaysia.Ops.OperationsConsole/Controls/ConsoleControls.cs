using System.Globalization;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.Clock;
using Malaysia.Ops.Domain.Load;
using Malaysia.Ops.OperationsConsole.Board;
using Malaysia.Ops.OperationsConsole.Rehearsal;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.OperationsConsole.Controls;

/// <summary>
/// Every action the console can take on the run, in both modes: as messages to the services
/// that own what changes (dispatch owns the clock, each desk its own work), so the same action
/// works on the in-memory bus and over a broker. Each action is logged and put on the board's
/// timeline with who asked.
/// </summary>
public sealed class ConsoleControls(
    IBus bus,
    SimulationClock clock,
    BoardProjection board,
    SyntheticLoad load,
    ConsoleLoadFigures loadFigures,
    IncidentPublisher incidents,
    IOptions<ConsoleOptions> options,
    ConsoleRun run,
    ILogger<ConsoleControls> logger)
{
    private long raised;
    private int started;

    /// <summary>Whether the run has been started (an attached console joins a run already going).</summary>
    public bool Started => options.Value.Mode == ConsoleMode.Attached || Volatile.Read(ref started) == 1;

    public RunStatus Status()
    {
        var now = clock.GetUtcNow();
        var state = run.End is { } end && now >= end ? RunState.Finished
            : !Started ? RunState.Ready
            : clock.IsPaused ? RunState.Paused
            : RunState.Running;
        return new RunStatus(state, now, clock.Speed, run.Start ?? clock.Epoch, run.End ?? now, load.IncidentsPerHour);
    }

    public Task StartAsync(string who, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref started, 1);
        return ChangeClockAsync(ClockChange.Resume, null, who, "started the run", cancellationToken);
    }

    public Task PauseAsync(string who, CancellationToken cancellationToken) =>
        ChangeClockAsync(ClockChange.Pause, null, who, "paused the run", cancellationToken);

    public Task ResumeAsync(string who, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref started, 1);
        return ChangeClockAsync(ClockChange.Resume, null, who, "resumed the run", cancellationToken);
    }

    public Task ChangeSpeedAsync(double speed, string who, CancellationToken cancellationToken) =>
        ChangeClockAsync(ClockChange.Speed, speed, who, string.Create(CultureInfo.InvariantCulture, $"set the speed to {speed:0.##}×"), cancellationToken);

    /// <summary>Raises an incident now; its id (INC-C-7F3A-0001) is returned.</summary>
    public async Task<string> RaiseAsync(IncidentType type, Severity severity, string? clusterId, string? summary, double? workMinutes, string who, CancellationToken cancellationToken)
    {
        var profile = IncidentCatalogueProfile(type);
        var id = IncidentIds.Console(Interlocked.Increment(ref raised));
        var cluster = string.IsNullOrWhiteSpace(clusterId) ? profile.Clusters[0] : clusterId.Trim();
        var text = string.IsNullOrWhiteSpace(summary) ? string.Format(CultureInfo.InvariantCulture, profile.SummaryTemplate, cluster) : summary.Trim();
        var work = workMinutes ?? profile.MeanWorkMinutes[severity];
        var now = clock.GetUtcNow();
        await incidents.PublishAsync(new IncidentRaised(id, type, severity, cluster, text, work, now), synthetic: false, cancellationToken);
        Record(who, string.Create(CultureInfo.InvariantCulture, $"raised {id}: {severity} {type} on {cluster} ({work:0} min of work)"));
        return id;
    }

    /// <summary>Starts a load level held to <paramref name="thresholds"/> (the panel judges them).</summary>
    public void StartLoad(double incidentsPerHour, double? durationMinutes, LoadGate thresholds, string who)
    {
        loadFigures.Started(thresholds);
        load.Start(incidentsPerHour, durationMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : null);
        var held = thresholds.IsEmpty ? string.Empty : $", held to {string.Join(", ", thresholds.Thresholds)}";
        Record(who, string.Create(CultureInfo.InvariantCulture, $"started a load of {incidentsPerHour:0.##} incidents/h{(durationMinutes is { } d ? $" for {d:0.#} min" : string.Empty)}{held}"));
    }

    public void StopLoad(string who)
    {
        load.Stop();
        Record(who, "stopped the load");
    }

    /// <summary>Injects a fault into a desk, or (poison) sends it an assignment it must reject.</summary>
    public async Task InjectAsync(string deskId, ConsoleFault fault, double? factor, double? delayMinutes, string who, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (fault == ConsoleFault.Poison)
        {
            // An assignment no desk can work: an unknown severity and negative work. The desk
            // rejects it to its error queue with the reason, and carries on.
            await bus.Publish(new IncidentAssigned($"{IncidentIds.ConsolePrefix}POISON", deskId, "poison", now, false, IncidentType.GpuNodeFailure, (Severity)99, -1, now), cancellationToken);
            Record(who, $"sent a poison message to the {deskId.ToUpperInvariant()} desk");
            return;
        }

        var deskFault = fault switch
        {
            ConsoleFault.Stop => DeskFault.Stop,
            ConsoleFault.Resume => DeskFault.Resume,
            ConsoleFault.Slow => DeskFault.Slow,
            ConsoleFault.NormalSpeed => DeskFault.NormalSpeed,
            ConsoleFault.DropNextBriefing => DeskFault.DropNextBriefing,
            ConsoleFault.DelayNextBriefing => DeskFault.DelayNextBriefing,
            _ => DeskFault.ClearAll,
        };
        await bus.Publish(new DeskFaultInjected(deskId, deskFault, factor, delayMinutes, who, now), cancellationToken);
        Record(who, Describe(fault, $"the {deskId.ToUpperInvariant()} desk", factor, delayMinutes));
    }

    public async Task ClearFaultsAsync(string deskId, string who, CancellationToken cancellationToken)
    {
        await bus.Publish(new DeskFaultInjected(deskId, DeskFault.ClearAll, null, null, who, clock.GetUtcNow()), cancellationToken);
        Record(who, $"cleared every fault of the {deskId.ToUpperInvariant()} desk");
    }

    public async Task SetRehearsalAsync(string deskId, bool human, string who, CancellationToken cancellationToken)
    {
        await bus.Publish(new DeskRehearsalModeSet(deskId, human, who, clock.GetUtcNow()), cancellationToken);
        Record(who, human ? $"took the {deskId.ToUpperInvariant()} desk's handoffs as a person" : $"handed the {deskId.ToUpperInvariant()} desk's handoffs back to the simulation");
    }

    /// <summary>A person joined a lead role: an incoming lead takes their desk's handoffs from
    /// the simulation.</summary>
    public async Task SeatTakenAsync(RehearsalSeat seat, string who, CancellationToken cancellationToken)
    {
        Record(who, $"joined as {RoleNames.Needed(seat.Role, seat.DeskId)}");
        if (seat.Role == RehearsalRole.IncomingLead)
        {
            await SetRehearsalAsync(seat.DeskId, human: true, who, cancellationToken);
        }
        else
        {
            await bus.Publish(new DeskRehearsalModeSet(seat.DeskId, true, who, clock.GetUtcNow(), Outgoing: true), cancellationToken);
            Record(who, $"writes the {seat.DeskId.ToUpperInvariant()} desk's briefings from now on");
        }
    }

    /// <summary>Plays a facilitator's card: logged with its title, then done as the control it
    /// stands for.</summary>
    public async Task PlayCardAsync(Domain.Scenarios.RehearsalCard card, string who, CancellationToken cancellationToken)
    {
        Record(who, $"played the card '{card.Title}': {card.Does}");
        switch (card.Kind)
        {
            case Domain.Scenarios.RehearsalCardKind.Incident:
                await RaiseAsync(card.Type!.Value, card.Severity!.Value, card.Cluster, card.Summary, card.WorkMinutes, who, cancellationToken);
                break;
            case Domain.Scenarios.RehearsalCardKind.DeskFault:
                await InjectAsync(card.DeskId!, ConsoleFault.Stop, null, null, who, cancellationToken);
                break;
            case Domain.Scenarios.RehearsalCardKind.LoadSpike:
                StartLoad(card.IncidentsPerHour!.Value, card.DurationMinutes, LoadGate.None, who);
                break;
            default:
                await InjectAsync(card.DeskId!, ConsoleFault.DropNextBriefing, null, null, who, cancellationToken);
                break;
        }
    }

    /// <summary>The outgoing lead's briefing, to the desk that holds it for them.</summary>
    public async Task WriteBriefingAsync(BriefingToWrite briefing, IReadOnlyList<WrittenBriefingItem> items, string who, CancellationToken cancellationToken)
    {
        await bus.Publish(new HandoffBriefingWritten(briefing.HandoffId, briefing.FromDeskId, items, who, clock.GetUtcNow()), cancellationToken);
        var left = briefing.Items.Select(i => i.IncidentId).Except(items.Select(i => i.IncidentId), StringComparer.Ordinal).ToList();
        Record(who, $"wrote the briefing of {briefing.HandoffId}: {items.Count} item(s){(left.Count > 0 ? $", left out {string.Join(", ", left)}" : string.Empty)}");
    }

    public async Task DecideAsync(string handoffId, string incidentId, string deskId, bool accept, string? question, string? readBack, string who, CancellationToken cancellationToken)
    {
        if (readBack is not null)
        {
            board.ReadBack(handoffId, incidentId, readBack);
        }

        await bus.Publish(new HandoffItemDecided(handoffId, incidentId, deskId, accept, question, who, clock.GetUtcNow(), ReadBack: readBack), cancellationToken);
        var said = readBack is null ? string.Empty : $" (read back: {readBack})";
        Record(who, accept ? $"accepted {incidentId} of {handoffId}{said}" : $"queried {incidentId} of {handoffId}: {question}{said}");
    }

    private async Task ChangeClockAsync(ClockChange change, double? speed, string who, string text, CancellationToken cancellationToken)
    {
        await bus.Publish(new SimulationClockChangeRequested(change, speed, who, clock.GetUtcNow()), cancellationToken);
        Record(who, text);
    }

    private void Record(string who, string text)
    {
        logger.LogInformation("Control by {Who}: {Action}", who, text);
        board.Control($"{who} {text}", clock.GetUtcNow(), clock.Wall.GetUtcNow());
    }

    private static Domain.Incidents.IncidentProfile IncidentCatalogueProfile(IncidentType type) =>
        Domain.Incidents.IncidentCatalogue.Default.For(type) ?? throw new ArgumentOutOfRangeException(nameof(type), type, "not in the incident catalogue");

    /// <summary>"slowed the MY desk ×2", as the timeline says it.</summary>
    private static string Describe(ConsoleFault fault, string desk, double? factor, double? delayMinutes) => fault switch
    {
        ConsoleFault.Stop => $"stopped {desk}",
        ConsoleFault.Resume => $"resumed {desk}",
        ConsoleFault.Slow => string.Create(CultureInfo.InvariantCulture, $"slowed {desk} ×{factor:0.##}"),
        ConsoleFault.NormalSpeed => $"restored the normal pace of {desk}",
        ConsoleFault.DropNextBriefing => $"will drop the next briefing of {desk}",
        ConsoleFault.DelayNextBriefing => string.Create(CultureInfo.InvariantCulture, $"will delay the next briefing of {desk} by {delayMinutes:0.#} min"),
        _ => $"changed {desk}",
    };
}
