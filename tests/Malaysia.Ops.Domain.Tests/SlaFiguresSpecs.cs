using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Domain.Ledger;

namespace Malaysia.Ops.Domain.Tests;

public class SlaFiguresSpecs
{
    private static readonly DateTimeOffset Raised = new(2026, 7, 13, 3, 0, 0, TimeSpan.Zero);

    private static IncidentRecord Incident(Severity severity, double ackMinutes, double? resolveMinutes) =>
        new($"INC-{ackMinutes}-{resolveMinutes}", IncidentType.GpuNodeFailure, severity, Raised,
            resolveMinutes is null ? IncidentStatus.Open : IncidentStatus.Resolved, "my", "my", false,
            Raised.AddMinutes(ackMinutes), resolveMinutes is { } r ? Raised.AddMinutes(r) : null, resolveMinutes is null ? null : "my", 0, 0);

    [Fact]
    public void A_Sev1_must_be_acknowledged_within_15_minutes_and_resolved_within_4_hours()
    {
        var levels = ServiceLevels.Default;

        Assert.False(levels.AcknowledgementBreached(Severity.Sev1, Raised, Raised.AddMinutes(15)));
        Assert.True(levels.AcknowledgementBreached(Severity.Sev1, Raised, Raised.AddMinutes(15.5)));
        Assert.False(levels.ResolutionBreached(Severity.Sev1, Raised, Raised.AddHours(4)));
        Assert.True(levels.ResolutionBreached(Severity.Sev1, Raised, Raised.AddHours(4.1)));
    }

    [Fact]
    public void Figures_count_breaches_of_each_stage_and_open_incidents_only_once_their_target_has_passed()
    {
        var figures = SlaFigures.Of(
            [
                Incident(Severity.Sev2, ackMinutes: 10, resolveMinutes: 60),
                Incident(Severity.Sev2, ackMinutes: 45, resolveMinutes: 600),
                Incident(Severity.Sev2, ackMinutes: 50, resolveMinutes: null),
                Incident(Severity.Sev2, ackMinutes: 5, resolveMinutes: null),
            ],
            ServiceLevels.Default,
            asOf: Raised.AddHours(2));

        Assert.Equal(new SlaFigures(4, AcknowledgementBreaches: 2, ResolutionBreaches: 1), figures);
        Assert.Equal(0.5, figures.AcknowledgedInTime);
        Assert.Equal(0.75, figures.ResolvedInTime);
    }

    [Fact]
    public void An_incident_still_waiting_past_its_targets_counts_as_breached()
    {
        var neverAcknowledged = Incident(Severity.Sev1, ackMinutes: 0, resolveMinutes: null) with { AcknowledgedAt = null };

        Assert.Equal(new SlaFigures(1, 0, 0), SlaFigures.Of([neverAcknowledged], ServiceLevels.Default, asOf: Raised.AddMinutes(10)));
        Assert.Equal(new SlaFigures(1, 1, 0), SlaFigures.Of([neverAcknowledged], ServiceLevels.Default, asOf: Raised.AddMinutes(20)));
        Assert.Equal(new SlaFigures(1, 1, 1), SlaFigures.Of([neverAcknowledged], ServiceLevels.Default, asOf: Raised.AddHours(5)));
    }
}
