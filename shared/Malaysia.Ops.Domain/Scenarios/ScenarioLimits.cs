namespace Malaysia.Ops.Domain.Scenarios;

/// <summary>
/// The bounds of a run, the same for a scenario file and for the command line that overrides it.
/// </summary>
public static class ScenarioLimits
{
    /// <summary>The years an instant may fall in. Far enough either way for any rehearsal or
    /// what-if, and bounded so that a run's end (its start plus up to a year) and every time
    /// computed from it stay inside the calendar .NET can represent: year 9999 plus a few days
    /// would throw instead of being reported.</summary>
    public const int MinYear = 1970;

    public const int MaxYear = 3000;

    /// <summary>The longest run: a leap year, so a simulated year (365 days) is always possible.</summary>
    public const double MaxDays = 366;

    /// <summary>The longest warm-up, in hours: less than the run, which is at most this long.</summary>
    public const double MaxWarmUpHours = MaxDays * 24;

    public static bool IsInYears(DateTimeOffset instant) => instant.UtcDateTime.Year is >= MinYear and <= MaxYear;

    /// <summary>Why an instant is out of range, after the text naming it.</summary>
    public static string OutOfYears => $"is out of range (must be in the years {MinYear} to {MaxYear})";
}
