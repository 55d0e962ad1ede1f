namespace Malaysia.Ops.Scenarios.Tests.Stream;

/// <summary>A scenario written to a folder of its own with the files it names.</summary>
internal sealed class ScenarioFolder : IDisposable
{
    public ScenarioFolder(string scenario, params (string Name, string Text)[] files)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"scenario-folder-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
        ScenarioPath = System.IO.Path.Combine(Path, "scenario.yaml");
        File.WriteAllText(ScenarioPath, scenario);
        foreach (var (name, text) in files)
        {
            File.WriteAllText(System.IO.Path.Combine(Path, name), text);
        }
    }

    public string Path { get; }

    public string ScenarioPath { get; }

    /// <summary>The repository's samples folder.</summary>
    public static string Samples => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(ScenarioCatalogue.DefaultFolder)!, "samples");

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
