using Malaysia.Ops.Domain.Rosters;
using static Malaysia.Ops.Domain.Tests.TestRosters;

namespace Malaysia.Ops.Domain.Tests;

public class RosterValidationSpecs
{
    [Fact]
    public void A_roster_without_desks_is_refused()
    {
        var error = Assert.Throws<RosterDefinitionException>(() => Roster.Create([]));

        Assert.Equal("Roster:Desks", error.Setting);
        Assert.Equal($"Roster:Desks: {error.Problem}", error.Message);
    }

    [Fact]
    public void A_desk_id_defined_twice_is_refused_naming_the_second_desk()
    {
        var error = Assert.Throws<RosterDefinitionException>(() => Roster.Create([UsDesk(), MyDesk(), Desk("US", NewYork, "20:00-08:00")]));

        Assert.Equal("Roster:Desks:2:Id", error.Setting);
        Assert.Contains("defined twice", error.Problem, StringComparison.Ordinal);
        Assert.StartsWith("Roster:Desks:2:Id: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("us desk")]
    [InlineData("us_desk")]
    public void A_desk_id_that_is_not_letters_digits_and_dashes_is_refused(string deskId)
    {
        var error = Assert.Throws<RosterDefinitionException>(() => Roster.Create([MyDesk(), Desk(deskId, NewYork, "08:00-20:00")]));

        Assert.Equal("Roster:Desks:1:Id", error.Setting);
    }

    [Fact]
    public void A_desk_without_shifts_is_refused()
    {
        var error = Assert.Throws<RosterDefinitionException>(() => Roster.Create([Desk("us", NewYork)]));

        Assert.Equal("Roster:Desks:0:Shifts", error.Setting);
    }

    [Fact]
    public void A_shift_starting_when_it_ends_is_refused()
    {
        var error = Assert.Throws<RosterDefinitionException>(() => Roster.Create([MyDesk(), Desk("us", NewYork, "08:00-20:00", "20:00-20:00")]));

        Assert.Equal("Roster:Desks:1:Shifts:1", error.Setting);
        Assert.Equal($"Roster:Desks:1:Shifts:1: {error.Problem}", error.Message);
    }

    [Fact]
    public void Two_overlapping_day_shifts_of_one_desk_are_refused_naming_the_later_shift()
    {
        var error = Assert.Throws<RosterDefinitionException>(() => Roster.Create([Desk("us", NewYork, "08:00-20:00", "19:00-23:00")]));

        Assert.Equal("Roster:Desks:0:Shifts:1", error.Setting);
        Assert.Contains("overlaps", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_overnight_shift_overlapping_a_morning_shift_of_the_same_desk_is_refused()
    {
        var error = Assert.Throws<RosterDefinitionException>(() => Roster.Create([MyDesk(), Desk("us", NewYork, "20:00-08:00", "06:00-10:00")]));

        Assert.Equal("Roster:Desks:1:Shifts:1", error.Setting);
    }

    [Fact]
    public void Adjacent_day_and_night_shifts_are_accepted()
    {
        var roster = Roster.Create([Desk("us", NewYork, "08:00-20:00", "20:00-08:00")]);

        Assert.Equal(2, roster.Desk("us").Shifts.Count);
    }

    [Fact]
    public void The_same_shift_on_different_desks_is_no_overlap()
    {
        var roster = Roster.Create([Desk("a", KualaLumpur, "08:00-20:00"), Desk("b", KualaLumpur, "08:00-20:00")]);

        Assert.Equal(2, roster.Desks.Count);
    }

    [Theory]
    [InlineData("08:00-20:00", 8, 0, 20, 0)]
    [InlineData(" 20:00 - 08:30 ", 20, 0, 8, 30)]
    public void Shift_patterns_parse_from_text(string text, int startHour, int startMinute, int endHour, int endMinute)
    {
        Assert.True(ShiftPattern.TryParse(text, out var pattern));
        Assert.Equal(new ShiftPattern(new TimeOnly(startHour, startMinute), new TimeOnly(endHour, endMinute)), pattern);
    }

    [Theory]
    [InlineData("08:00")]
    [InlineData("8-20")]
    [InlineData("08:00-25:00")]
    [InlineData("08:00-20:00-22:00")]
    public void Malformed_shift_patterns_do_not_parse(string text)
    {
        Assert.False(ShiftPattern.TryParse(text, out _));
    }
}
