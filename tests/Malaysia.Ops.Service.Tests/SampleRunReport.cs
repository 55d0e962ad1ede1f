using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Ledger;
using Malaysia.Ops.Domain.Reporting;
using Malaysia.Ops.Domain.Scenarios;

namespace Malaysia.Ops.Service.Tests;

/// <summary>
/// A small, fully known run report: two January days (2026-01-12 and 13) with the US desk on
/// 08:00-20:00 New York and the Malaysian desk on 08:00-20:00 Kuala Lumpur, which leaves nobody
/// on duty from 12:00 to 13:00 UTC. Fourteen incidents of every severity, two of them raised in
/// the gap and two still open at the end; four handoffs, one with no items and one escalated
/// (an item accepted after its window). Compared with a topology where the US desk starts an
/// hour earlier (no gap) and one with a third desk in London. The report specs render it; so
/// does the browser test of the integration tests, which links this file.
/// </summary>
internal static class SampleRunReport
{
    public static DateTimeOffset Start { get; } = Utc(12, 0, 0);

    public static DateTimeOffset End { get; } = Utc(14, 0, 0);

    private static readonly DeskPlan Us = new("us", "New York", "America/New_York", ["08:00-20:00"], 4, 5, new StaffCost(95, 0.25, 0.5));
    private static readonly DeskPlan My = new("my", "Kuala Lumpur", "Asia/Kuala_Lumpur", ["08:00-20:00"], 4, 5, new StaffCost(45, 0.2, 0.5));
    private static readonly DeskPlan UsEarly = Us with { Shifts = ["07:00-20:00"] };
    private static readonly DeskPlan Uk = new("uk", "London", "Europe/London", ["09:00-17:00"], 2, 5, new StaffCost(80, 0.25, 0.5));

    /// <summary>The report, with its two comparison topologies.</summary>
    public static RunReport Create() => new(
        RunReport.CurrentSchemaVersion,
        new ReportScenario(
            "january-noon-gap",
            "Two January days on the default roster: both desks on 08:00-20:00 local leave nobody on duty from 12:00 to 13:00 UTC.",
            Start,
            End,
            2,
            42,
            0.3,
            "virtual"),
        Topology("two-desks", "US and Malaysia, 08:00-20:00 local each", [Us, My], Ledger(noonGap: true)),
        [
            Topology("us-early", "The US desk starts at 07:00 New York and closes the noon gap", [UsEarly, My], Ledger(noonGap: false)),
            Topology("three-sites", "London covers the noon gap from 09:00 to 17:00 UTC", [Us, My, Uk], Ledger(noonGap: false)),
        ]);

    private static TopologyReport Topology(string name, string description, IReadOnlyList<DeskPlan> desks, LedgerSnapshot ledger) =>
        TopologyReportBuilder.Build(name, description, desks, ledger, Start, End);

