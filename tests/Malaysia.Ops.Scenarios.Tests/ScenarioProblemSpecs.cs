using static Malaysia.Ops.Scenarios.Tests.TestScenario;

namespace Malaysia.Ops.Scenarios.Tests;

public class ScenarioProblemSpecs
{
    /// <summary>One mistake each: the text replaced in the test scenario, its replacement and
    /// the one problem expected.</summary>
    public static TheoryData<string, string, string> Mistakes { get; } = new()
    {
        // Unknown fields, at the root and in a desk.
        { "days: 2", "days: 2\nengineers: 4", "test.yaml:5:1: engineers: unknown field 'engineers' (expected one of: name, description, start, days, warmUpHours, seed, arrivals, desks, handoff, escalation, workloads, serviceLevels, incidents, outages, compare, rehearsal, holidays, incidentsFile, history)" },
        { "    timeZone: America/New_York", "    timeZone: America/New_York\n    engneers: 5", "test.yaml:10:5: desks[0].engneers: unknown field 'engneers' (expected one of: id, name, timeZone, shifts, engineers, engineersByShift, incidentsPerEngineer, skills, reviewMinutesPerItem, cost, holidays, holidayEngineers)" },

        // Missing and empty required fields: at the mapping that lacks them, at the empty key.
        { "days: 2", string.Empty, "test.yaml:1:1: days: required field is missing" },
        { "    timeZone: America/New_York", string.Empty, "test.yaml:8:5: desks[0].timeZone: required field is missing" },
        { "days: 2", "days:", "test.yaml:4:1: days: required field has no value" },

        // Values that are not what the field needs.
        { "Asia/Kuala_Lumpur", "Asia/Kuala_Lumpr", "test.yaml:12:5: desks[1].timeZone: 'Asia/Kuala_Lumpr' is not a known IANA time zone" },
        { "- \"08:00-20:00\"", "- \"8h-20h\"", "test.yaml:14:9: desks[1].shifts[0]: '8h-20h' is not a shift (expected HH:mm-HH:mm, e.g. 08:00-20:00)" },
        { "incidentsPerHour: 4", "incidentsPerHour: lots", "test.yaml:6:3: arrivals.incidentsPerHour: 'lots' is not a number" },
        { "incidentsPerHour: 4", "incidentsPerHour: \"4,5\"", "test.yaml:6:3: arrivals.incidentsPerHour: '4,5' is not a number" },
        { "id: us", "id: us\n    engineers: 2.5", "test.yaml:9:5: desks[0].engineers: '2.5' is not a whole number" },
        { "start: 2026-07-13T00:00:00Z", "start: 2026-13-01", "test.yaml:3:1: start: '2026-13-01' is not an instant (expected ISO-8601, e.g. 2026-07-13T00:00:00Z)" },
        { "name: test", "name: july week", "test.yaml:1:1: name: 'july week' is not a valid name (letters, digits and '-' only)" },
        { "id: us", "id: [us]", "test.yaml:8:5: desks[0].id: expected text, found a list" },
        { "severity: Sev1", "severity: Sev9", "test.yaml:16:55: incidents[0].severity: 'Sev9' is not a severity (expected one of: Sev1, Sev2, Sev3, Sev4)" },
        { "type: GpuNodeFailure", "type: GpuMeltdown", "test.yaml:16:33: incidents[0].type: 'GpuMeltdown' is not an incident type (expected one of: GpuNodeFailure, TrainingJobStalled, CheckpointStorageFull, ModelDrift, InferenceLatencySloBreach, DataPipelineLag, DataCentrePowerAlarm, DataCentreCoolingAlarm, SecurityAlert)" },

        // Values out of range.
        { "days: 2", "days: 400", "test.yaml:4:1: days: '400' is out of range (must be greater than 0 and at most 366)" },
        { "days: 2", "days: 2\nwarmUpHours: -1", "test.yaml:5:1: warmUpHours: '-1' is out of range (must be from 0 to 8784)" },
        { "days: 2", "days: 2\nwarmUpHours: 48", "test.yaml:5:1: warmUpHours: 48 h leaves nothing of the 2 day(s) to measure" },
        { "id: us", "id: us\n    skills: [gpu-hardware, cooking]", "test.yaml:9:28: desks[0].skills[1]: 'cooking' is not a skill (expected one of: gpu-hardware, ml-training, storage, ml-models, inference, data-pipelines, facilities, security)" },
        { "id: us", "id: us\n    engineersByShift: [4, 2]", "test.yaml:9:5: desks[0].engineersByShift: expected one number per shift (1), found 2" },
        { "days: 2", "days: 2\nescalation: { atFractionOfTarget: 1.5, pagerResponseMinutes: 10 }", "test.yaml:5:15: escalation.atFractionOfTarget: '1.5' is out of range (must be greater than 0 and at most 1)" },
        { "days: 2", "days: 2\nescalation: { atFractionOfTarget: 0.5 }", "test.yaml:5:13: escalation.pagerResponseMinutes: required field is missing" },
        { "days: 2", "days: 2\nserviceLevels: { Sev1: { acknowledgeMinutes: 30, resolveMinutes: 20 } }", "test.yaml:5:50: serviceLevels.Sev1.resolveMinutes: 20 is sooner than acknowledgeMinutes 30" },
        { "days: 2", "days: 2\nserviceLevels: { Sev5: { acknowledgeMinutes: 30, resolveMinutes: 60 } }", "test.yaml:5:18: serviceLevels.Sev5: unknown field 'Sev5' (expected one of: Sev1, Sev2, Sev3, Sev4, maxOccupancy, shrinkage)" },
        { "days: 2", "days: 2\nserviceLevels: { Sev1: { acknowledgeMinutes: 15, resolveMinutes: 240, attainment: 95 } }", "test.yaml:5:71: serviceLevels.Sev1.attainment: '95' is out of range (must be greater than 0 and at most 1)" },
        { "days: 2", "days: 2\nserviceLevels: { shrinkage: 1 }", "test.yaml:5:18: serviceLevels.shrinkage: '1' is out of range (must be from 0 to 0.9)" },
        { "days: 2", "days: 2\nserviceLevels: { maxOccupancy: 0 }", "test.yaml:5:18: serviceLevels.maxOccupancy: '0' is out of range (must be greater than 0 and at most 1)" },
        { "days: 2", "days: 2\nworkloads: { perDay: 6, failureProbability: 2 }", "test.yaml:5:25: workloads.failureProbability: '2' is out of range (must be from 0 to 1)" },
        { "id: us", "id: us\n    engineers: 0", "test.yaml:9:5: desks[0].engineers: '0' is out of range (must be from 1 to 1000)" },
        { "shifts: [\"08:00-20:00\"]", "shifts: []", "test.yaml:10:5: desks[0].shifts: expected 1 to 6 shifts, found 0" },

        // Rules across fields and sections.
        { "- \"08:00-20:00\"", "- \"08:00-20:00\"\n      - \"19:00-07:00\"", "test.yaml:15:9: desks[1].shifts[1]: shift 19:00-07:00 of desk 'my' overlaps its shift 08:00-20:00" },
        { "id: my", "id: US", "test.yaml:11:5: desks[1].id: 'US' is already the id of desks[0]" },
        { "desk: my", "desk: sg", "test.yaml:18:7: outages[0].desk: 'sg' is not a desk of this scenario (desks: us, my)" },
        { "days: 2", "days: 2\nrehearsal: { humanDesks: [my, sg] }", "test.yaml:5:31: rehearsal.humanDesks[1]: 'sg' is not a desk of this scenario (desks: us, my)" },
        { "days: 2", "days: 2\nrehearsal: { humanDesks: [my], speed: 0 }", "test.yaml:5:32: rehearsal.speed: '0' is out of range (must be greater than 0 and at most 1000000)" },
        { "to: 2026-07-13T07:00:00Z", "to: 2026-07-13T02:00:00Z", "test.yaml:18:45: outages[0].to: '2026-07-13T02:00:00Z' is not after from '2026-07-13T03:00:00Z'" },
        { "incidentsPerHour: 4", "incidentsPerHour: 4\n  busyHours: { timeZone: America/New_York, from: \"17:00\", to: \"09:00\", factor: 2 }", "test.yaml:7:59: arrivals.busyHours.to: '09:00' is not after from '17:00'" },
        { "at: 2026-07-13T23:30:00Z", "at: 2026-07-15T00:00:00Z", "test.yaml:16:7: incidents[0].at: '2026-07-15T00:00:00Z' is outside the run (from 2026-07-13T00:00:00Z, before 2026-07-15T00:00:00Z)" },

        // YAML that does not parse.
        { "    timeZone: America/New_York", "   timeZone: America/New_York", "test.yaml:9:4: scenario: YAML syntax error: While parsing a block collection, did not find expected '-' indicator." },
        { "days: 2", "days: 2\ndays: 3", "test.yaml:5:1: scenario: YAML syntax error: Duplicate key days" },
        { "shifts: [\"08:00-20:00\"]", "shifts: [\"08:00-20:00\"", "test.yaml:11:3: scenario: YAML syntax error: While parsing a flow sequence, did not find expected ',' or ']'." },
        { "days: 2", "days: [2", "test.yaml:4:7: scenario: YAML syntax error: cannot read on from here (is a '[' or '{' left open?)" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Each_mistake_is_reported_at_its_line_and_column(string text, string replacement, string expected)
    {
        Assert.Equal([expected], ProblemsOf(With(text, replacement)));
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_in_file_order()
    {
        var yaml = Yaml
            .Replace("days: 2", "days: 0", StringComparison.Ordinal)
            .Replace("Asia/Kuala_Lumpur", "Asia/Kuala_Lumpr", StringComparison.Ordinal)
            .Replace("    timeZone: America/New_York", "    timezone: America/New_York", StringComparison.Ordinal)
            .Replace("severity: Sev1", "severity: urgent", StringComparison.Ordinal);

        var problem = Assert.Throws<ScenarioException>(() => Parse(yaml));

        string[] expected =
        [
            "test.yaml:4:1: days: '0' is out of range (must be greater than 0 and at most 366)",
            "test.yaml:8:5: desks[0].timeZone: required field is missing",
            "test.yaml:9:5: desks[0].timezone: unknown field 'timezone' (expected one of: id, name, timeZone, shifts, engineers, engineersByShift, incidentsPerEngineer, skills, reviewMinutesPerItem, cost, holidays, holidayEngineers)",
            "test.yaml:12:5: desks[1].timeZone: 'Asia/Kuala_Lumpr' is not a known IANA time zone",
            "test.yaml:16:55: incidents[0].severity: 'urgent' is not a severity (expected one of: Sev1, Sev2, Sev3, Sev4)",
        ];
        Assert.Equal(expected, problem.Problems);
        Assert.Equal(string.Join('\n', expected), problem.Message);
    }

    [Fact]
    public void An_empty_file_reports_each_required_field()
    {
        Assert.Equal(
            [
                "empty.yaml:1:1: name: required field is missing",
                "empty.yaml:1:1: description: required field is missing",
                "empty.yaml:1:1: start: required field is missing",
                "empty.yaml:1:1: days: required field is missing",
                "empty.yaml:1:1: arrivals: required field is missing",
                "empty.yaml:1:1: desks: required field is missing",
            ],
            Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("# nothing yet\n", "empty.yaml")).Problems);
    }

    [Fact]
    public void A_file_that_is_not_a_mapping_says_so()
    {
        Assert.Equal(
            ["list.yaml:1:1: scenario: expected a mapping, found a list"],
            Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("- name: x\n", "list.yaml")).Problems);
    }

    [Fact]
    public void A_second_document_in_the_file_is_a_problem()
    {
        Assert.Equal(
            ["test.yaml:20:1: scenario: expected one YAML document, found 2"],
            ProblemsOf(Yaml + "---\nname: other\n"));
    }

    [Fact]
    public void A_missing_file_is_named_in_the_problem()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-scenario-{Guid.NewGuid():N}.yaml");

        var problem = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));

        Assert.Equal([$"{path}: no such scenario file"], problem.Problems);
    }

    [Fact]
    public void A_folder_given_as_the_scenario_file_is_named_as_a_folder()
    {
        var folder = Directory.CreateTempSubdirectory("scenario-folder-").FullName;
        try
        {
            var problem = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(folder));

            Assert.Equal([$"{folder}: is a folder, not a scenario file"], problem.Problems);
        }
        finally
        {
            Directory.Delete(folder);
        }
    }
}
