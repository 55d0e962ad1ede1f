using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Scenarios.Mapping;
using Malaysia.Ops.Scenarios.Reading;

namespace Malaysia.Ops.Scenarios;

/// <summary>
/// Reads scenario files (the format is described in docs/scenarios.md). The YAML is mapped by
/// hand rather than deserialised, so that every problem can be reported at its line and column
/// with the path of the field, and all of a file's problems are reported together.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Reads and validates the scenario file at <paramref name="path"/>.</summary>
    /// <exception cref="ScenarioException">The file cannot be read or is not a valid scenario.</exception>
    public static Scenario Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw new ScenarioException(ScenarioCatalogue.IsAFolder(path));
        }

        string yaml;
        try
        {
            yaml = ReadAtMost(path, YamlDocumentReader.MaxLength + 1);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ScenarioException($"{path}: no such scenario file");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new ScenarioException($"{path}: the scenario file cannot be read: {ex.Message}");
        }

        return Parse(yaml, path);
    }

    /// <summary>The file's text, or its first <paramref name="maxLength"/> characters: a file too
    /// large to be a scenario is refused for its length without being read whole.</summary>
    private static string ReadAtMost(string path, int maxLength)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var buffer = new char[maxLength];
        var length = 0;
        int read;
        while (length < maxLength && (read = reader.ReadBlock(buffer, length, maxLength - length)) > 0)
        {
            length += read;
        }

        return new string(buffer, 0, length);
    }

    /// <summary>Validates a scenario written in YAML.</summary>
    /// <param name="fileName">How problems name the file, e.g. "scenarios/july-week.yaml"; the files
    /// the scenario names are read from its folder.</param>
    /// <exception cref="ScenarioException">The text is not a valid scenario.</exception>
    public static Scenario Parse(string yaml, string fileName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        var problems = new ProblemList(fileName);
        var document = YamlDocumentReader.Read(yaml, problems);
        var scenario = document is { } root ? ScenarioMapper.Map(root, Path.GetDirectoryName(fileName) is { Length: > 0 } folder ? folder : ".") : null;
        problems.ThrowIfAny();
        return scenario ?? throw new InvalidOperationException($"{fileName}: the scenario was not built, yet no problem was reported");
    }
}
