using System.Globalization;
using System.Net;
using Malaysia.Ops.Domain.Forecast;
using Malaysia.Ops.Domain.HandoffScoring;

namespace Malaysia.Ops.Simulator.Reporting;

/// <summary>
/// How report.html writes text, numbers and instants. Every figure goes through here so the
/// document reads the same on every machine (invariant culture, UTC) and no text from a
/// scenario file can break out of the markup.
/// </summary>
internal static class ReportFormat
{
    /// <summary>What an absent figure (no items, no latency) shows.</summary>
    public const string None = "–";

    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A coordinate or a plain figure, with at most two decimals.</summary>
    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Count(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>Staff cost: whole units of the scenario's currency, grouped by thousands.</summary>
    public static string Money(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>Simulated minutes, to a tenth.</summary>
    public static string Minutes(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : None;

    /// <summary>A fraction as a percentage, to a tenth where it matters (2/3 is 66.7%, not 67%).</summary>
    public static string Percent(double fraction) => fraction.ToString("0.#%", CultureInfo.InvariantCulture);

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>Hours from midnight as a clock time: 13.5 is "13:30", the end of the day "24:00".</summary>
    public static string HourOfDay(double hours)
    {
        var minutes = (int)Math.Round(hours * 60);
        return string.Create(CultureInfo.InvariantCulture, $"{minutes / 60:00}:{minutes % 60:00}");
    }

    /// <summary>A handoff quality score (or a mean of them) with its band: "83.5 (great)".</summary>
    public static string Score(double? score) => score is { } v ? HandoffScorer.Label(v) : None;

    /// <summary>A stretch in a desk's local time: "my 2027-03-10 09:00 – 20:00 (UTC+08:00)".</summary>
    public static string Local(DeskLocalTime local) => string.Create(
        CultureInfo.InvariantCulture,
        $"{local.DeskId} {local.From:yyyy-MM-dd HH:mm} – {(local.To.Date == local.From.Date ? local.To.ToString("HH:mm", CultureInfo.InvariantCulture) : local.To.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))} (UTC{local.From:zzz})");

    /// <summary>"my->us" as "my → us".</summary>
    public static string Direction(string direction) => direction.Replace("->", " → ", StringComparison.Ordinal);
}
