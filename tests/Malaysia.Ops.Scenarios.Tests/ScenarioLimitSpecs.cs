using static Malaysia.Ops.Scenarios.Tests.TestScenario;

namespace Malaysia.Ops.Scenarios.Tests;

/// <summary>The limits that keep a hostile or mangled file from exhausting the loader, and the
/// problems that stay one line whatever the author wrote; each found by the fuzz test.</summary>
public class ScenarioLimitSpecs
{
    /// <summary>YAML refused before any node is built: the text, the one problem expected.</summary>
    public static TheoryData<string, string> RefusedYaml { get; } = new()
    {
        // Built recursively, this would overflow the stack and end the process.
        { new string('[', 100_000) + new string(']', 100_000), "test.yaml:1:33: scenario: YAML not accepted in a scenario: nested more than 32 levels deep" },
        { string.Concat(Enumerable.Repeat("- ", 100_000)) + "x", "test.yaml:1:65: scenario: YAML not accepted in a scenario: nested more than 32 levels deep" },
        { "? [a, b]\n: c\n", "test.yaml:1:3: scenario: YAML not accepted in a scenario: a list as a key: keys must be plain field names" },
        { "{a: 1}: x\n", "test.yaml:1:1: scenario: YAML not accepted in a scenario: a mapping as a key: keys must be plain field names" },
        // Hashing an alias bomb used as a key never finishes.
        { "a: &a [x, x]\nb: &b [*a, *a]\n? *b\n: c\n", "test.yaml:3:3: scenario: YAML not accepted in a scenario: the alias *b as a key: keys must be plain field names" },
        { "a: &a x\nb: [" + string.Join(", ", Enumerable.Repeat("*a", 101)) + "]\n", "test.yaml:2:405: scenario: YAML not accepted in a scenario: more than 100 aliases" },
    };

    [Theory]
    [MemberData(nameof(RefusedYaml))]
    public void Yaml_no_scenario_needs_is_refused_where_it_starts(string yaml, string problem) =>
        Assert.Equal([problem], ProblemsOf(yaml));

    [Fact]
    public void Nesting_up_to_the_limit_is_read()
    {
        var nested = new string('[', 32) + new string(']', 32);

        Assert.Equal(["test.yaml:1:1: scenario: expected a mapping, found a list"], ProblemsOf(nested));
    }

    [Fact]
    public void An_alias_bomb_as_a_value_is_refused_by_its_alias_count()
    {
        var bomb = "l0: &l0 lol\n" + string.Concat(Enumerable.Range(1, 20).Select(l => $"l{l}: &l{l} [{string.Join(", ", Enumerable.Repeat($"*l{l - 1}", 10))}]\n"));

        Assert.Equal(["test.yaml:12:12: scenario: YAML not accepted in a scenario: more than 100 aliases"], ProblemsOf(bomb + "incidents: *l20\n"));
    }

    [Theory]
    [InlineData("9999-12-31T00:00:00Z")]
    [InlineData("1969-12-31T23:59:59Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    public void A_run_starts_between_the_years_1970_and_3000(string start)
    {
        Assert.Equal(
            [$"test.yaml:3:1: start: '{start}' is out of range (must be in the years 1970 to 3000)"],
            ProblemsOf(With("start: 2026-07-13T00:00:00Z", $"start: {start}")));
    }

    [Fact]
    public void A_run_may_start_in_the_year_3000()
    {
        var yaml = With("start: 2026-07-13T00:00:00Z", "start: 3000-12-31T00:00:00Z")
            .Replace("2026-07-13T", "3000-12-31T", StringComparison.Ordinal);

        Assert.Equal(new DateTimeOffset(3001, 1, 2, 0, 0, 0, TimeSpan.Zero), Parse(yaml).End);
    }

    [Theory]
    [InlineData("\"line one\\nline two\"", @"'line one\nline two'")]
    [InlineData("\"tab\\there\"", @"'tab\there'")]
    [InlineData("\"bell\\aescape\\e[31m\"", @"'bell\u0007escape\u001b[31m'")]
    [InlineData("\"next\\Nline\\Lsep\"", @"'next\u0085line\u2028sep'")]
    public void A_problem_quoting_line_breaks_or_control_characters_stays_one_line(string written, string quoted)
    {
        Assert.Equal(
            [$"test.yaml:4:1: days: {quoted} is not a number"],
            ProblemsOf(With("days: 2", $"days: {written}")));
    }

    [Fact]
    public void A_long_value_is_quoted_shortened_with_its_length()
    {
        Assert.Equal(
            [$"test.yaml:4:1: days: '{new string('9', 59)}x...' (100000 characters) is not a number"],
            ProblemsOf(With("days: 2", $"days: {new string('9', 59)}{new string('x', 99_941)}")));
    }

    [Fact]
    public void A_long_unknown_key_is_shortened_in_the_field_path_too()
    {
        // An implicit key ("key: value") is at most 1024 characters in YAML; an explicit one is not.
        var key = new string('k', 5_000);

        var problem = Assert.Single(ProblemsOf($"{Yaml}? {key}\n: x\n"));

        Assert.StartsWith($"test.yaml:19:3: {new string('k', 60)}...: unknown field '{new string('k', 60)}...' (5000 characters) (expected one of: name,", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Past_fifty_problems_the_rest_are_counted_not_listed()
    {
        var yaml = Yaml + string.Concat(Enumerable.Range(0, 60).Select(i => $"unknown{i}: {i}\n"));

        var problems = ProblemsOf(yaml);

        Assert.Equal(51, problems.Count);
        Assert.StartsWith("test.yaml:19:1: unknown0: unknown field 'unknown0'", problems[0], StringComparison.Ordinal);
        Assert.Equal("test.yaml:69:1: scenario: 10 more problems from here on, not listed", problems[^1]);
    }

    [Fact]
    public void A_text_over_one_mebibyte_is_refused_unread()
    {
        var yaml = Yaml + "# " + new string('x', 1_048_576) + "\n";

        Assert.Equal(["test.yaml:1:1: scenario: the file is longer than 1048576 characters (1 MiB), the most a scenario may be"], ProblemsOf(yaml));
    }

    [Fact]
    public void A_file_over_one_mebibyte_is_refused_without_reading_it_whole()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, Yaml + "# " + new string('x', 4 * 1_048_576) + "\n");
        try
        {
            var problem = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));

            Assert.Equal([$"{path}:1:1: scenario: the file is longer than 1048576 characters (1 MiB), the most a scenario may be"], problem.Problems);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
