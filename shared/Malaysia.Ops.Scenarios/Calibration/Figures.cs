using System.Globalization;

namespace Malaysia.Ops.Scenarios.Calibration;

/// <summary>How calibrated figures are written: six significant digits, invariant culture, so a
/// scenario file reads the same everywhere and loads back to within a millionth.</summary>
internal static class Figures
{
    public static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    public static string Fixed(double value, int decimals) => value.ToString($"F{decimals}", CultureInfo.InvariantCulture);

    public static string Hour(int hour) => string.Create(CultureInfo.InvariantCulture, $"{hour % 24:D2}:00");
}
