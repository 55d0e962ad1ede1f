using Malaysia.Ops.Domain.Scenarios;

namespace Malaysia.Ops.Scenarios.Tests;

/// <summary>
/// A small valid scenario to break one way at a time. The comment on each line gives its
/// number, so that the positions expected in the tests can be checked by eye.
/// </summary>
internal static class TestScenario
{
    public const string FileName = "test.yaml";

    public const string Yaml = """
        name: test                                    # 1
        description: A scenario for the loader tests  # 2
        start: 2026-07-13T00:00:00Z                   # 3
        days: 2                                       # 4
        arrivals:                                     # 5
          incidentsPerHour: 4                         # 6
        desks:                                        # 7
          - id: us                                    # 8
            timeZone: America/New_York                # 9
            shifts: ["08:00-20:00"]                   # 10
          - id: my                                    # 11
            timeZone: Asia/Kuala_Lumpur               # 12
            shifts:                                   # 13
              - "08:00-20:00"                         # 14
        incidents:                                    # 15
          - { at: 2026-07-13T23:30:00Z, type: GpuNodeFailure, severity: Sev1, cluster: kul-gpu-a, workMinutes: 180 }  # 16
        outages:                                      # 17
          - { desk: my, from: 2026-07-13T03:00:00Z, to: 2026-07-13T07:00:00Z }  # 18

        """;

    public static Scenario Parse(string yaml) => ScenarioLoader.Parse(yaml, FileName);

    /// <summary>The scenario with <paramref name="text"/>, which must occur once, replaced.</summary>
    public static string With(string text, string replacement)
    {
        var at = Yaml.IndexOf(text, StringComparison.Ordinal);
        Assert.True(at >= 0 && Yaml.IndexOf(text, at + 1, StringComparison.Ordinal) < 0, $"'{text}' must occur exactly once in the test scenario");
        return Yaml.Replace(text, replacement, StringComparison.Ordinal);
    }

    /// <summary>The problems reported for <paramref name="yaml"/>, which must not load.</summary>
    public static IReadOnlyList<string> ProblemsOf(string yaml) =>
        Assert.Throws<ScenarioException>(() => Parse(yaml)).Problems;
}
