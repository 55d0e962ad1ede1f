using Malaysia.Ops.Domain.Incidents;

namespace Malaysia.Ops.Desk;

/// <summary>What a desk keeps of an incident it holds, besides its model: how many times longer
/// than a skilled engineer it takes here (no skill, a slowed desk) as it was when it came, and the
/// help only another desk can give it, if any.</summary>
internal sealed record HeldIncident(double WorkFactor, CrossDeskNeed? Need)
{
    /// <summary>The work <paramref name="skilledMinutes"/> of a skilled engineer takes here.</summary>
    public double WorkHere(double skilledMinutes) => Math.Round(skilledMinutes * WorkFactor, 2);
}
