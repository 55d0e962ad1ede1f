namespace Malaysia.Ops.Domain.Holidays;

/// <summary>A public holiday: the local date a desk's site keeps it on, and its name.</summary>
public sealed record Holiday(DateOnly Date, string Name);
