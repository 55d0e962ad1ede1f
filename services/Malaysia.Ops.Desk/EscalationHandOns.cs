using Malaysia.Ops.Messaging.Senders;

namespace Malaysia.Ops.Desk;

/// <summary>
/// The incidents dispatch escalated to this desk from another: the desk holding one passes it on
/// as an assignment of its own (with the work it still needs), the one assignment a desk takes
/// from another desk rather than from dispatch. Only the desk named in the escalation may pass
/// that incident on.
/// </summary>
public sealed class EscalationHandOns
{
    private readonly Lock gate = new();
    private readonly HashSet<(string IncidentId, string FromDeskId)> expected = [];

    /// <summary>Dispatch escalated <paramref name="incidentId"/> from <paramref name="fromDeskId"/>
    /// to this desk.</summary>
    public void Expect(string incidentId, string fromDeskId)
    {
        lock (gate)
        {
            expected.Add((incidentId, fromDeskId.ToLowerInvariant()));
        }
    }

    /// <summary>Whether <paramref name="brokerUser"/> is the user of a desk an escalation of
    /// <paramref name="incidentId"/> to this desk came from.</summary>
    public bool MayPassOn(string incidentId, string? brokerUser, BrokerUsers users)
    {
        lock (gate)
        {
            return brokerUser is not null
                && expected.Any(e => e.IncidentId == incidentId && string.Equals(users.DeskUser(e.FromDeskId), brokerUser, StringComparison.Ordinal));
        }
    }
}
