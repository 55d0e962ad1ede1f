using Malaysia.Ops.Domain.Reporting;

namespace Malaysia.Ops.Simulator.Reporting;

/// <summary>The tables of report.html for what a user of the operation measures: utilisation and
/// queue wait per desk and shift, and each desk's interruptions by its local time.</summary>
internal static class MeasureTables
{
    public static string Shifts(IReadOnlyList<ShiftMeasures> shifts)
    {
        var table = new HtmlTable(
        [
            new("Desk"),
            new("Shift (local)"),
            new("Engineer-hours on duty", Numeric: true),
            new("Busy engineer-hours", Numeric: true),
            new("Utilisation", Numeric: true),
            new("Started", Numeric: true, Group: "Queue wait, raised to work start (min)"),
            new("p50", Numeric: true, Group: "Queue wait, raised to work start (min)"),
            new("p95", Numeric: true, Group: "Queue wait, raised to work start (min)"),
            new("Mean", Numeric: true, Group: "Queue wait, raised to work start (min)"),
        ]);
        foreach (var shift in shifts)
        {
            table.Add(
                shift.DeskId,
                shift.Shift,
                ReportFormat.Number(shift.StaffedEngineerHours),
                ReportFormat.Number(shift.BusyEngineerHours),
                shift.Utilisation is { } u ? ReportFormat.Percent(u) : "-",
                ReportFormat.Count(shift.QueueWait.Count),
                ReportFormat.Minutes(shift.QueueWait.P50),
                ReportFormat.Minutes(shift.QueueWait.P95),
                ReportFormat.Minutes(shift.QueueWait.Mean));
        }

        return table.ToString();
    }

    public static string Interruptions(IReadOnlyList<DeskInterruptions> desks)
    {
        var table = new HtmlTable(
        [
            new("Desk"),
            new("Business hours", Numeric: true, Group: "Incidents taken, local time"),
            new("Off hours", Numeric: true, Group: "Incidents taken, local time"),
            new("Sleep hours", Numeric: true, Group: "Incidents taken, local time"),
            new("Pages", Numeric: true, Group: "On-call"),
            new("At night", Numeric: true, Group: "On-call"),
        ]);
        foreach (var desk in desks)
        {
            table.Add(null,
            [
                new(desk.DeskId),
                new(ReportFormat.Count(desk.BusinessHours)),
                new(ReportFormat.Count(desk.OffHours)),
                new(ReportFormat.Count(desk.SleepHours), Warning: desk.SleepHours > 0),
                new(ReportFormat.Count(desk.Pages)),
                new(ReportFormat.Count(desk.PagesAtNight), Warning: desk.PagesAtNight > 0),
            ]);
        }

        return table.ToString();
    }
}
