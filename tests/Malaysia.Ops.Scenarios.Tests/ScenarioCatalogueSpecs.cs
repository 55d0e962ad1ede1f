namespace Malaysia.Ops.Scenarios.Tests;

public sealed class ScenarioCatalogueSpecs : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("scenarios-").FullName;

    public ScenarioCatalogueSpecs()
    {
        File.WriteAllText(Path.Combine(folder, "quiet-week.yaml"), TestScenario.Yaml);
        File.WriteAllText(Path.Combine(folder, "broken.yaml"), TestScenario.With("Asia/Kuala_Lumpur", "Asia/Kuala_Lumpr"));
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a scenario");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void List_gives_every_scenario_by_name_and_a_broken_one_with_its_first_problem()
    {
        var brokenPath = Path.Combine(folder, "broken.yaml");

        Assert.Equal(
            [
                ("broken", brokenPath, $"{brokenPath}:12:5: desks[1].timeZone: 'Asia/Kuala_Lumpr' is not a known IANA time zone"),
                ("quiet-week", Path.Combine(folder, "quiet-week.yaml"), "A scenario for the loader tests"),
            ],
            ScenarioCatalogue.List(folder));
    }

    [Fact]
    public void List_of_a_missing_folder_is_a_clear_problem()
    {
        var missing = Path.Combine(folder, "nowhere");

        Assert.Equal([$"{missing}: no such scenarios folder"], Assert.Throws<ScenarioException>(() => ScenarioCatalogue.List(missing)).Problems);
    }

    [Theory]
    [InlineData("quiet-week")]
    [InlineData("quiet-week.yaml")]
    public void Resolve_finds_a_scenario_by_name(string name)
    {
        Assert.Equal(Path.Combine(folder, "quiet-week.yaml"), ScenarioCatalogue.Resolve(name, folder));
    }

    [Fact]
    public void Resolve_takes_an_existing_file_as_it_is()
    {
        var elsewhere = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(elsewhere, TestScenario.Yaml);
        try
        {
            Assert.Equal(elsewhere, ScenarioCatalogue.Resolve(elsewhere, folder));
        }
        finally
        {
            File.Delete(elsewhere);
        }
    }

    [Fact]
    public void Resolve_of_an_unknown_name_lists_the_known_ones()
    {
        var problem = Assert.Throws<ScenarioException>(() => ScenarioCatalogue.Resolve("july-weak", folder));

        Assert.Equal([$"july-weak: no such scenario file or scenario in {folder} (known scenarios: broken, quiet-week)"], problem.Problems);
    }

    [Fact]
    public void Resolve_of_a_folder_says_it_is_a_folder()
    {
        var problem = Assert.Throws<ScenarioException>(() => ScenarioCatalogue.Resolve(folder, folder));

        Assert.Equal([$"{folder}: is a folder, not a scenario file"], problem.Problems);
    }

    [Fact]
    public void The_default_folder_is_the_scenarios_folder_at_the_repository_root()
    {
        var root = Path.GetDirectoryName(ScenarioCatalogue.DefaultFolder)!;

        Assert.Equal("scenarios", Path.GetFileName(ScenarioCatalogue.DefaultFolder));
        Assert.True(File.Exists(Path.Combine(root, "Malaysia.Ops.sln")));
    }
}
