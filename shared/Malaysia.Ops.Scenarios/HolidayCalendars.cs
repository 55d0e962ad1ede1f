using System.Globalization;
using Malaysia.Ops.Domain.Holidays;

namespace Malaysia.Ops.Scenarios;

/// <summary>The holiday calendars shipped with the scenarios (Holidays/*.csv: "us-federal",
/// "my-national"), which a desk names in its "holidays" field.</summary>
public static class HolidayCalendars
{
    private const string ResourcePrefix = "Holidays.";
    private const string ResourceSuffix = ".csv";

    private static readonly Lazy<IReadOnlyList<HolidayCalendar>> Shipped = new(LoadShipped);

    public static IReadOnlyList<HolidayCalendar> All => Shipped.Value;

    public static IReadOnlyList<string> Names => All.Select(c => c.Name).ToList();

    public static HolidayCalendar? Find(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A calendar file: lines "date,rule,name" after a "date,rule,name" header, and
    /// "#" comment lines. A wrong line is a <see cref="FormatException"/> naming the calendar,
    /// the line and what is wrong with it.</summary>
    public static HolidayCalendar Parse(string name, string text)
    {
        var days = new List<Holiday>();
        var lines = text.Split('\n');
        var headerSeen = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!headerSeen)
            {
                headerSeen = line == "date,rule,name" ? true : throw Problem(name, i, "expected the header 'date,rule,name'");
                continue;
            }

            var parts = line.Split(',', 3);
            if (parts.Length < 3 || parts[2].Trim().Length == 0)
            {
                throw Problem(name, i, "expected date,rule,name");
            }

            if (!DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw Problem(name, i, $"'{parts[0]}' is not a date (expected yyyy-MM-dd)");
            }

            days.Add(new Holiday(date, parts[2].Trim()));
        }

        return new HolidayCalendar(name, days);
    }

    private static FormatException Problem(string name, int index, string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"holiday calendar {name}, line {index + 1}: {problem}"));

    private static List<HolidayCalendar> LoadShipped()
    {
        var assembly = typeof(HolidayCalendars).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal) && r.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(r =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(r)!);
                return Parse(r[ResourcePrefix.Length..^ResourceSuffix.Length], reader.ReadToEnd());
            })
            .ToList();
    }
}
