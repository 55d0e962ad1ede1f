namespace Malaysia.Ops.Scenarios.History;

/// <summary>The exports an incident history is imported from (docs/history.md).</summary>
public enum HistoryFormat
{
    /// <summary>PagerDuty's incidents CSV.</summary>
    PagerDuty,

    /// <summary>Opsgenie's alerts as JSON.</summary>
    Opsgenie,

    /// <summary>This project's own CSV: raised_at, severity, type or service, work_minutes.</summary>
    Generic,
}
