namespace Malaysia.Ops.Domain.Rosters;

/// <summary>A shift in the desk's local wall-clock time. An end at or before the start means the
/// shift runs overnight into the next local day (20:00-08:00).</summary>
public sealed record ShiftPattern(TimeOnly Start, TimeOnly End)
{
    public bool IsOvernight => End <= Start;

    /// <summary>Nominal length on a day without a daylight-saving change.</summary>
    public TimeSpan NominalLength => IsOvernight ? TimeSpan.FromDays(1) - (Start - End) : End - Start;

    public override string ToString() => $"{Start:HH\\:mm}-{End:HH\\:mm}";

    /// <summary>Parses "08:00-20:00".</summary>
    public static bool TryParse(string text, out ShiftPattern pattern)
    {
        pattern = new ShiftPattern(default, default);
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], "HH:mm", out var start)
            || !TimeOnly.TryParseExact(parts[1], "HH:mm", out var end))
        {
            return false;
        }

        pattern = new ShiftPattern(start, end);
        return true;
    }

    /// <summary>The minutes of the local day (0-1439) the shift covers, as at most two
    /// half-open ranges, for checking overlaps between a desk's own shifts.</summary>
    internal IEnumerable<(int From, int To)> MinuteRanges()
    {
        var start = (int)Start.ToTimeSpan().TotalMinutes;
        var end = (int)End.ToTimeSpan().TotalMinutes;
        if (IsOvernight)
        {
            yield return (start, 24 * 60);
            if (end > 0)
            {
                yield return (0, end);
            }
        }
        else
        {
            yield return (start, end);
        }
    }
}
