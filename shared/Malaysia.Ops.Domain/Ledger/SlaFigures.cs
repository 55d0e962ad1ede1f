using Malaysia.Ops.Domain.Incidents;
using static Malaysia.Ops.Domain.Instants;

namespace Malaysia.Ops.Domain.Ledger;

/// <summary>Service-level attainment of a group of incidents. An incident still waiting for
/// acknowledgement or resolution counts as met until its target has passed by the instant the
/// figures are taken (<c>asOf</c>), and as breached after that.</summary>
public sealed record SlaFigures(int Incidents, int AcknowledgementBreaches, int ResolutionBreaches)
{
    public double AcknowledgedInTime => Incidents == 0 ? 1 : 1 - ((double)AcknowledgementBreaches / Incidents);

    public double ResolvedInTime => Incidents == 0 ? 1 : 1 - ((double)ResolutionBreaches / Incidents);

    public static SlaFigures Of(IEnumerable<IncidentRecord> incidents, ServiceLevels levels, DateTimeOffset asOf)
    {
        var list = incidents.ToList();
        return new SlaFigures(
            list.Count,
            list.Count(i => (i.AcknowledgedAt ?? Later(asOf, i.RaisedAt)) is var at && levels.AcknowledgementBreached(i.Severity, i.RaisedAt, at)),
            list.Count(i => (i.ResolvedAt ?? Later(asOf, i.RaisedAt)) is var at && levels.ResolutionBreached(i.Severity, i.RaisedAt, at)));
    }
}
