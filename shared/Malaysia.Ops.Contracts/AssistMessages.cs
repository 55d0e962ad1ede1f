using System.Text.Json.Serialization;

namespace Malaysia.Ops.Contracts;

/// <summary>What one desk needs from another to go on with an incident.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AssistKind>))]
public enum AssistKind
{
    /// <summary>Hands on the site where the hardware is (reseat a GPU, check a PDU).</summary>
    SiteHands,

    /// <summary>The owning customer's approval (roll back a model, isolate a host).</summary>
    OwnerApproval,

    /// <summary>Room on a GPU cluster for a large workload: a request to the desk that runs the
    /// cluster, not an incident.</summary>
    CapacityApproval,
}

/// <summary>A desk cannot go on with an incident without help from desk
/// <paramref name="NeededDeskId"/>; dispatch routes the request.</summary>
public sealed record AssistRequested(
    string IncidentId,
    string RequesterDeskId,
    string NeededDeskId,
    AssistKind Kind,
    DateTimeOffset SimulatedAt,
    int SchemaVersion = MessageSchema.V1) : IOpsMessage;

/// <summary>Dispatch to the desk that will help: on its shift, or (<paramref name="ProviderOnDuty"/>
/// false) through its on-call; with <paramref name="External"/> the operation has no such desk
/// and the requester waits for help from outside it instead (the data centre's remote hands,
/// the customer's own approver).</summary>
public sealed record AssistRouted(
    string IncidentId,
    string RequesterDeskId,
    string ProviderDeskId,
    AssistKind Kind,
    bool ProviderOnDuty,
    bool External,
    DateTimeOffset RequestedAt,
    DateTimeOffset SimulatedAt,
    int SchemaVersion = MessageSchema.V1) : IOpsMessage;

/// <summary>The help was given; the requester can go on.</summary>
public sealed record AssistProvided(
    string IncidentId,
    string RequesterDeskId,
    string ProviderDeskId,
    AssistKind Kind,
    DateTimeOffset RequestedAt,
    DateTimeOffset SimulatedAt,
    int SchemaVersion = MessageSchema.V1) : IOpsMessage;
