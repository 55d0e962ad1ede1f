using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Malaysia.Ops.Scenarios.Reading;

/// <summary>
/// A YAML mapping read as a set of named fields. Keys outside the known fields are reported
/// (a misspelt optional field would otherwise be silently replaced by its default), a missing
/// required field is reported at the mapping that lacks it, and every value carries its field
/// path ("desks[1].timeZone") and the position of its key.
/// </summary>
internal sealed class FieldMapping
{
    private readonly YamlMappingNode node;
    private readonly ProblemList problems;
    private readonly IReadOnlyList<string> knownFields;
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> fields = new(StringComparer.Ordinal);

    public FieldMapping(YamlMappingNode node, string path, ProblemList problems, IReadOnlyList<string> knownFields)
    {
        this.node = node;
        this.problems = problems;
        this.knownFields = knownFields;
        Path = path;
        foreach (var (key, value) in node.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } scalarKey || YamlValue.IsNull(key))
            {
                problems.Add(key.Start, path, $"expected a field name, found {YamlValue.Describe(key)}");
            }
            else if (!knownFields.Contains(name, StringComparer.Ordinal))
            {
                problems.Add(key.Start, PathOf(ProblemText.Shorten(name)), $"unknown field {ProblemText.Quote(name)} (expected one of: {string.Join(", ", knownFields)})");
            }
            else
            {
                fields[name] = (scalarKey, value);
            }
        }
    }

    /// <summary>The path of the mapping itself; empty for the document.</summary>
    public string Path { get; }

    /// <summary>The field's value; null (reported) if it is missing or has no value.</summary>
    public YamlValue? Required(string field)
    {
        Debug.Assert(knownFields.Contains(field), $"'{field}' is not among the fields of {Path}");
        if (!fields.TryGetValue(field, out var entry))
        {
            problems.Add(node.Start, PathOf(field), "required field is missing");
            return null;
        }

        if (YamlValue.IsNull(entry.Value))
        {
            problems.Add(entry.Key.Start, PathOf(field), "required field has no value");
            return null;
        }

        return new YamlValue(entry.Value, PathOf(field), entry.Key.Start, problems);
    }

    /// <summary>The field's value; null if it is missing or has no value, for the caller to
    /// fall back on the default.</summary>
    public YamlValue? Optional(string field)
    {
        Debug.Assert(knownFields.Contains(field), $"'{field}' is not among the fields of {Path}");
        return fields.TryGetValue(field, out var entry) && !YamlValue.IsNull(entry.Value)
            ? new YamlValue(entry.Value, PathOf(field), entry.Key.Start, problems)
            : null;
    }

    /// <summary>Reports a problem found by comparing fields, at the field it is about.</summary>
    public void Report(string field, string problem) =>
        problems.Add(fields.TryGetValue(field, out var entry) ? entry.Key.Start : node.Start, PathOf(field), problem);

    /// <summary>
    /// Every period in a scenario is written as "from" and "to" fields, "to" excluded: checks
    /// that "to" comes after "from", reporting at "to" in the author's own words if not.
    /// </summary>
    public bool IsOrderedPeriod<T>(T from, T to)
        where T : IComparable<T>
    {
        if (to.CompareTo(from) > 0)
        {
            return true;
        }

        Report("to", $"{ProblemText.Quote(Written("to"))} is not after from {ProblemText.Quote(Written("from"))}");
        return false;
    }

    private string PathOf(string field) => Path.Length == 0 ? field : $"{Path}.{field}";

    private string Written(string field) => Optional(field)?.Written ?? string.Empty;
}
