namespace Malaysia.Ops.Domain.Desks;

/// <summary>
/// How well context survives a change of hands. The outgoing desk leaves an item's context out
/// (or garbles it) with <paramref name="OmissionProbability"/>; the incoming lead then queries it
/// with <paramref name="QueryProbability"/>, taking it over <paramref name="QueryTime"/> later,
/// or takes it over unaware and finds out when work starts: a surprise costing
/// <paramref name="SurpriseWork"/>. Every change of hands costs <paramref name="Refamiliarisation"/>
/// of extra work. Draws depend on <paramref name="Seed"/>, the handoff and the incident only.
/// </summary>
public sealed record HandoffQuality(
    double OmissionProbability,
    double QueryProbability,
    TimeSpan QueryTime,
    TimeSpan SurpriseWork,
    TimeSpan Refamiliarisation,
    int Seed)
{
    public static HandoffQuality Perfect { get; } = new(0, 0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, 0);
}
