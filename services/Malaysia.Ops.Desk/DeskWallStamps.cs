using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.Desk;

/// <summary>The wall-clock instants a desk's messages carry (when a briefing was sent, an item
/// accepted, an intake completed, an incident passed on), set by whoever publishes them: the
/// <see cref="DeskCore"/> keeps no wall time, so its messages leave these unset.</summary>
public static class DeskWallStamps
{
    public static IOpsMessage Stamp(IOpsMessage message, DateTimeOffset wall) => message switch
    {
        HandoffBriefing b when b.SentAtWall == default => b with { SentAtWall = wall },
        HandoffItemAccepted a when a.AcceptedAtWall == default => a with { AcceptedAtWall = wall },
        HandoffCompleted c when c.CompletedAtWall == default => c with { CompletedAtWall = wall },
        IncidentAssigned a when a.SentAtWall is null => a with { SentAtWall = wall },
        _ => message,
    };
}
