using Malaysia.Ops.Desk;
using Malaysia.Ops.Messaging.Senders;

namespace Malaysia.Ops.Service.Tests;

/// <summary>The one assignment a desk takes from another desk's broker user: an incident dispatch
/// escalated to it from that desk, which the holder passes on; no other desk may pass it on,
/// and no incident dispatch did not escalate.</summary>
public sealed class EscalationHandOnSpecs
{
    private static readonly BrokerUsers Users = new();

    [Fact]
    public void Only_the_desk_an_escalation_came_from_may_pass_that_incident_on()
    {
        var handOns = new EscalationHandOns();
        Assert.False(handOns.MayPassOn("INC-1", "desk-my", Users));

        handOns.Expect("INC-1", "MY");
        Assert.True(handOns.MayPassOn("INC-1", "desk-my", Users));
        Assert.False(handOns.MayPassOn("INC-1", "desk-us", Users));
        Assert.False(handOns.MayPassOn("INC-2", "desk-my", Users));
        Assert.False(handOns.MayPassOn("INC-1", null, Users));
    }
}
