namespace Malaysia.Ops.Domain.Incidents;

/// <summary>
/// Where a seeded stream of arrivals ends at the latest: a year before the calendar's end, so
/// that local times and what follows an arrival (a burst's spread, a workload's run) stay
/// representable. A vanishing rate (1e-9 an hour) draws gaps of a hundred thousand years; its
/// stream ends there, as no run lasts that long.
/// </summary>
internal static class StreamHorizon
{
    private static readonly DateTimeOffset End = DateTimeOffset.MaxValue.AddYears(-1);

    /// <summary>Whether <paramref name="count"/> of <paramref name="unit"/> after
    /// <paramref name="at"/> comes before the horizon.</summary>
    public static bool Reaches(DateTimeOffset at, double count, TimeSpan unit) => count < (End - at) / unit;
}
