using Malaysia.Ops.OperationsConsole.Rehearsal;

namespace Malaysia.Ops.OperationsConsole.Tests;

/// <summary>The rehearsal's lead roles: codes, tokens, and who a token names.</summary>
public sealed class RehearsalSeatsSpecs
{
    private static readonly DateTimeOffset At = new(2026, 12, 8, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_role_opened_twice_keeps_its_code_and_each_role_has_its_own()
    {
        var seats = new RehearsalSeats();

        var incoming = seats.Open(RehearsalRole.IncomingLead, "my");
        var again = seats.Open(RehearsalRole.IncomingLead, "MY");
        var outgoing = seats.Open(RehearsalRole.OutgoingLead, "us");

        Assert.Equal(incoming.Code, again.Code);
        Assert.NotEqual(incoming.Code, outgoing.Code);
        Assert.Equal(8, incoming.Code.Length);
        Assert.Equal(2, seats.All().Count);
        Assert.Throws<ArgumentException>(() => seats.Open(RehearsalRole.Facilitator, "us"));
    }

    [Fact]
    public void A_token_names_its_role_only_once_someone_has_joined_with_the_code()
    {
        var seats = new RehearsalSeats();
        var seat = seats.Open(RehearsalRole.IncomingLead, "my");
        Assert.False(seats.IsTaken(RehearsalRole.IncomingLead, "my"));

        var joined = seats.Join(seat.Code.ToLowerInvariant(), "Aisha", At);

        Assert.NotNull(joined);
        var caller = seats.Identify(joined.Value.Token);
        Assert.Equal(new Caller(RehearsalRole.IncomingLead, "my", "Aisha"), caller);
        Assert.Equal("Aisha (incoming lead, MY)", caller!.Name);
        Assert.True(seats.IsTaken(RehearsalRole.IncomingLead, "my"));
        Assert.False(seats.IsTaken(RehearsalRole.OutgoingLead, "us"));
        Assert.Null(seats.Identify("not-a-token"));
        Assert.Null(seats.Join("WRONG123", "Mallory", At));
    }

    [Fact]
    public void Joining_again_gives_the_same_token_under_the_latest_name()
    {
        var seats = new RehearsalSeats();
        var seat = seats.Open(RehearsalRole.OutgoingLead, "us");

        var first = seats.Join(seat.Code, "Dana", At)!.Value;
        var second = seats.Join(seat.Code, "Dana R.", At.AddMinutes(5))!.Value;

        Assert.Equal(first.Token, second.Token);
        Assert.Equal("Dana R.", seats.Identify(second.Token)!.PersonName);
        Assert.Equal(At, second.Seat.JoinedAt);
    }
}
