using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.Dispatch;
using Malaysia.Ops.Clock;
using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Domain.Load;
using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.OperationsConsole.Board;
using Malaysia.Ops.OperationsConsole.Controls;
using Malaysia.Ops.OperationsConsole.Rehearsal;
using Malaysia.Ops.Simulator;
using Malaysia.Ops.Simulator.Reporting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.OperationsConsole.Api;

/// <summary>
/// The console's HTTP API, which the board itself uses: the board (a snapshot, or a stream of
/// them), the run's controls, incidents, load, faults and the rehearsal's decisions, and the
/// report so far. Everything that changes the run needs the token.
/// </summary>
public static class ConsoleApi
{
    public const string Operator = "console";

    public static WebApplication MapConsoleApi(this WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/catalogue", Catalogue).WithSummary("Incident types, severities, desks and fault kinds, for the forms");
        api.MapGet("/board", (BoardView view) => TypedResults.Ok(view.Snapshot())).WithSummary("The board now");
        api.MapGet("/board/stream", StreamBoard).WithSummary("The board as server-sent events (event 'board'), a few times a second");
        api.MapGet("/report", (IServiceProvider services, SimulationClock clock) => ReportNow(services, clock, report => TypedResults.Content(ReportJson.Serialize(report), "application/json")))
            .WithSummary("report.json of the run so far (embedded mode)");
        api.MapGet("/report.html", (IServiceProvider services, SimulationClock clock) => ReportNow(services, clock, report => TypedResults.Content(ReportHtml.Render(report), "text/html")))
            .WithSummary("report.html of the run so far (embedded mode)");

        var control = api.MapGroup(string.Empty).AddEndpointFilter<ConsoleAccess>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        control.MapPost("/run/start", (ConsoleControls c, CancellationToken ct) => Act(() => c.StartAsync(Operator, ct))).WithSummary("Start the run (embedded: it waits paused at its start until then)");
        control.MapPost("/run/pause", (ConsoleControls c, CancellationToken ct) => Act(() => c.PauseAsync(Operator, ct))).WithSummary("Pause simulated time");
        control.MapPost("/run/resume", (ConsoleControls c, CancellationToken ct) => Act(() => c.ResumeAsync(Operator, ct))).WithSummary("Resume simulated time");
        control.MapPut("/run/speed", ChangeSpeed).Accepts<SpeedRequest>("application/json").ProducesValidationProblem().WithSummary("Change the speed (simulated seconds per wall second)");
        control.MapPost("/incidents", RaiseIncident).Accepts<RaiseIncidentRequest>("application/json").ProducesValidationProblem().WithSummary("Raise an incident of a chosen type and severity");
        control.MapPut("/load", StartLoad).Accepts<LoadRequest>("application/json").ProducesValidationProblem().WithSummary("Start a load level (synthetic incidents per simulated hour)");
        control.MapDelete("/load", (ConsoleControls c) =>
        {
            c.StopLoad(Operator);
            return TypedResults.Accepted((string?)null, new ActionResult("load stopped"));
        }).WithSummary("Stop the load");
        control.MapPost("/desks/{deskId}/faults", InjectFault).Accepts<FaultRequest>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Inject a fault into a desk");
        control.MapDelete("/desks/{deskId}/faults", ClearFaults).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Lift every fault of a desk");
        control.MapPut("/desks/{deskId}/rehearsal", SetRehearsal).Accepts<RehearsalRequest>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("A person takes (or gives back) a desk's incoming handoffs");
        control.MapPost("/handoffs/{handoffId}/items/{incidentId}/accept", AcceptItem).Allow(ConsoleAccessLevel.Leads).Accepts<AcceptRequest>(isOptional: true, "application/json").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("The incoming lead accepts a briefed item");
        control.MapPost("/handoffs/{handoffId}/items/{incidentId}/query", QueryItem).Allow(ConsoleAccessLevel.Leads).Accepts<QueryRequest>("application/json").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("The incoming lead queries a briefed item");
        control.MapRehearsalRoles();
        control.MapBriefingWriting();
        control.MapCards();
        return app;
    }

    private static Ok<CatalogueView> Catalogue(BoardProjection board) => TypedResults.Ok(new CatalogueView(
        Enum.GetNames<IncidentType>(),
        Enum.GetNames<Severity>(),
        board.Roster.Desks.Select(d => new DeskView(d.DeskId, d.DisplayName, d.TimeZone.Id)).ToList(),
        Enum.GetValues<ConsoleFault>().Select(ApiNames.Of).ToList()));

