using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Malaysia.Ops.Deploy.Tests;

/// <summary>The repository's deployment files, parsed.</summary>
internal static class DeployFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>A YAML file as nested dictionaries and lists.</summary>
    public static Dictionary<object, object> Yaml(string relative) =>
        new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(File.ReadAllText(PathOf(relative)))
        ?? throw new InvalidDataException($"{relative} is empty");

    /// <summary>Every document of a YAML file ("---" separated), each as nested dictionaries and lists.</summary>
    public static List<Dictionary<object, object>> YamlDocuments(string relative)
    {
        var parser = new Parser(new StringReader(File.ReadAllText(PathOf(relative))));
        var deserializer = new DeserializerBuilder().Build();
        parser.Consume<StreamStart>();
        var documents = new List<Dictionary<object, object>>();
        while (parser.Accept<DocumentStart>(out _))
        {
            documents.Add(deserializer.Deserialize<Dictionary<object, object>>(parser) ?? throw new InvalidDataException($"{relative} has an empty document"));
        }

        return documents;
    }

    /// <summary>A JSON file.</summary>
    public static JsonDocument Json(string relative) =>
        JsonDocument.Parse(File.ReadAllText(PathOf(relative)));

    public static Dictionary<object, object> Map(this object? node, string key) =>
        ((Dictionary<object, object>)node!)[key] as Dictionary<object, object>
        ?? throw new InvalidDataException($"'{key}' is not a mapping");

    public static List<object> List(this object? node, string key) =>
        ((Dictionary<object, object>)node!)[key] as List<object>
        ?? throw new InvalidDataException($"'{key}' is not a list");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Malaysia.Ops.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no Malaysia.Ops.sln above {AppContext.BaseDirectory}");
    }
}
