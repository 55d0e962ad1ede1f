using System.Globalization;
using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Scenarios.Reading;

namespace Malaysia.Ops.Scenarios.History;

/// <summary>Reads the instants and numbers of an export field, saying what is wrong with one that
/// does not read ("'2026-02-30T10:00:00Z' is not a date").</summary>
internal static class ExportValue
{
    /// <summary>An ISO-8601 instant with an offset or "Z"; one without is taken as UTC.</summary>
    public static DateTimeOffset? Instant(string text, out string? problem)
    {
        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out var instant))
        {
            problem = $"{ProblemText.Quote(text)} is not a date";
            return null;
        }

        if (!ScenarioLimits.IsInYears(instant))
        {
            problem = $"{ProblemText.Quote(text)} {ScenarioLimits.OutOfYears}";
            return null;
        }

        problem = null;
        return instant;
    }

    /// <summary>A finite number, zero or more.</summary>
    public static double? NonNegative(string text, out string? problem)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            problem = $"{ProblemText.Quote(text)} is not a number";
            return null;
        }

        if (value < 0)
        {
            problem = $"{ProblemText.Quote(text)} is negative";
            return null;
        }

        problem = null;
        return value;
    }
}
