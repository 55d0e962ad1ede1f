using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.ServiceDefaults.Messaging;

/// <summary>What every message that carries an incident must get right before a service acts on
/// it: an id, a known type and severity, and a finite, non-negative amount of work. A message
/// from outside the services (a plain AMQP client, an older version) may get any of it wrong.</summary>
public static class IncidentFieldChecks
{
    /// <summary>Longest incident id taken in; ids end up in logs, spans and the board.</summary>
    public const int MaxIdLength = 128;

    /// <summary>Most work one incident may carry: a simulated year.</summary>
    public const double MaxWorkMinutes = 525_600;

    /// <summary>Longest summary taken in (a page of text; a body of megabytes is not a summary).</summary>
    public const int MaxSummaryLength = 2_000;

    /// <summary>What is wrong with a free-text field: too long for what it is.</summary>
    public static IEnumerable<string> TextProblems(string field, string? value, int maxLength)
    {
        if (value is { Length: var length } && length > maxLength)
        {
            yield return $"{field} is {length} characters long (at most {maxLength})";
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
}
