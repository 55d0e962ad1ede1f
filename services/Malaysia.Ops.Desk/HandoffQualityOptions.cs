using Malaysia.Ops.Domain.Desks;

namespace Malaysia.Ops.Desk;

/// <summary>How well context survives a change of hands (see <see cref="HandoffQuality"/>):
/// probabilities from 0 to 1, times in simulated minutes.</summary>
public sealed class HandoffQualityOptions
{
    public double OmissionProbability { get; set; }

    public double QueryProbability { get; set; }

    public double QueryMinutes { get; set; }

    public double SurpriseMinutes { get; set; }

    public double RefamiliarisationMinutes { get; set; }

    public HandoffQuality ToQuality(int seed) => new(
        OmissionProbability,
        QueryProbability,
        TimeSpan.FromMinutes(QueryMinutes),
        TimeSpan.FromMinutes(SurpriseMinutes),
        TimeSpan.FromMinutes(RefamiliarisationMinutes),
        seed);

    internal IEnumerable<string> Problems(string section)
    {
        foreach (var (name, value) in new[] { ("OmissionProbability", OmissionProbability), ("QueryProbability", QueryProbability) })
        {
            if (value is not (>= 0 and <= 1))
            {
                yield return $"{section}:{name}: {value} is not a probability (0 to 1)";
            }
        }

        foreach (var (name, value) in new[] { ("QueryMinutes", QueryMinutes), ("SurpriseMinutes", SurpriseMinutes), ("RefamiliarisationMinutes", RefamiliarisationMinutes) })
        {
            if (value is not (>= 0 and <= 1440))
            {
                yield return $"{section}:{name}: {value} is out of range (0 to 1440 simulated minutes)";
            }
        }
    }
}
