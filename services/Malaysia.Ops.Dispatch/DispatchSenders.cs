using Malaysia.Ops.Contracts;
using Malaysia.Ops.Messaging.Senders;

namespace Malaysia.Ops.Dispatch;

/// <summary>What a message dispatch consumes claims to be, and the broker users who may send it:
/// a desk's news only from that desk's user, a clock change only from the console's. Null for a
/// message whose sender the broker's write permissions already settle (raised incidents,
/// workloads).</summary>
public static class DispatchSenders
{
    public static SenderRule? Required(IOpsMessage message, BrokerUsers users) => message switch
    {
        IncidentAcknowledged m => SenderRule.Desk(m.DeskId, users),
        IncidentResolved m => SenderRule.Desk(m.DeskId, users),
        IncidentUpdated m => SenderRule.Desk(m.DeskId, users),
        HandoffBriefing m => SenderRule.Desk(m.FromDeskId, users),
        HandoffItemAccepted m => SenderRule.Desk(m.DeskId, users),
        HandoffItemQueried m => SenderRule.Desk(m.DeskId, users),
        HandoffSurpriseFound m => SenderRule.Desk(m.DeskId, users),
        HandoffCompleted m => SenderRule.Desk(m.ToDeskId, users),
        AssistRequested m => SenderRule.Desk(m.RequesterDeskId, users),
        AssistProvided m => SenderRule.Desk(m.ProviderDeskId, users),
        DeskStateReported m => SenderRule.Desk(m.DeskId, users),
        SimulationClockChangeRequested => new SenderRule("it is a clock change, which only the console requests", [users.Console]),
        _ => null,
    };
}
