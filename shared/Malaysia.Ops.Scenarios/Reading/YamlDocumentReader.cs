using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Malaysia.Ops.Scenarios.Reading;

/// <summary>Turns the text of a scenario file into its one YAML document, reporting syntax
/// errors with their position instead of letting the YAML library's exceptions escape.</summary>
internal static class YamlDocumentReader
{
    /// <summary>The longest scenario text read, in characters. The checked-in scenarios are a few
    /// thousand; a file a thousand times larger is not a scenario, and reading it would only
    /// cost time and memory.</summary>
    public const int MaxLength = 1_048_576;

    /// <summary>The document's root; null (reported) if the text is not well-formed YAML. An
    /// empty file reads as an empty mapping, so that its missing fields are what gets reported.</summary>
    public static YamlValue? Read(string yaml, ProblemList problems)
    {
        if (yaml.Length > MaxLength)
        {
            problems.Add(Mark.Empty, string.Empty, $"the file is longer than {MaxLength} characters (1 MiB), the most a scenario may be");
            return null;
        }

        var parser = new PositionTrackingParser(new BoundedParser(new Parser(new StringReader(yaml))));
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
        }
        catch (YamlLimitException ex)
        {
            problems.Add(ex.Start, string.Empty, $"YAML not accepted in a scenario: {ex.Message}");
            return null;
        }
        catch (YamlException ex)
        {
            problems.Add(ex.Start, string.Empty, $"YAML syntax error: {ex.Message}");
            return null;
        }
        catch (InvalidOperationException)
        {
            problems.Add(parser.LastPosition, string.Empty, "YAML syntax error: cannot read on from here (is a '[' or '{' left open?)");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            problems.Add(second.Start, string.Empty, $"expected one YAML document, found {stream.Documents.Count}");
        }

        var root = stream.Documents.Count == 0 || YamlValue.IsNull(stream.Documents[0].RootNode)
            ? new YamlMappingNode()
            : stream.Documents[0].RootNode;
        return new YamlValue(root, string.Empty, root.Start, problems);
    }
}
