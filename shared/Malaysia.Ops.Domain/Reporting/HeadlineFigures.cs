using Malaysia.Ops.Domain.Ledger;

namespace Malaysia.Ops.Domain.Reporting;

/// <summary>
/// The figures of one topology's run that are estimated across replications, by name. A figure
/// the run had no sample for (no handoff in a direction, no incident of a severity) is left
/// out, so its estimate is over the replications that had one.
/// </summary>
public static class HeadlineFigures
{
    public const string CostPerDay = "costPerDay";
    public const string IncidentsRaised = "incidentsRaised";
    public const string IncidentsOpenAtEnd = "incidentsOpenAtEnd";
    public const string IncidentsArrivedInGap = "incidentsArrivedInGap";
    public const string IncidentsEscalatedToAnotherDesk = "incidentsEscalatedToAnotherDesk";
    public const string IncidentsPaged = "incidentsPaged";
    public const string Handoffs = "handoffs";
    public const string ItemLatencyP50 = "itemLatencyP50Minutes";
    public const string ItemLatencyP95 = "itemLatencyP95Minutes";
    public const string AssistWaitP50 = "assistWaitP50Minutes";
    public const string AcknowledgedInTime = "acknowledgedInTime";
    public const string ResolvedInTime = "resolvedInTime";

    /// <summary>A per-severity or per-direction figure: "resolvedInTime.Sev1",
    /// "itemLatencyP95Minutes.my->us".</summary>
    public static string Of(string figure, string part) => $"{figure}.{part}";

    public static IReadOnlyDictionary<string, double> Of(TopologyReport topology, LedgerSnapshot ledger)
    {
        var summary = topology.Summary;
        var figures = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [CostPerDay] = topology.CostPerDay,
            [IncidentsRaised] = summary.IncidentsRaised,
            [IncidentsOpenAtEnd] = summary.IncidentsOpen,
            [IncidentsArrivedInGap] = summary.IncidentsArrivedInCoverageGap,
            [IncidentsEscalatedToAnotherDesk] = summary.IncidentsEscalatedToAnotherDesk,
            [IncidentsPaged] = summary.IncidentsPaged,
            [Handoffs] = summary.Handoffs,
        };

        void Latency(string suffix, LatencyFigures latency)
        {
            if (latency.P50 is { } p50 && latency.P95 is { } p95)
            {
                figures[ItemLatencyP50 + suffix] = p50;
                figures[ItemLatencyP95 + suffix] = p95;
            }
        }

        Latency(string.Empty, summary.ItemLatencySimulatedMinutes);
        foreach (var direction in ledger.Handoffs.GroupBy(h => h.Direction, StringComparer.Ordinal))
        {
            Latency($".{direction.Key}", LatencyFigures.Of(direction.SelectMany(h => h.Items).Where(i => i.LatencySimulatedMinutes is not null).Select(i => i.LatencySimulatedMinutes!.Value)));
        }

        if (summary.AssistWaitMinutes?.P50 is { } wait)
        {
            figures[AssistWaitP50] = wait;
        }

        foreach (var (severity, sla) in summary.SlaBySeverity)
        {
            figures[Of(AcknowledgedInTime, severity)] = sla.AcknowledgedInTime;
            figures[Of(ResolvedInTime, severity)] = sla.ResolvedInTime;
        }

        return figures;
    }
}
