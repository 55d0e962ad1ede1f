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
    public const string Utilisation = "utilisation";
    public const string QueueWaitP50 = "queueWaitP50Minutes";
    public const string QueueWaitP95 = "queueWaitP95Minutes";
    public const string QueueWaitMean = "queueWaitMeanMinutes";
    public const string InterruptionsInSleepHours = "interruptionsInSleepHours";
    public const string PagesAtNight = "pagesAtNight";

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

        if (topology.Measures is { } measures)
        {
            Measured(figures, measures);
        }

        return figures;
    }

    /// <summary>Utilisation (all desks, and per desk as "utilisation.us"), queue wait p50, p95 and
    /// mean (all desks, and the mean per desk) and, per desk, interruptions in sleep hours and
    /// pages at night.</summary>
    private static void Measured(Dictionary<string, double> figures, OperationMeasures measures)
    {
        if (measures.Utilisation is { } utilisation)
        {
            figures[Utilisation] = utilisation;
        }

        if (measures.QueueWait is { P50: { } p50, P95: { } p95, Mean: { } mean })
        {
            figures[QueueWaitP50] = p50;
            figures[QueueWaitP95] = p95;
            figures[QueueWaitMean] = mean;
        }

        foreach (var desk in measures.Shifts.GroupBy(s => s.DeskId, StringComparer.Ordinal))
        {
            var staffed = desk.Sum(s => s.StaffedEngineerHours);
            if (staffed > 0)
            {
                figures[Of(Utilisation, desk.Key)] = Math.Round(desk.Sum(s => s.BusyEngineerHours) / staffed, 4);
            }

            var waits = desk.Where(s => s.QueueWait.Count > 0).ToList();
            if (waits.Count > 0)
            {
                figures[Of(QueueWaitMean, desk.Key)] = Math.Round(waits.Sum(s => s.QueueWait.Mean!.Value * s.QueueWait.Count) / waits.Sum(s => s.QueueWait.Count), 2);
            }
        }

        foreach (var desk in measures.Interruptions)
        {
            figures[Of(InterruptionsInSleepHours, desk.DeskId)] = desk.SleepHours;
            figures[Of(PagesAtNight, desk.DeskId)] = desk.PagesAtNight;
        }
    }
}
