using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.Desk;

/// <summary>
/// The structured briefing (severity as judged, a one-line summary, actions, what to watch for,
/// what to do if it happens): drafted by the simulated desk from what it knows of each item, or
/// written by a person leading the desk out, whose items left out change hands with their
/// context missing, as an omission of the simulated desk does.
/// </summary>
public static class WrittenBriefings
{
    /// <summary>The simulated desk's own fields for an item; none for an item whose context it
    /// left out.</summary>
    public static HandoffItem Drafted(HandoffItem item) => item.ContextMissing
        ? item
        : item with
        {
            JudgedSeverity = item.Severity,
            Summary = item.Notes,
            Actions = [item.NextAction],
            WatchFor = item.Status == WorkStatus.InProgress ? "the fix not holding once work resumes" : "its service level running out before work starts",
            IfItHappens = item.Acknowledged ? "page the on-call engineer" : "acknowledge it at once and page the on-call engineer",
        };

    /// <summary>The briefing's items as the person wrote them; the open items they left out go
    /// with blank fields and their context missing.</summary>
    public static List<HandoffItem> AsWritten(IEnumerable<HandoffItem> drafted, HandoffBriefingWritten written)
    {
        var byIncident = written.Items.GroupBy(i => i.IncidentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        return drafted.Select(item => byIncident.TryGetValue(item.IncidentId, out var w)
            ? item with
            {
                Notes = w.Summary,
                NextAction = w.Actions.Count > 0 ? w.Actions[0] : string.Empty,
                ContextMissing = false,
                JudgedSeverity = w.JudgedSeverity,
                Summary = w.Summary,
                Actions = w.Actions,
                WatchFor = w.WatchFor,
                IfItHappens = w.IfItHappens,
            }
            : item with
            {
                Notes = string.Empty,
                NextAction = string.Empty,
                ContextMissing = true,
                JudgedSeverity = null,
                Summary = null,
                Actions = null,
                WatchFor = null,
                IfItHappens = null,
            }).ToList();
    }
}
