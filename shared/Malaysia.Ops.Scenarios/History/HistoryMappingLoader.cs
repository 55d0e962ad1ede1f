using Malaysia.Ops.Contracts;
using Malaysia.Ops.Scenarios.Reading;
using YamlDotNet.RepresentationModel;

namespace Malaysia.Ops.Scenarios.History;

/// <summary>
/// Reads a mapping file (YAML): "types" from service or tag names to incident types,
/// "severities" from urgencies, priorities or severities to severities (added to the built-in
/// ones), and "unmapped" with the type and severity of anything else. Problems are reported as
/// a scenario's are, at their line and column.
/// </summary>
public static class HistoryMappingLoader
{
    private static readonly string[] Fields = ["types", "severities", "unmapped"];
    private static readonly string[] UnmappedFields = ["type", "severity"];

    /// <exception cref="ScenarioException">The file cannot be read or is not a valid mapping.</exception>
    public static HistoryMapping Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string yaml;
        try
        {
            yaml = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ScenarioException($"{path}: no such mapping file");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new ScenarioException($"{path}: the mapping file cannot be read: {ex.Message}");
        }

        return Parse(yaml, path);
    }

    /// <exception cref="ScenarioException">The text is not a valid mapping.</exception>
    public static HistoryMapping Parse(string yaml, string fileName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var problems = new ProblemList(fileName);
        var mapping = YamlDocumentReader.Read(yaml, problems) is { } root ? Map(root) : null;
        problems.ThrowIfAny();
        return mapping ?? throw new InvalidOperationException($"{fileName}: the mapping was not built, yet no problem was reported");
    }

    private static HistoryMapping? Map(YamlValue root)
    {
        if (root.Mapping(Fields) is not { } fields)
        {
            return null;
        }

        var types = new Dictionary<string, IncidentType>(HistoryMapping.Default.Types, StringComparer.OrdinalIgnoreCase);
        var severities = new Dictionary<string, Severity>(HistoryMapping.BuiltInSeverities, StringComparer.OrdinalIgnoreCase);
        var sound = Names(fields.Optional("types"), types, v => v.EnumName<IncidentType>("an incident type"))
            & Names(fields.Optional("severities"), severities, v => v.EnumName<Severity>("a severity"));
        var unmappedType = HistoryMapping.DefaultUnmappedType;
        var unmappedSeverity = HistoryMapping.DefaultUnmappedSeverity;
        if (fields.Optional("unmapped")?.Mapping(UnmappedFields) is { } unmapped)
        {
            var type = unmapped.Optional("type") is { } t ? t.EnumName<IncidentType>("an incident type") : unmappedType;
            var severity = unmapped.Optional("severity") is { } s ? s.EnumName<Severity>("a severity") : unmappedSeverity;
            sound &= type is not null && severity is not null;
            unmappedType = type ?? unmappedType;
            unmappedSeverity = severity ?? unmappedSeverity;
        }

        return sound ? new HistoryMapping(types, severities, unmappedType, unmappedSeverity) : null;
    }

    /// <summary>Adds a mapping of the export's names to <paramref name="into"/>; its keys are the
    /// export's own words, so any name is accepted.</summary>
    private static bool Names<T>(YamlValue? value, Dictionary<string, T> into, Func<YamlValue, T?> read)
        where T : struct
    {
        if (value is not { } names)
        {
            return true;
        }

        if (names.Node is not YamlMappingNode node)
        {
            names.Report($"expected a mapping of names, found {YamlValue.Describe(names.Node)}");
            return false;
        }

        var sound = true;
        foreach (var (key, entry) in node.Children)
        {
            var name = key is YamlScalarNode { Value: { } text } ? text.Trim() : string.Empty;
            var item = new YamlValue(entry, $"{names.Path}.{ProblemText.Shorten(name)}", key.Start, names.Problems);
            if (name.Length == 0)
            {
                item.Report("expected a name");
                sound = false;
            }
            else if (read(item) is { } mapped)
            {
                into[name] = mapped;
            }
            else
            {
                sound = false;
            }
        }

        return sound;
    }
}