    private static ServerSentEventsResult<BoardSnapshot> StreamBoard(BoardView view, IOptions<ConsoleOptions> options, IHostApplicationLifetime lifetime, CancellationToken cancellationToken) =>
        TypedResults.ServerSentEvents(Snapshots(view, TimeSpan.FromSeconds(1 / options.Value.BoardUpdatesPerSecond), lifetime, cancellationToken));

    private static async IAsyncEnumerable<SseItem<BoardSnapshot>> Snapshots(BoardView view, TimeSpan every, IHostApplicationLifetime lifetime, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        using var timer = new PeriodicTimer(every);
        do
        {
            yield return new SseItem<BoardSnapshot>(view.Snapshot(), "board");
        }
        while (await Tick(timer, stopping.Token));
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The report of the run so far, from dispatch's ledger, as the simulator writes it.</summary>
    private static Results<ContentHttpResult, ProblemHttpResult> ReportNow(IServiceProvider services, SimulationClock clock, Func<Malaysia.Ops.Domain.Reporting.RunReport, ContentHttpResult> render)
    {
        if (services.GetService<Scenario>() is not { } scenario || services.GetService<DispatchCoordinator>() is not { } dispatch)
        {
            return RequestBody.Problem(StatusCodes.Status409Conflict, "No report here", "The report is built from the ledger of an embedded run; attached to a broker, dispatch writes its ledger (Dispatch:LedgerSnapshotPath).");
        }

        var now = clock.GetUtcNow();
        var ledger = dispatch.Snapshot(now, clock.Wall.GetUtcNow());
        var report = ScenarioRunner.Report(scenario, ledger, $"at {clock.Speed:0.##}x in the operations console", now < scenario.End ? now : scenario.End);
        return render(report);
    }

    private static async Task<Results<Accepted<ActionResult>, ValidationProblem, ProblemHttpResult>> ChangeSpeed(HttpRequest request, ConsoleControls controls, CancellationToken ct)
    {
        var (body, problem) = await RequestBody.ReadAsync(request);
        if (body is null)
        {
            return problem!;
        }

        var speed = body.Number("speed", 0.01, 1_000_000, required: true);
        if (body.HasErrors)
        {
            return body.ValidationProblem();
        }

        await controls.ChangeSpeedAsync(speed!.Value, Operator, ct);
        return TypedResults.Accepted((string?)null, new ActionResult($"speed {speed}x"));
    }

    private static async Task<Results<Accepted<RaisedIncident>, ValidationProblem, ProblemHttpResult>> RaiseIncident(HttpRequest request, ConsoleControls controls, CancellationToken ct)
    {
        var (body, problem) = await RequestBody.ReadAsync(request);
        if (body is null)
        {
            return problem!;
        }

        var type = body.Choice<IncidentType>("type", required: true);
        var severity = body.Choice<Severity>("severity", required: true);
        var cluster = body.Text("clusterId", 64, required: false);
        var summary = body.Text("summary", 300, required: false);
        var work = body.Number("workMinutes", 1, 10_080, required: false);
        if (body.HasErrors)
        {
            return body.ValidationProblem();
        }

        var id = await controls.RaiseAsync(type!.Value, severity!.Value, cluster, summary, work, Operator, ct);
        return TypedResults.Accepted($"/api/board#{id}", new RaisedIncident(id));
    }

    private static async Task<Results<Accepted<ActionResult>, ValidationProblem, ProblemHttpResult>> StartLoad(HttpRequest request, ConsoleControls controls)
    {
        var (body, problem) = await RequestBody.ReadAsync(request);
        if (body is null)
        {
            return problem!;
        }

        var rate = body.Number("incidentsPerHour", 0.1, 100_000, required: true);
        var duration = body.Number("durationMinutes", 1, 10_080, required: false);
        var thresholds = LoadGate.Parse(body.TextList("thresholds", 20, 200), "thresholds", out var badThresholds);
        foreach (var bad in badThresholds)
        {
            body.Problem("thresholds", bad);
        }

        foreach (var unmeasured in thresholds.Thresholds.Where(t => !ConsoleLoadFigures.Measures(t.Metric)))
        {
            body.Problem("thresholds", $"'{unmeasured}': the broker's confirm of a raise is timed by the workload's load driver, not the console");
        }

        if (body.HasErrors)
        {
            return body.ValidationProblem();
        }

        controls.StartLoad(rate!.Value, duration, thresholds, Operator);
        return TypedResults.Accepted((string?)null, new ActionResult($"load of {rate}/h started"));
    }

    private static async Task<Results<Accepted<ActionResult>, ValidationProblem, ProblemHttpResult>> InjectFault(string deskId, HttpRequest request, BoardProjection board, ConsoleControls controls, CancellationToken ct)
    {
        var (desk, body, problem) = await DeskRequest(deskId, request, board);
        if (problem is not null)
        {
            return problem;
        }

        var kind = body!.Choice<ConsoleFault>("kind", required: true);
        var factor = body.Number("factor", 1, 100, required: kind == ConsoleFault.Slow);
        var delay = body.Number("delayMinutes", 1, 1_440, required: kind == ConsoleFault.DelayNextBriefing);
        if (body.HasErrors)
        {
            return body.ValidationProblem();
        }

        await controls.InjectAsync(desk!, kind!.Value, factor, delay, Operator, ct);
        return TypedResults.Accepted((string?)null, new ActionResult($"{ApiNames.Of(kind.Value)} sent to {desk}"));
    }

    private static async Task<Results<Accepted<ActionResult>, ProblemHttpResult>> ClearFaults(string deskId, BoardProjection board, ConsoleControls controls, CancellationToken ct)
    {
        if (KnownDesk(board, deskId) is not { } desk)
        {
            return UnknownDesk(board, deskId);
        }

        await controls.ClearFaultsAsync(desk, Operator, ct);
        return TypedResults.Accepted((string?)null, new ActionResult($"faults of {desk} cleared"));
    }

    private static async Task<Results<Accepted<ActionResult>, ValidationProblem, ProblemHttpResult>> SetRehearsal(string deskId, HttpRequest request, BoardProjection board, ConsoleControls controls, CancellationToken ct)
    {
        var (desk, body, problem) = await DeskRequest(deskId, request, board);
        if (problem is not null)
        {
            return problem;
        }

        var human = body!.Flag("human", required: true);
        if (body.HasErrors)
        {
            return body.ValidationProblem();
        }

        await controls.SetRehearsalAsync(desk!, human!.Value, Operator, ct);
        return TypedResults.Accepted((string?)null, new ActionResult(human.Value ? $"a person takes {desk}'s handoffs" : $"{desk}'s handoffs are simulated"));
    }

    /// <summary>A request about one desk: the desk as the roster names it and the body, or the
    /// problem with either (an unknown desk is 404 before the body is read).</summary>
    private static async Task<(string? Desk, RequestBody? Body, ProblemHttpResult? Problem)> DeskRequest(string deskId, HttpRequest request, BoardProjection board)
    {
        if (KnownDesk(board, deskId) is not { } desk)
        {
            return (null, null, UnknownDesk(board, deskId));
        }

        var (body, problem) = await RequestBody.ReadAsync(request);
        return (desk, body, problem);
    }

    private static async Task<Results<Accepted<ActionResult>, ValidationProblem, ProblemHttpResult>> QueryItem(string handoffId, string incidentId, HttpRequest request, BoardProjection board, RehearsalSeats seats, ConsoleControls controls, CancellationToken ct)
    {
        var (body, problem) = await RequestBody.ReadAsync(request, optional: true);
        if (body is null)
        {
            return problem!;
        }

        var question = body.Text("question", 500, required: false) ?? "What was done and what is next?";
        var readBack = body.Text("readBack", 500, required: false);
        if (body.HasErrors)
        {
            return body.ValidationProblem();
        }

        return await Decide(handoffId, incidentId, accept: false, question, readBack, request.HttpContext, board, seats, controls, ct);
    }

    /// <summary>A person leading a desk in reads each item back in their own words before
    /// accepting it; the facilitator rehearsing alone may accept without.</summary>
    private static async Task<Results<Accepted<ActionResult>, ValidationProblem, ProblemHttpResult>> AcceptItem(string handoffId, string incidentId, HttpRequest request, BoardProjection board, RehearsalSeats seats, ConsoleControls controls, CancellationToken ct)
    {
        var (body, problem) = await RequestBody.ReadAsync(request, optional: true);
        if (body is null)
        {
            return problem!;
        }

        var readBack = body.Text("readBack", 500, required: ConsoleAccess.CallerOf(request.HttpContext).Role == RehearsalRole.IncomingLead);
        if (body.HasErrors)
        {
            return body.ValidationProblem();
        }

        return await Decide(handoffId, incidentId, accept: true, question: null, readBack, request.HttpContext, board, seats, controls, ct);
    }

    /// <summary>The incoming lead's decision on an item. The facilitator decides for a desk whose
    /// incoming lead nobody has joined as (rehearsing alone); nobody else decides at all.</summary>
    private static async Task<Results<Accepted<ActionResult>, ValidationProblem, ProblemHttpResult>> Decide(string handoffId, string incidentId, bool accept, string? question, string? readBack, HttpContext http, BoardProjection board, RehearsalSeats seats, ConsoleControls controls, CancellationToken ct)
    {
        var caller = ConsoleAccess.CallerOf(http);
        var action = accept ? "accept a briefed item" : "query a briefed item";
        if (caller.Role == RehearsalRole.OutgoingLead)
        {
            return ConsoleAccess.Refused(caller, RehearsalRole.IncomingLead, null, action);
        }

        if (board.PersonItem(handoffId, incidentId) is not { } deskId)
        {
            return RequestBody.Problem(StatusCodes.Status409Conflict, "Nothing to decide", $"{incidentId} of {handoffId} does not wait for a person (already accepted, or not briefed to a desk in rehearsal).");
        }

        var mayDecide = caller.Is(RehearsalRole.IncomingLead, deskId)
            || (caller.Role == RehearsalRole.Facilitator && !seats.IsTaken(RehearsalRole.IncomingLead, deskId));
        if (!mayDecide)
        {
            return ConsoleAccess.Refused(caller, RehearsalRole.IncomingLead, deskId, action);
        }

        await controls.DecideAsync(handoffId, incidentId, deskId, accept, question, readBack, caller.Name, ct);
        return TypedResults.Accepted((string?)null, new ActionResult(accept ? $"{incidentId} accepted" : $"{incidentId} queried"));
    }

    private static async Task<Results<Accepted<ActionResult>, ProblemHttpResult>> Act(Func<Task> action)
    {
        await action();
        return TypedResults.Accepted((string?)null, new ActionResult("done"));
    }

    internal static string? KnownDesk(BoardProjection board, string deskId) =>
        board.Roster.Desks.FirstOrDefault(d => string.Equals(d.DeskId, deskId, StringComparison.OrdinalIgnoreCase))?.DeskId;

    internal static ProblemHttpResult UnknownDesk(BoardProjection board, string deskId) =>
        RequestBody.Problem(StatusCodes.Status404NotFound, "No such desk", $"'{deskId}' is not a desk of this run (desks: {string.Join(", ", board.Roster.Desks.Select(d => d.DeskId))}).");
}

public sealed record CatalogueView(IReadOnlyList<string> IncidentTypes, IReadOnlyList<string> Severities, IReadOnlyList<DeskView> Desks, IReadOnlyList<string> FaultKinds);

public sealed record DeskView(string DeskId, string Name, string TimeZone);

public sealed record ActionResult(string Done);

public sealed record RaisedIncident(string IncidentId);

/// <summary>Body of PUT /api/run/speed.</summary>
public sealed record SpeedRequest(double Speed);

/// <summary>Body of POST /api/incidents; type and severity as the catalogue names them.</summary>
public sealed record RaiseIncidentRequest(string Type, string Severity, string? ClusterId, string? Summary, double? WorkMinutes);

/// <summary>Body of PUT /api/load; thresholds as k6 writes them ("p99 raise→assign &lt; 200 ms").</summary>
public sealed record LoadRequest(double IncidentsPerHour, double? DurationMinutes, IReadOnlyList<string>? Thresholds);

/// <summary>Body of POST /api/desks/{deskId}/faults: kind is one of the catalogue's fault kinds;
/// factor for slow, delayMinutes for delay-next-briefing.</summary>
public sealed record FaultRequest(string Kind, double? Factor, double? DelayMinutes);

/// <summary>Body of PUT /api/desks/{deskId}/rehearsal.</summary>
public sealed record RehearsalRequest(bool Human);

/// <summary>Body of POST .../query (optional): the question, and the item as read back so far.</summary>
public sealed record QueryRequest(string? Question, string? ReadBack);

/// <summary>Body of POST .../accept: the item read back in the incoming lead's own words
/// (required of a lead who joined the role; optional for the facilitator rehearsing alone).</summary>
public sealed record AcceptRequest(string? ReadBack);
