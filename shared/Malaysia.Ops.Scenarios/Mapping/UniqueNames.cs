using Malaysia.Ops.Scenarios.Reading;

namespace Malaysia.Ops.Scenarios.Mapping;

/// <summary>
/// Names that must be unique within one list (desk ids, topology names). Compared without
/// regard to case, as they end up in places that ignore it (file names, dashboards, people
/// saying "the MY desk").
/// </summary>
internal sealed class UniqueNames(string what)
{
    private readonly Dictionary<string, string> firstItemByName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>False (reported at <paramref name="value"/>) if an earlier item of the list
    /// already has the name.</summary>
    public bool Add(string name, YamlValue value, string itemPath)
    {
        if (firstItemByName.TryAdd(name, itemPath))
        {
            return true;
        }

        value.Report($"{ProblemText.Quote(name)} is already the {what} of {firstItemByName[name]}");
        return false;
    }
}
