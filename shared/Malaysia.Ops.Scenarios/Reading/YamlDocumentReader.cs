using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Malaysia.Ops.Scenarios.Reading;

/// <summary>Turns the text of a scenario file into its one YAML document, reporting syntax
/// errors with their position instead of letting the YAML library's exceptions escape.</summary>
internal static class YamlDocumentReader
{
    /// <summary>The document's root; null (reported) if the text is not well-formed YAML. An
    /// empty file reads as an empty mapping, so that its missing fields are what gets reported.</summary>
    public static YamlValue? Read(string yaml, ProblemList problems)
    {
        var parser = new PositionTrackingParser(new Parser(new StringReader(yaml)));
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
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
