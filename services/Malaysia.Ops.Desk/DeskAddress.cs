using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.Desk;

/// <summary>The desk a message is for: the one consumer that takes it, on the bus or in the
/// simulator's direct engine.</summary>
public static class DeskAddress
{
    /// <summary>The desk <paramref name="message"/> is addressed to; null when it is for no desk.
    /// An escalation is for the desk that holds the incident, which passes it on or pages its
    /// on-call; help routed is for the desk that gives it, help provided for the one that asked.</summary>
    public static string? Of(IOpsMessage message) => message switch
    {
        IncidentAssigned m => m.DeskId,
        ShiftEnding m => m.DeskId,
        HandoffBriefing m => m.ToDeskId,
        IncidentEscalated m => m.FromDeskId,
        AssistRouted m => m.ProviderDeskId,
        AssistProvided m => m.RequesterDeskId,
        DeskFaultInjected m => m.DeskId,
        DeskRehearsalModeSet m => m.DeskId,
        HandoffItemDecided m => m.DeskId,
        HandoffBriefingWritten m => m.DeskId,
        _ => null,
    };
}
