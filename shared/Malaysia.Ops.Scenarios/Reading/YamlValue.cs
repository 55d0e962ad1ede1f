using System.Globalization;
using Malaysia.Ops.Domain.Rosters;
using Malaysia.Ops.Domain.Scenarios;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Malaysia.Ops.Scenarios.Reading;

/// <summary>
/// One value of a scenario file, with its field path and position, converted to what the field
/// needs. A value that does not convert is reported where it stands and yields null, so that
/// reading carries on and finds the file's other problems too.
/// </summary>
/// <param name="At">Where the problems about this value are reported: the field's key, or the
/// list item itself.</param>
internal readonly record struct YamlValue(YamlNode Node, string Path, Mark At, ProblemList Problems)
{
    private const string InstantExample = "2026-07-13T00:00:00Z";

    /// <summary>The value as the author wrote it, for quoting in a problem.</summary>
    public string Written => Node is YamlScalarNode { Value: { } text } ? text.Trim() : Describe(Node);

    public void Report(string problem) => Problems.Add(At, Path, problem);

    /// <summary>Trimmed text; an empty string is a problem.</summary>
    public string? Text()
    {
        var text = Scalar("text");
        if (text is { Length: 0 })
        {
            Report("must not be empty");
            return null;
        }

        return text;
    }

    /// <summary>A name or id made of letters, digits and '-', safe in file names, metric labels
    /// and message routing keys.</summary>
    public string? Identifier(string what)
    {
        var text = Text();
        if (text is not null && !text.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            Report($"{ProblemText.Quote(text)} is not a valid {what} (letters, digits and '-' only)");
            return null;
        }

        return text;
    }

    /// <summary>A number in the invariant culture ("1.5", never "1,5") within the range.</summary>
    public double? Number(NumberRange range)
    {
        var text = Scalar("a number");
        if (text is null || !TryParseNumber(text, out var value))
        {
            return null;
        }

        return InRange(text, value, range) ? value : null;
    }

    /// <summary>A whole number within the range.</summary>
    public int? Integer(NumberRange range)
    {
        var text = Scalar("a whole number");
        if (text is null || !TryParseNumber(text, out var value))
        {
            return null;
        }

        if (value != Math.Floor(value))
        {
            Report($"{ProblemText.Quote(text)} is not a whole number");
            return null;
        }

        return InRange(text, value, range) ? (int)value : null;
    }

    /// <summary>An instant, ISO-8601 in UTC or with an offset; normalised to UTC.</summary>
    public DateTimeOffset? Instant()
    {
        var text = Scalar("an instant");
        if (text is null)
        {
            return null;
        }

        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out var instant))
        {
            if (ScenarioLimits.IsInYears(instant))
            {
                return instant;
            }

            Report($"{ProblemText.Quote(text)} {ScenarioLimits.OutOfYears}");
            return null;
        }

        Report($"{ProblemText.Quote(text)} is not an instant (expected ISO-8601, e.g. {InstantExample})");
        return null;
    }

    /// <summary>A calendar date, "yyyy-MM-dd".</summary>
    public DateOnly? Date()
    {
        var text = Scalar("a date");
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Report($"{ProblemText.Quote(text)} is not a date (expected yyyy-MM-dd, e.g. 2027-12-24)");
        return null;
    }

    /// <summary>A local time of day, "HH:mm".</summary>
    public TimeOnly? TimeOfDay()
    {
        var text = Scalar("a time of day");
        if (text is null)
        {
            return null;
        }

        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        Report($"{ProblemText.Quote(text)} is not a time of day (expected HH:mm, e.g. 09:00)");
        return null;
    }

    /// <summary>A time zone this machine knows, so that daylight saving follows the real rules.</summary>
    public TimeZoneInfo? TimeZone()
    {
        var text = Scalar("a time zone");
        if (text is null)
        {
            return null;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(text, out var zone))
        {
            return zone;
        }

        Report($"{ProblemText.Quote(text)} is not a known IANA time zone");
        return null;
    }

    /// <summary>A shift in local time, "08:00-20:00".</summary>
    public ShiftPattern? Shift()
    {
        var text = Scalar("a shift");
        if (text is null)
        {
            return null;
        }

        if (ShiftPattern.TryParse(text, out var shift))
        {
            return shift;
        }

        Report($"{ProblemText.Quote(text)} is not a shift (expected HH:mm-HH:mm, e.g. 08:00-20:00)");
        return null;
    }

    /// <summary>One of the names of <typeparamref name="TEnum"/>, in any case; numbers are not
    /// accepted, since "2" says nothing to the reader of the file.</summary>
    public TEnum? EnumName<TEnum>(string what)
        where TEnum : struct, Enum
    {
        var text = Scalar(what);
        if (text is null)
        {
            return null;
        }

        var names = Enum.GetNames<TEnum>();
        var name = names.FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        if (name is not null)
        {
            return Enum.Parse<TEnum>(name);
        }

        Report($"{ProblemText.Quote(text)} is not {what} (expected one of: {string.Join(", ", names)})");
        return null;
    }

    /// <summary>A mapping whose fields are all among <paramref name="fields"/>.</summary>
    public FieldMapping? Mapping(IReadOnlyList<string> fields)
    {
        if (Node is YamlMappingNode mapping)
        {
            return new FieldMapping(mapping, Path, Problems, fields);
        }

        Report($"expected a mapping, found {Describe(Node)}");
        return null;
    }

    /// <summary>
    /// A list of <paramref name="min"/> to <paramref name="max"/> items, each read by
    /// <paramref name="read"/> as "{path}[{index}]". Null if the list or any item is wrong, so
    /// that checks against the whole list (does an outage name a desk?) only run on a sound list.
    /// </summary>
    public IReadOnlyList<T>? Items<T>(string what, int min, int max, Func<YamlValue, T?> read)
        where T : class
    {
        if (Node is not YamlSequenceNode sequence)
        {
            Report($"expected a list of {what}, found {Describe(Node)}");
            return null;
        }

        var sound = true;
        var count = sequence.Children.Count;
        if (count < min || count > max)
        {
            Report($"expected {min} to {max} {what}, found {count}");
            sound = false;
        }

        var items = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            var item = read(ItemOf(sequence, i));
            if (item is null)
            {
                sound = false;
            }
            else
            {
                items.Add(item);
            }
        }

        return sound ? items : null;
    }

    /// <summary>The list's item at <paramref name="index"/>, to report a problem found once the
    /// whole list is known; the value itself if it is not a list or has no such item.</summary>
    public YamlValue ItemOrSelf(int index) =>
        Node is YamlSequenceNode sequence && index >= 0 && index < sequence.Children.Count ? ItemOf(sequence, index) : this;

    /// <summary>A YAML null: nothing after the colon, "~" or "null". A field written so counts
    /// as absent.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>What a node is, for "expected X, found Y".</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ when IsNull(node) => "nothing",
        YamlScalarNode scalar => ProblemText.Quote(scalar.Value),
        _ => "an unsupported YAML node",
    };

    private YamlValue ItemOf(YamlSequenceNode sequence, int index)
    {
        var item = sequence.Children[index];
        return new YamlValue(item, $"{Path}[{index}]", item.Start, Problems);
    }

    private string? Scalar(string expected)
    {
        if (Node is YamlScalarNode scalar && !IsNull(scalar))
        {
            return (scalar.Value ?? string.Empty).Trim();
        }

        Report($"expected {expected}, found {Describe(Node)}");
        return null;
    }

    private bool TryParseNumber(string text, out double value)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
        {
            return true;
        }

        Report($"{ProblemText.Quote(text)} is not a number");
        return false;
    }

    private bool InRange(string text, double value, NumberRange range)
    {
        if (range.Contains(value))
        {
            return true;
        }

        Report($"{ProblemText.Quote(text)} is out of range (must be {range})");
        return false;
    }
}
