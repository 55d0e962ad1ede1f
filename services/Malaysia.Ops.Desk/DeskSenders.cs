using Malaysia.Ops.Contracts;
using Malaysia.Ops.Messaging.Senders;

namespace Malaysia.Ops.Desk;

/// <summary>The broker users a desk takes each message from: assignments, shift ends, escalations
/// and routed help from dispatch (an assignment also from the desk an escalation to this one came
/// from: <see cref="EscalationHandOns"/>); a briefing or help given from the desk it names;
/// faults, rehearsal, written briefings and handoff decisions from the console; a standby's probe
/// from the desk's own.</summary>
public static class DeskSenders
{
    public static SenderRule? Required(IOpsMessage message, BrokerUsers users) => message switch
    {
        IncidentAssigned or ShiftEnding or IncidentEscalated or AssistRouted => new SenderRule($"it is a {message.GetType().Name}, which only dispatch sends", [users.Dispatch]),
        HandoffBriefing m => SenderRule.Desk(m.FromDeskId, users),
        AssistProvided m => SenderRule.Desk(m.ProviderDeskId, users),
        DeskStandbyProbe m => SenderRule.Desk(m.DeskId, users),
        DeskFaultInjected or DeskRehearsalModeSet or HandoffItemDecided or HandoffBriefingWritten => new SenderRule($"it is a {message.GetType().Name}, which only the console sends", [users.Console]),
        _ => null,
    };
}
