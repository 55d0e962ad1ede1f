using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.Messaging;

/// <summary>What every message that carries an incident must get right before a service acts on
/// it: an id, a known type and severity, and a finite, non-negative amount of work; and the other
/// ids, counts and free text such messages carry, each within bounds. A message from outside the
/// services (a plain AMQP client, an older version) may get any of it wrong.</summary>
public static class IncidentFieldChecks
{
    /// <summary>Longest incident id taken in; ids end up in logs, spans and the board.</summary>
    public const int MaxIdLength = 128;

    /// <summary>Most work one incident may carry: a simulated year.</summary>
    public const double MaxWorkMinutes = 525_600;

    /// <summary>Longest summary taken in (a page of text; a body of megabytes is not a summary).</summary>
    public const int MaxSummaryLength = 2_000;

    /// <summary>Longest free text taken in (notes, a next action, a question, a reason): a page,
    /// as a summary.</summary>
    public const int MaxTextLength = MaxSummaryLength;

    /// <summary>Most faults one desk may report at once (a desk has a handful of kinds).</summary>
    public const int MaxFaults = 16;

    /// <summary>What is wrong with a free-text field: too long for what it is.</summary>
    public static IEnumerable<string> TextProblems(string field, string? value, int maxLength)
    {
        if (value is { Length: var length } && length > maxLength)
        {
            yield return $"{field} is {length} characters long (at most {maxLength})";
        }
    }

    /// <summary>What is wrong with an id every such message names (a desk, a shift, a
    /// handoff): missing, or too long to be an id.</summary>
    public static IEnumerable<string> IdProblems(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? [$"{field} is empty"] : TextProblems(field, value, MaxIdLength);

    /// <summary>What is wrong with a count: below zero.</summary>
    public static IEnumerable<string> CountProblems(string field, int value)
    {
        if (value < 0)
        {
            yield return $"{field} {value} is not a count (0 or more)";
        }
    }

    public static IEnumerable<string> Problems(string? incidentId, IncidentType type, Severity severity, double workMinutes)
    {
        if (string.IsNullOrWhiteSpace(incidentId))
        {
            yield return "IncidentId is empty";
        }
        else if (incidentId.Length > MaxIdLength)
        {
            yield return $"IncidentId is {incidentId.Length} characters long (at most {MaxIdLength})";
        }

        if (!Enum.IsDefined(type))
        {
            yield return $"Type {(int)type} is not an incident type";
        }

        if (!Enum.IsDefined(severity))
        {
            yield return $"Severity {(int)severity} is not a severity";
        }

        if (!double.IsFinite(workMinutes) || workMinutes is < 0 or > MaxWorkMinutes)
        {
            yield return $"WorkMinutes {workMinutes} is not a number of minutes (0 to {MaxWorkMinutes})";
        }
    }

    /// <summary>A raised incident: its incident fields, a cluster id and a summary of bounded length.</summary>
    public static IEnumerable<string> Problems(IncidentRaised raised) =>
        Problems(raised.IncidentId, raised.Type, raised.Severity, raised.WorkMinutes)
            .Concat(TextProblems(nameof(raised.ClusterId), raised.ClusterId, MaxIdLength))
            .Concat(TextProblems(nameof(raised.Summary), raised.Summary, MaxSummaryLength));

    /// <summary>An assignment: its incident fields, and the desk and shift it is for.</summary>
    public static IEnumerable<string> Problems(IncidentAssigned assigned) =>
        Problems(assigned.IncidentId, assigned.Type, assigned.Severity, assigned.WorkMinutes)
            .Concat(IdProblems(nameof(assigned.DeskId), assigned.DeskId))
            .Concat(IdProblems(nameof(assigned.ShiftId), assigned.ShiftId));

    /// <summary>One item of a handoff briefing: its incident fields, a known status, and notes,
    /// next action and trace context of bounded length.</summary>
    public static IEnumerable<string> Problems(HandoffItem item)
    {
        var problems = Problems(item.IncidentId, item.Type, item.Severity, item.RemainingWorkMinutes)
            .Concat(CountProblems(nameof(item.TimesHandedOver), item.TimesHandedOver))
            .Concat(TextProblems(nameof(item.Notes), item.Notes, MaxTextLength))
            .Concat(TextProblems(nameof(item.NextAction), item.NextAction, MaxTextLength))
            .Concat(TextProblems(nameof(item.TraceParent), item.TraceParent, MaxIdLength));
        return Enum.IsDefined(item.Status) ? problems : problems.Append($"Status {(int)item.Status} is not a work status");
    }
}
