using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.Domain.Ledger;

/// <summary>One request for another desk's help, and when it came.</summary>
public sealed record AssistRecord(
    string IncidentId,
    string RequesterDeskId,
    string ProviderDeskId,
    AssistKind Kind,
    bool External,
    DateTimeOffset RequestedAt,
    DateTimeOffset? ProvidedAt)
{
    public double? WaitMinutes => ProvidedAt is { } at ? (at - RequestedAt).TotalMinutes : null;
}

/// <summary>Dispatch's record of the help desks asked each other for: the cross-desk traffic an
/// incident causes even mid-shift. One record per incident, requester and request time, so a
/// redelivered message counts once.</summary>
public sealed class AssistBook
{
    private readonly Dictionary<(string IncidentId, string RequesterDeskId, DateTimeOffset RequestedAt), AssistRecord> records = [];
    private readonly List<(string, string, DateTimeOffset)> order = [];

    public IEnumerable<AssistRecord> All => order.Select(key => records[key]);

    public bool Requested(string incidentId, string requesterDeskId, string providerDeskId, AssistKind kind, bool remoteHands, DateTimeOffset at)
    {
        var key = (incidentId, requesterDeskId, at);
        if (!records.TryAdd(key, new AssistRecord(incidentId, requesterDeskId, providerDeskId, kind, remoteHands, at, null)))
        {
            return false;
        }

        order.Add(key);
        return true;
    }

    /// <summary>The request an incident's requester made at <paramref name="requestedAt"/>, if heard of.</summary>
    public AssistRecord? Find(string incidentId, string requesterDeskId, DateTimeOffset requestedAt) =>
        records.GetValueOrDefault((incidentId, requesterDeskId, requestedAt));

    public bool Provided(string incidentId, string requesterDeskId, DateTimeOffset requestedAt, DateTimeOffset at)
    {
        var key = (incidentId, requesterDeskId, requestedAt);
        if (!records.TryGetValue(key, out var record) || record.ProvidedAt is not null)
        {
            return false;
        }

        records[key] = record with { ProvidedAt = at };
        return true;
    }
}
