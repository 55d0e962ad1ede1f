using Malaysia.Ops.Contracts;
using Malaysia.Ops.Desk;
using Malaysia.Ops.Dispatch;
using Malaysia.Ops.Messaging.Senders;

namespace Malaysia.Ops.Service.Tests;

/// <summary>Who may send what, on RabbitMQ, where the broker vouches for each message's user: a
/// desk speaks only for itself, dispatch alone assigns (but see EscalationHandOnSpecs), the
/// console alone changes the clock and drives the desks; in one process nothing is checked.</summary>
public sealed class SenderRuleSpecs
{
    private static readonly DateTimeOffset At = new(2026, 7, 13, 10, 0, 0, TimeSpan.Zero);
    private static readonly BrokerUsers Users = new();

    private static MessageSender From(string? user) => new(true, user);

    private static string? ToDispatch(IOpsMessage message, MessageSender sender) =>
        DispatchSenders.Required(message, Users) is { } rule ? SenderCheck.Problem(sender, rule) : null;

    private static string? ToDesk(IOpsMessage message, MessageSender sender) =>
        DeskSenders.Required(message, Users) is { } rule ? SenderCheck.Problem(sender, rule) : null;

    [Fact]
    public void A_desk_speaks_to_dispatch_only_for_itself()
    {
        var resolved = new IncidentResolved("INC-1", "us", At);
        Assert.Null(ToDispatch(resolved, From("desk-us")));
        Assert.Equal(
            "it speaks for desk 'us', but it was sent by broker user 'desk-my', not 'desk-us'",
            ToDispatch(resolved, From("desk-my")));

        // Desk ids compare without regard to case; broker users do not.
        Assert.Null(ToDispatch(new DeskStateReported("US", false, [], At, Started: true, Instance: Guid.NewGuid()), From("desk-us")));
        Assert.NotNull(ToDispatch(new DeskStateReported("us", false, [], At, Started: true, Instance: Guid.NewGuid()), From("desk-my")));
        Assert.NotNull(ToDispatch(new HandoffItemAccepted("HO-1", "INC-1", "us", At, At, At), From("desk-my")));
        Assert.NotNull(ToDispatch(new HandoffBriefing("HO-1", "us", "my", At, [], At, At), From("desk-my")));
        Assert.NotNull(ToDispatch(new HandoffCompleted("HO-1", "my", "us", 1, 0, At, At, At), From("desk-my")));
        Assert.NotNull(ToDispatch(new AssistProvided("INC-1", "my", "us", AssistKind.SiteHands, At, At), From("desk-my")));
        Assert.NotNull(ToDispatch(new IncidentAcknowledged("INC-1", "us", At), From("console")));
        Assert.NotNull(ToDispatch(new IncidentUpdated("INC-1", "us", "started", "fix", At, WorkStarted: true), From("desk-my")));
    }

    [Fact]
    public void A_desk_user_named_in_the_settings_replaces_the_default()
    {
        var users = new BrokerUsers { Desks = { ["us"] = "us-desk-east" } };
        var rule = DispatchSenders.Required(new IncidentResolved("INC-1", "US", At), users)!;
        Assert.Null(SenderCheck.Problem(From("us-desk-east"), rule));
        Assert.NotNull(SenderCheck.Problem(From("desk-us"), rule));
    }

    [Fact]
    public void Only_the_console_changes_the_clock_and_a_message_without_a_user_id_is_nobody()
    {
        var pause = new SimulationClockChangeRequested(ClockChange.Pause, null, "console", At);
        Assert.Null(ToDispatch(pause, From("console")));
        Assert.NotNull(ToDispatch(pause, From("desk-my")));
        Assert.NotNull(ToDispatch(pause, From("workload")));
        Assert.Equal(
            "it is a clock change, which only the console requests, but it was sent by a sender with no user-id, not 'console'",
            ToDispatch(pause, From(null)));
    }

    [Fact]
    public void A_desk_takes_assignments_from_dispatch_and_controls_only_from_the_console()
    {
        var assigned = new IncidentAssigned("INC-1", "us", "us-1", At, false, IncidentType.DataPipelineLag, Severity.Sev2, 30, At);
        Assert.Null(ToDesk(assigned, From("dispatch")));
        Assert.NotNull(ToDesk(assigned, From("desk-my")));
        Assert.NotNull(ToDesk(assigned, From("console")));
        Assert.NotNull(ToDesk(assigned, From("workload")));

        var decided = new HandoffItemDecided("HO-1", "INC-1", "us", true, null, "console", At);
        Assert.Null(ToDesk(decided, From("console")));
        Assert.NotNull(ToDesk(decided, From("dispatch")));
        Assert.NotNull(ToDesk(new DeskFaultInjected("us", DeskFault.Stop, null, null, "console", At), From("desk-my")));
        Assert.NotNull(ToDesk(new ShiftEnding("HO-1", "us-1", "us", "my", "my-1", At, At), From("desk-my")));
        Assert.NotNull(ToDesk(new HandoffBriefing("HO-1", "my", "us", At, [], At, At), From("desk-us")));
    }

    [Fact]
    public void A_message_from_the_user_this_process_connects_as_is_taken_since_only_this_process_could_send_it()
    {
        var rule = DispatchSenders.Required(new IncidentResolved("INC-1", "us", At), Users)!;
        Assert.Null(SenderCheck.Problem(From("guest"), rule, ownUser: "guest"));
        Assert.NotNull(SenderCheck.Problem(From("guest"), rule, ownUser: "dispatch"));
        Assert.NotNull(SenderCheck.Problem(From(null), rule, ownUser: "dispatch"));
    }

    [Fact]
    public void In_one_process_every_message_is_the_process_s_own()
    {
        Assert.Null(ToDispatch(new IncidentResolved("INC-1", "us", At), MessageSender.InProcess));
        Assert.Null(ToDesk(new HandoffItemDecided("HO-1", "INC-1", "us", true, null, "console", At), MessageSender.InProcess));
    }
}
