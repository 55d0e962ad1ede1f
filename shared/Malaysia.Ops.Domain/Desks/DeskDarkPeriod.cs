namespace Malaysia.Ops.Domain.Desks;

/// <summary>A stretch of time in which the desk is dark: nobody works, reviews or briefs.</summary>
public sealed record DeskDarkPeriod(DateTimeOffset From, DateTimeOffset To);
