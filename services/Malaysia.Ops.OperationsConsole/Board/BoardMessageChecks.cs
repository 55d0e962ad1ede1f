using Malaysia.Ops.Contracts;
using Malaysia.Ops.Messaging;
using static Malaysia.Ops.Messaging.IncidentFieldChecks;

namespace Malaysia.Ops.OperationsConsole.Board;

/// <summary>
/// What is wrong with a message before the board takes it in: every id, text and number it
/// carries onto the board, by the checks dispatch and the desks apply (<see cref="IncidentFieldChecks"/>).
/// A message from outside the services may carry anything, and whatever the board keeps, every
/// reader of the board is sent.
/// </summary>
public static class BoardMessageChecks
{
    public static IEnumerable<string> Problems(IncidentAcknowledged acknowledged) =>
        IncidentIdProblems(acknowledged.IncidentId).Concat(IdProblems(nameof(acknowledged.DeskId), acknowledged.DeskId));

    public static IEnumerable<string> Problems(IncidentEscalated escalation) =>
        IncidentIdProblems(escalation.IncidentId)
            .Concat(IdProblems(nameof(escalation.FromDeskId), escalation.FromDeskId))
            .Concat(IdProblems(nameof(escalation.DeskId), escalation.DeskId))
            .Concat(TextProblems(nameof(escalation.ShiftId), escalation.ShiftId, MaxIdLength))
            .Concat(TextProblems(nameof(escalation.Reason), escalation.Reason, MaxTextLength));

    public static IEnumerable<string> Problems(IncidentResolved resolved) =>
        IncidentIdProblems(resolved.IncidentId).Concat(IdProblems(nameof(resolved.DeskId), resolved.DeskId));

    public static IEnumerable<string> Problems(ShiftEnding ending) =>
        IdProblems(nameof(ending.HandoffId), ending.HandoffId)
            .Concat(IdProblems(nameof(ending.ShiftId), ending.ShiftId))
            .Concat(IdProblems(nameof(ending.DeskId), ending.DeskId))
            .Concat(IdProblems(nameof(ending.IncomingDeskId), ending.IncomingDeskId))
            .Concat(IdProblems(nameof(ending.IncomingShiftId), ending.IncomingShiftId));

    /// <summary>A briefing's own fields, then each item's, named by its place in the list.</summary>
    public static IEnumerable<string> Problems(HandoffBriefing briefing) =>
        HandoffProblems(briefing.HandoffId, briefing.FromDeskId, briefing.ToDeskId)
            .Concat(briefing.Items is null
                ? [$"{nameof(briefing.Items)} is missing"]
                : briefing.Items.SelectMany((item, i) => item is null
                    ? [$"{nameof(briefing.Items)}[{i}] is empty"]
                    : IncidentFieldChecks.Problems(item).Select(problem => $"{nameof(briefing.Items)}[{i}].{problem}")));

    public static IEnumerable<string> Problems(HandoffItemAccepted accepted) =>
        IdProblems(nameof(accepted.HandoffId), accepted.HandoffId)
            .Concat(IncidentIdProblems(accepted.IncidentId))
            .Concat(IdProblems(nameof(accepted.DeskId), accepted.DeskId));

    public static IEnumerable<string> Problems(HandoffItemQueried query) =>
        IdProblems(nameof(query.HandoffId), query.HandoffId)
            .Concat(IncidentIdProblems(query.IncidentId))
            .Concat(IdProblems(nameof(query.DeskId), query.DeskId))
            .Concat(TextProblems(nameof(query.Question), query.Question, MaxTextLength));

    public static IEnumerable<string> Problems(HandoffCompleted completed) =>
        HandoffProblems(completed.HandoffId, completed.FromDeskId, completed.ToDeskId)
            .Concat(CountProblems(nameof(completed.ItemsAccepted), completed.ItemsAccepted))
            .Concat(CountProblems(nameof(completed.ItemsQueried), completed.ItemsQueried));

    /// <summary>A whole handoff's escalation carries no incident id; an item's carries one.</summary>
    public static IEnumerable<string> Problems(HandoffEscalated escalation) =>
        HandoffProblems(escalation.HandoffId, escalation.FromDeskId, escalation.ToDeskId)
            .Concat(TextProblems(nameof(escalation.IncidentId), escalation.IncidentId, MaxIdLength))
            .Concat(TextProblems(nameof(escalation.Reason), escalation.Reason, MaxTextLength));

    public static IEnumerable<string> Problems(DeskStateReported state) =>
        IdProblems(nameof(state.DeskId), state.DeskId)
            .Concat(state.Faults is null
                ? [$"{nameof(state.Faults)} is missing"]
                : state.Faults.Count > MaxFaults
                    ? [$"{nameof(state.Faults)} has {state.Faults.Count} entries (at most {MaxFaults})"]
                    : state.Faults.SelectMany((fault, i) => TextProblems($"{nameof(state.Faults)}[{i}]", fault, MaxIdLength)));

    /// <summary>A service's report that it refused a message: the desk and process it names, and
    /// its reason.</summary>
    public static IEnumerable<string> RejectionProblems(string? deskId, string? process, string? reason) =>
        IdProblems("DeskId", deskId)
            .Concat(TextProblems("ProcessName", process, MaxIdLength))
            .Concat(TextProblems("Reason", reason, MaxTextLength));

    private static IEnumerable<string> IncidentIdProblems(string? incidentId) => IdProblems("IncidentId", incidentId);

    private static IEnumerable<string> HandoffProblems(string? handoffId, string? fromDeskId, string? toDeskId) =>
        IdProblems("HandoffId", handoffId)
            .Concat(IdProblems("FromDeskId", fromDeskId))
            .Concat(IdProblems("ToDeskId", toDeskId));
}
