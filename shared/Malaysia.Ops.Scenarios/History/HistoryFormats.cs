namespace Malaysia.Ops.Scenarios.History;

/// <summary>Which format an export is in when nobody says.</summary>
public static class HistoryFormats
{
    /// <summary>Opsgenie for a ".json" file, PagerDuty's CSV otherwise.</summary>
    public static HistoryFormat ByExtension(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? HistoryFormat.Opsgenie : HistoryFormat.PagerDuty;
}
