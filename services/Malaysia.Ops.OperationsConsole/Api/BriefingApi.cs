using Malaysia.Ops.Contracts;
using Malaysia.Ops.OperationsConsole.Board;
using Malaysia.Ops.OperationsConsole.Controls;
using Malaysia.Ops.OperationsConsole.Rehearsal;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Malaysia.Ops.OperationsConsole.Api;

/// <summary>
/// The outgoing lead writes the briefing a desk holds for them at its shift end: per open item
/// the severity as they judge it, a one-line summary, the actions, what to watch for and what to
/// do if it happens. Items they leave out go without their context.
/// </summary>
public static class BriefingApi
{
    private const int MaxActions = 10;
    private const int MaxLine = 300;

    public static RouteGroupBuilder MapBriefingWriting(this RouteGroupBuilder control)
    {
        control.MapPost("/handoffs/{handoffId}/briefing", Write).Allow(ConsoleAccessLevel.Leads).Accepts<WriteBriefingRequest>("application/json").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("The outgoing lead writes the briefing their desk holds for them");
        return control;
    }

    private static async Task<Results<Accepted<ActionResult>, ValidationProblem, ProblemHttpResult>> Write(string handoffId, HttpRequest request, BoardProjection board, RehearsalSeats seats, ConsoleControls controls, CancellationToken ct)
    {
        var caller = ConsoleAccess.CallerOf(request.HttpContext);
        const string action = "write a briefing";
        if (caller.Role == RehearsalRole.IncomingLead)
        {
            return ConsoleAccess.Refused(caller, RehearsalRole.OutgoingLead, null, action);
        }

        if (board.ToWrite(handoffId) is not { } briefing)
        {
            return RequestBody.Problem(StatusCodes.Status409Conflict, "Nothing to write", $"No desk holds a briefing of {handoffId} for its outgoing lead (written already, sent as drafted, or never held).");
        }

        var mayWrite = caller.Is(RehearsalRole.OutgoingLead, briefing.FromDeskId)
            || (caller.Role == RehearsalRole.Facilitator && !seats.IsTaken(RehearsalRole.OutgoingLead, briefing.FromDeskId));
        if (!mayWrite)
        {
            return ConsoleAccess.Refused(caller, RehearsalRole.OutgoingLead, briefing.FromDeskId, action);
        }

        var (body, problem) = await RequestBody.ReadAsync(request);
        if (body is null)
        {
            return problem!;
        }

        var items = Items(body, briefing);
        if (body.HasErrors)
        {
            return body.ValidationProblem();
        }

        await controls.WriteBriefingAsync(briefing, items, caller.Name, ct);
        return TypedResults.Accepted((string?)null, new ActionResult($"briefing of {handoffId} sent: {items.Count} of {briefing.Items.Count} item(s)"));
    }

    /// <summary>The items written, each one of the briefing's open items and at most once.</summary>
    private static List<WrittenBriefingItem> Items(RequestBody body, BriefingToWrite briefing)
    {
        var written = new List<WrittenBriefingItem>();
        var open = briefing.Items.Select(i => i.IncidentId).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in body.Objects("items", briefing.Items.Count, required: true) ?? [])
        {
            var incidentId = item.Text("incidentId", 64, required: true);
            var severity = item.Choice<Severity>("severity", required: true);
            var summary = item.Text("summary", MaxLine, required: true);
            var actions = item.Texts("actions", MaxActions, MaxLine, required: true);
            var watchFor = item.Text("watchFor", MaxLine, required: true);
            var ifItHappens = item.Text("ifItHappens", MaxLine, required: true);
            if (incidentId is not null && !open.Contains(incidentId))
            {
                item.Problem("incidentId", $"'{incidentId}' is not an open item of {briefing.HandoffId} ({string.Join(", ", open)})");
            }
            else if (incidentId is not null && !seen.Add(incidentId))
            {
                item.Problem("incidentId", $"'{incidentId}' is written twice");
            }

            if (summary is not null && summary.Contains('\n', StringComparison.Ordinal))
            {
                item.Problem("summary", "must be one line");
            }

            if (incidentId is not null && severity is not null && summary is not null && actions is not null && watchFor is not null && ifItHappens is not null)
            {
                written.Add(new WrittenBriefingItem(incidentId, severity.Value, summary, actions, watchFor, ifItHappens));
            }
        }

        return written;
    }
}

/// <summary>One item of POST /api/handoffs/{handoffId}/briefing: severity as the lead judges it
/// (Sev1-Sev4), a one-line summary, one to ten actions, what to watch for, what to do if it happens.</summary>
public sealed record WriteBriefingItemRequest(string IncidentId, string Severity, string Summary, IReadOnlyList<string> Actions, string WatchFor, string IfItHappens);

/// <summary>Body of POST /api/handoffs/{handoffId}/briefing: the items briefed; open items not
/// listed are left out.</summary>
public sealed record WriteBriefingRequest(IReadOnlyList<WriteBriefingItemRequest> Items);
