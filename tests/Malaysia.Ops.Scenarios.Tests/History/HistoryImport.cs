using System.Text;
using Malaysia.Ops.Scenarios.History;

namespace Malaysia.Ops.Scenarios.Tests.History;

/// <summary>Imports an export held in a string, as a file of the given name would be.</summary>
internal static class HistoryImport
{
    public static HistoryMapping Mapping { get; } = HistoryMappingLoader.Parse(TestExports.Mapping, "mapping.yaml");

    public static IncidentHistory Text(string text, string fileName, HistoryFormat format, ImportOptions? options = null, bool bom = false)
    {
        var bytes = new UTF8Encoding(bom).GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        using var stream = new MemoryStream(bytes);
        return HistoryImporter.Import(stream, fileName, format, Mapping, options);
    }

    public static IReadOnlyList<string> Problems(string text, string fileName, HistoryFormat format) =>
        Assert.Throws<HistoryException>(() => Text(text, fileName, format)).Problems;
}
