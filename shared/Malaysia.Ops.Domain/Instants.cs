namespace Malaysia.Ops.Domain;

/// <summary>The earlier or later of instants: <see cref="DateTimeOffset"/> has no Min or Max of
/// its own.</summary>
public static class Instants
{
    public static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    public static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>The earliest of <paramref name="first"/> and those of <paramref name="others"/>
    /// that are set.</summary>
    public static DateTimeOffset Earliest(DateTimeOffset first, params DateTimeOffset?[] others) =>
        others.Aggregate(first, (earliest, other) => other is { } at && at < earliest ? at : earliest);
}
