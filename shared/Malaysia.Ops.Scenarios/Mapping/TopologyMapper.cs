using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Scenarios.Reading;

namespace Malaysia.Ops.Scenarios.Mapping;

/// <summary>The "compare" section: other ways to staff the operation, each a named list of
/// desks written exactly like the scenario's own.</summary>
internal static class TopologyMapper
{
    private static readonly string[] Fields = ["name", "description", "desks"];

    public static IReadOnlyList<Topology>? MapList(YamlValue value)
    {
        var names = new UniqueNames("name");
        return value.Items("topologies", 0, int.MaxValue, item => Map(item, names));
    }

    private static Topology? Map(YamlValue item, UniqueNames names)
    {
        if (item.Mapping(Fields) is not { } topology)
        {
            return null;
        }

        var nameValue = topology.Required("name");
        var name = nameValue?.Identifier("name");
        var unique = nameValue is not { } writtenName || name is null || names.Add(name, writtenName, item.Path);
        var description = topology.Required("description")?.Text();
        var desks = topology.Required("desks") is { } desksValue ? DeskPlanMapper.MapList(desksValue) : null;
        return name is null || description is null || desks is null || !unique
            ? null
            : new Topology(name, description, desks);
    }
}