    /// <summary>The books at the end of the run. With the noon gap, the Malaysian desk's
    /// briefing at 12:00 waits for the US desk until 13:00; without it, the US desk takes the
    /// items over an hour sooner and nothing arrives in a gap.</summary>
    private static LedgerSnapshot Ledger(bool noonGap)
    {
        var ledger = new IncidentLedger();
        var book = new HandoffBook();
        var wait = noonGap ? TimeSpan.FromHours(1) : TimeSpan.Zero;
        DateTimeOffset WithGap(DateTimeOffset withGap, DateTimeOffset without) => noonGap ? withGap : without;

        void Incident(int number, Severity severity, IncidentType type, DateTimeOffset raised, string desk, DateTimeOffset acknowledged, bool inGap = false)
        {
            ledger.Raise(Id(number), type, severity, raised);
            ledger.Assign(Id(number), desk, inGap && noonGap);
            ledger.Acknowledge(Id(number), acknowledged, desk);
            ledger.StartWork(Id(number), desk, acknowledged.AddMinutes(5));
        }

        void Handoff(DateTimeOffset shiftEnds, string from, string to, DateTimeOffset acceptFrom, params (int Incident, DateTimeOffset AcceptedAt)[] items)
        {
            var id = $"HO-{shiftEnds.UtcDateTime:yyyyMMdd'T'HHmm'Z'}-{from}-{to}";
            book.Open(id, from, to, shiftEnds, acceptFrom, TimeSpan.FromMinutes(60));
            book.Briefed(id, items.Select(i => Id(i.Incident)), shiftEnds);
            foreach (var (incident, acceptedAt) in items.Where(i => i.AcceptedAt <= acceptFrom.AddMinutes(60)))
            {
                book.ItemAccepted(id, Id(incident), acceptedAt, shiftEnds, acceptedAt);
                ledger.HandOver(Id(incident), to);
            }

            var lastAccepted = items.Select(i => i.AcceptedAt).Where(at => at <= acceptFrom.AddMinutes(60)).DefaultIfEmpty(acceptFrom).Max();
            if (items.All(i => i.AcceptedAt <= acceptFrom.AddMinutes(60)))
            {
                book.Completed(id, lastAccepted, shiftEnds, lastAccepted);
                return;
            }

            // The window closes with an item not taken over; it is accepted late, and stays escalated.
            foreach (var escalation in book.EscalateOverdue(acceptFrom.AddMinutes(60)))
            {
                ledger.Escalate(escalation.IncidentId!);
            }

            foreach (var (incident, acceptedAt) in items.Where(i => i.AcceptedAt > acceptFrom.AddMinutes(60)))
            {
                book.ItemAccepted(id, Id(incident), acceptedAt, shiftEnds, acceptedAt);
                ledger.HandOver(Id(incident), to);
            }
        }

        // 12 January.
        Incident(1, Severity.Sev3, IncidentType.ModelDrift, Utc(12, 0, 20), "my", Utc(12, 0, 30));
        Incident(2, Severity.Sev2, IncidentType.TrainingJobStalled, Utc(12, 3, 5), "my", Utc(12, 3, 15));
        Incident(3, Severity.Sev1, IncidentType.GpuNodeFailure, Utc(12, 11, 30), "my", Utc(12, 11, 40));
        Incident(4, Severity.Sev2, IncidentType.DataPipelineLag, Utc(12, 11, 50), "my", Utc(12, 11, 55));
        Incident(5, Severity.Sev2, IncidentType.InferenceLatencySloBreach, Utc(12, 12, 30), "us", WithGap(Utc(12, 13, 5), Utc(12, 12, 35)), inGap: true);
        Incident(6, Severity.Sev3, IncidentType.CheckpointStorageFull, Utc(12, 22, 10), "us", Utc(12, 22, 20));
        Incident(7, Severity.Sev4, IncidentType.DataPipelineLag, Utc(12, 23, 40), "us", Utc(12, 23, 50));
        Incident(8, Severity.Sev1, IncidentType.DataCentrePowerAlarm, Utc(12, 23, 55), "us", Utc(12, 23, 58));

        // 13 January.
        Incident(9, Severity.Sev3, IncidentType.ModelDrift, Utc(13, 6, 0), "my", Utc(13, 6, 30));
        Incident(10, Severity.Sev2, IncidentType.GpuNodeFailure, Utc(13, 11, 20), "my", Utc(13, 11, 25));
        Incident(11, Severity.Sev3, IncidentType.TrainingJobStalled, Utc(13, 11, 45), "my", Utc(13, 11, 50));
        Incident(12, Severity.Sev4, IncidentType.ModelDrift, Utc(13, 12, 40), "us", WithGap(Utc(13, 13, 10), Utc(13, 12, 50)), inGap: true);
        Incident(13, Severity.Sev2, IncidentType.InferenceLatencySloBreach, Utc(13, 19, 0), "us", Utc(13, 19, 10));
        Incident(14, Severity.Sev1, IncidentType.GpuNodeFailure, Utc(13, 15, 0), "us", Utc(13, 15, 5));

        Handoff(Utc(12, 1, 0), "us", "my", Utc(12, 1, 0));
        Handoff(Utc(12, 12, 0), "my", "us", Utc(12, 12, 0) + wait, (3, Utc(12, 12, 10) + wait), (4, Utc(12, 12, 25) + wait));
        Handoff(Utc(13, 1, 0), "us", "my", Utc(13, 1, 0), (6, Utc(13, 1, 4)), (7, Utc(13, 1, 12)), (8, Utc(13, 1, 22)));
        Handoff(Utc(13, 12, 0), "my", "us", Utc(13, 12, 0) + wait, (10, Utc(13, 12, 5) + wait), (11, Utc(13, 13, 30) + wait));

        ledger.Resolve(Id(1), "my", Utc(12, 2, 10));
        ledger.Resolve(Id(2), "my", Utc(12, 5, 0));
        ledger.Resolve(Id(3), "us", WithGap(Utc(12, 15, 45), Utc(12, 14, 45)));
        ledger.Resolve(Id(4), "us", WithGap(Utc(12, 20, 30), Utc(12, 19, 30)));
        ledger.Resolve(Id(5), "us", Utc(12, 16, 0));
        ledger.Resolve(Id(6), "my", Utc(13, 3, 0));
        ledger.Resolve(Id(7), "my", Utc(13, 6, 0));
        ledger.Resolve(Id(8), "my", Utc(13, 2, 30));
        ledger.Resolve(Id(9), "my", Utc(13, 9, 0));
        ledger.Resolve(Id(10), "us", Utc(13, 17, 0));
        ledger.Resolve(Id(11), "us", Utc(13, 18, 0));
        ledger.Resolve(Id(14), "us", Utc(13, 16, 30));

        return LedgerSnapshot.Of("sample-run", End, End, ledger, book);
    }

    private static string Id(int number) => $"INC-{number:0000}";

    private static DateTimeOffset Utc(int day, int hour, int minute) => new(2026, 1, day, hour, minute, 0, TimeSpan.Zero);
}
