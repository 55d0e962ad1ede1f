using Malaysia.Ops.Scenarios.History;
using Malaysia.Ops.Scenarios.Reading;

namespace Malaysia.Ops.Scenarios.Mapping;

/// <summary>Files a scenario names (scripted incidents, a history to replay, its mapping):
/// relative to the scenario's own folder, so a scenario and its files move together.</summary>
internal sealed class ScenarioFile(string folder)
{
    /// <summary>The path the field names, resolved; null (reported) if it is empty.</summary>
    public string? PathOf(YamlValue value) => value.Text() is { } text ? Path.GetFullPath(Path.Combine(folder, text)) : null;

    /// <summary>Reads a file with <paramref name="read"/>, reporting each of its problems at the
    /// field that names it; null if there were any.</summary>
    public static T? Read<T>(YamlValue value, Func<T> read)
        where T : class
    {
        try
        {
            return read();
        }
        catch (HistoryException ex)
        {
            foreach (var problem in ex.Problems)
            {
                value.Report(problem);
            }
        }
        catch (ScenarioException ex)
        {
            foreach (var problem in ex.Problems)
            {
                value.Report(problem);
            }
        }

        return null;
    }
}
