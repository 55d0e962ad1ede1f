namespace Malaysia.Ops.Benchmarks;

/// <summary>How long each case of the simulator benchmark simulates, in days, and how many times
/// the default rate the busy month runs at.</summary>
public sealed record SimulatorBenchmarkSettings(double WeekDays = 7, double MonthDays = 30, double RateMultiplier = 10, double YearDays = 365, double MM3Days = 365);
