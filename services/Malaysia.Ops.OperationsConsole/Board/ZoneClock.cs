namespace Malaysia.Ops.OperationsConsole.Board;

/// <summary>Simulated time in one place, e.g. "New York", "America/New_York", "09:12", "Mon 13 Jul".</summary>
public sealed record ZoneClock(string Label, string TimeZone, string Time, string Date, string UtcOffset);
