namespace Malaysia.Ops.Scenarios.Calibration;

/// <summary>The local hours [<paramref name="FromHour"/>, <paramref name="ToHour"/>) of a day when
/// arrivals run above the rest of the day, by <paramref name="Factor"/>.</summary>
public sealed record BusyWindow(int FromHour, int ToHour, double Factor);
