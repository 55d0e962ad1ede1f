using Malaysia.Ops.Domain.Ledger;
using Malaysia.Ops.Simulator;

namespace Malaysia.Ops.Service.Tests;

/// <summary>The simulator: its command line, and a whole short run in one process.</summary>
public sealed class SimulatorSpecs
{
    [Fact]
    public void No_options_give_the_default_three_day_run()
    {
        var settings = SimulatorSettings.Parse([]);

        Assert.Equal(SimulatorSettings.Default, settings);
        Assert.Equal(3, settings.Days);
    }

    [Fact]
    public void Options_override_the_defaults()
    {
        var settings = SimulatorSettings.Parse(["--days", "7", "--speed", "86400", "--seed", "7", "--rate", "2.5", "--epoch", "2026-01-12T00:00:00Z", "--engineers", "5"]);

        Assert.Equal(new SimulatorSettings(7, 86400, 7, 2.5, new DateTimeOffset(2026, 1, 12, 0, 0, 0, TimeSpan.Zero), 5, null), settings);
    }

    [Theory]
    [InlineData("--days", "0", "--days: 0 is out of range")]
    [InlineData("--speed", "-1", "--speed: -1 is out of range")]
    [InlineData("--rate", "lots", "--rate: 'lots' is not a number")]
    [InlineData("--seed", "1.5", "--seed: '1.5' is not a whole number")]
    [InlineData("--epoch", "yesterday", "--epoch: 'yesterday' is not an instant")]
    [InlineData("--colour", "red", "--colour: unknown option")]
    public void A_bad_option_is_named(string option, string value, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => SimulatorSettings.Parse([option, value]));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_without_its_value_is_named()
    {
        var error = Assert.Throws<ArgumentException>(() => SimulatorSettings.Parse(["--days"]));

        Assert.Equal("--days: needs a value", error.Message);
    }

    [Fact]
    public async Task A_day_and_a_half_and_more_accounts_for_every_incident_once_with_handoffs_alternating()
    {
        var settings = SimulatorSettings.Default with { Days = 1.6 };
        using var output = new StringWriter();

        var snapshot = await new SimulationRun(settings, output).RunAsync(CancellationToken.None);

        Assert.True(snapshot.Summary.IncidentsRaised > 100, $"only {snapshot.Summary.IncidentsRaised} incidents in 38 hours at 4/h");
        Assert.Equal(snapshot.Incidents.Count, snapshot.Incidents.Select(i => i.IncidentId).Distinct().Count());
        Assert.Equal(snapshot.Summary.IncidentsRaised, snapshot.Summary.IncidentsResolved + snapshot.Summary.IncidentsOpen);
        Assert.Equal(0, snapshot.Summary.UnknownIncidentEvents);

        // 12:00 MY->US, 00:00 US->MY, 12:00 MY->US.
        var directions = snapshot.Handoffs.OrderBy(h => h.ShiftEndsAt).Select(h => h.Direction).ToList();
        Assert.Equal(["my->us", "us->my", "my->us"], directions);
        Assert.All(snapshot.Handoffs, h => Assert.Equal(HandoffStatus.Completed, h.Status));
        Assert.Contains("day 2 06:00Z", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_options_in_virtual_time_give_the_same_ledger_byte_for_byte()
    {
        var directory = Directory.CreateTempSubdirectory("ops-sim-");
        try
        {
            var first = await RunToFileAsync(Path.Combine(directory.FullName, "first.json"));
            var second = await RunToFileAsync(Path.Combine(directory.FullName, "second.json"));

            Assert.True(first.Length > 10_000, $"the ledger of a two-day run is only {first.Length} bytes");
            Assert.Equal(first, second);
        }
        finally
        {
            directory.Delete(recursive: true);
        }

        static async Task<byte[]> RunToFileAsync(string path)
        {
            var settings = SimulatorSettings.Default with { Days = 2, Seed = 11, IncidentsPerHour = 6, SnapshotPath = path };
            await new SimulationRun(settings, TextWriter.Null).RunAsync(CancellationToken.None);
            return await File.ReadAllBytesAsync(path);
        }
    }

    [Fact]
    public async Task A_run_on_the_accelerated_wall_clock_accounts_for_every_incident_and_hands_over_at_noon()
    {
        var settings = SimulatorSettings.Default with { Days = 0.6, Speed = 17_280 };
        using var output = new StringWriter();

        var snapshot = await new SimulationRun(settings, output).RunAsync(CancellationToken.None);

        Assert.True(snapshot.Summary.IncidentsRaised > 30, $"only {snapshot.Summary.IncidentsRaised} incidents in 14 hours at 4/h");
        Assert.Equal(snapshot.Summary.IncidentsRaised, snapshot.Summary.IncidentsResolved + snapshot.Summary.IncidentsOpen);
        Assert.Equal("my->us", Assert.Single(snapshot.Handoffs).Direction);
        Assert.Contains("at 17280x", output.ToString(), StringComparison.Ordinal);
    }
}
