using System.Globalization;
using Malaysia.Ops.Domain.Reporting;
using Malaysia.Ops.Domain.Statistics;

namespace Malaysia.Ops.Simulator.Reporting;

/// <summary>
/// How the terminal and report.html name and write the figures estimated across replications:
/// "resolved in time Sev1  87.1% ± 2.3 (sd 1.9)". A share is written as a percentage and its
/// spread in percentage points; ± is the half-width of the 95% interval.
/// </summary>
internal static class FigureText
{
    private static readonly (string Figure, string Label)[] Figures =
    [
        (HeadlineFigures.CostPerDay, "cost per day"),
        (HeadlineFigures.ResolvedInTime, "resolved in time"),
        (HeadlineFigures.AcknowledgedInTime, "acknowledged in time"),
        (HeadlineFigures.ItemLatencyP50, "item latency p50, min"),
        (HeadlineFigures.ItemLatencyP95, "item latency p95, min"),
        (HeadlineFigures.Utilisation, "utilisation"),
        (HeadlineFigures.QueueWaitMean, "queue wait mean, min"),
        (HeadlineFigures.QueueWaitP50, "queue wait p50, min"),
        (HeadlineFigures.QueueWaitP95, "queue wait p95, min"),
        (HeadlineFigures.InterruptionsInSleepHours, "interruptions in sleep hours"),
        (HeadlineFigures.PagesAtNight, "pages at night"),
        (HeadlineFigures.IncidentsRaised, "incidents raised"),
        (HeadlineFigures.IncidentsOpenAtEnd, "open at the end"),
        (HeadlineFigures.IncidentsArrivedInGap, "arrived in a coverage gap"),
        (HeadlineFigures.IncidentsEscalatedToAnotherDesk, "escalated to another desk"),
        (HeadlineFigures.IncidentsPaged, "paged"),
        (HeadlineFigures.Handoffs, "handoffs"),
        (HeadlineFigures.AssistWaitP50, "help wait p50, min"),
    ];

    /// <summary>The figures a topology comparison gives differences for.</summary>
    private static readonly string[] ComparedFigures =
        [
            HeadlineFigures.CostPerDay, HeadlineFigures.ResolvedInTime, HeadlineFigures.ItemLatencyP50, HeadlineFigures.ItemLatencyP95,
            HeadlineFigures.Utilisation, HeadlineFigures.QueueWaitMean,
        ];

    /// <summary>Figure names in reading order: cost, service levels, latency, then counts; a
    /// per-severity or per-direction figure after its overall one.</summary>
    public static IEnumerable<string> Ordered(IEnumerable<string> names) => names
        .OrderBy(name => Array.FindIndex(Figures, f => f.Figure == Base(name)) is var i and >= 0 ? i : Figures.Length)
        .ThenBy(name => name, StringComparer.Ordinal);

    /// <summary>Cost per day, resolved in time per severity, overall item latency, utilisation and
    /// mean queue wait: what a choice between topologies turns on.</summary>
    public static bool IsCompared(string name) =>
        ComparedFigures.Contains(Base(name)) && (Base(name) == HeadlineFigures.ResolvedInTime || name == Base(name));

    /// <summary>"resolved in time Sev1", "item latency p95, min (my → us)".</summary>
    public static string Label(string name)
    {
        var label = Array.Find(Figures, f => f.Figure == Base(name)).Label ?? Base(name);
        var part = name.Length > Base(name).Length ? name[(Base(name).Length + 1)..] : null;
        return part switch
        {
            null => label,
            _ when IsShare(name) => $"{label} {part}",
            _ => $"{label} ({ReportFormat.Direction(part)})",
        };
    }

    /// <summary>"87.1%", "1,234", "12.5".</summary>
    public static string Value(string name, double value) =>
        IsShare(name) ? ReportFormat.Percent(value)
        : Base(name) == HeadlineFigures.CostPerDay ? ReportFormat.Money(value)
        : value.ToString("#,0.0", CultureInfo.InvariantCulture);

    /// <summary>A spread or a half-width: percentage points for a share.</summary>
    public static string Spread(string name, double spread) =>
        IsShare(name) ? (spread * 100).ToString("0.0", CultureInfo.InvariantCulture)
        : Base(name) == HeadlineFigures.CostPerDay ? ReportFormat.Money(spread)
        : spread.ToString("#,0.0", CultureInfo.InvariantCulture);

    /// <summary>"87.1% ± 2.3 (sd 1.9)"; a figure only one replication measured has no interval.</summary>
    public static string Estimate(string name, Estimate estimate) =>
        estimate is { HalfWidth: { } half, StandardDeviation: { } sd }
            ? $"{Value(name, estimate.Mean)} ± {Spread(name, half)} (sd {Spread(name, sd)})"
            : $"{Value(name, estimate.Mean)} (1 replication)";

    /// <summary>"+2.3 pp ± 1.1", "-1,200 ± 0": a difference with its sign and the half-width
    /// of its interval.</summary>
    public static string Difference(string name, Estimate difference)
    {
        var sign = difference.Mean > 0 ? "+" : difference.Mean < 0 ? "-" : string.Empty;
        var size = IsShare(name) ? $"{Spread(name, Math.Abs(difference.Mean))} pp" : Spread(name, Math.Abs(difference.Mean));
        return difference.HalfWidth is { } half ? $"{sign}{size} ± {Spread(name, half)}" : $"{sign}{size}";
    }

    private static bool IsShare(string name) => Base(name) is HeadlineFigures.ResolvedInTime or HeadlineFigures.AcknowledgedInTime or HeadlineFigures.Utilisation;

    private static string Base(string name) => name.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0 ? name[..dot] : name;
}
