namespace Malaysia.Ops.Messaging.Senders;

/// <summary>Section "BrokerUsers": the broker user each service connects as
/// (deploy/rabbitmq/definitions.json), by which a receiver tells who really sent a message on
/// RabbitMQ. A desk's user is "desk-" and its id unless "BrokerUsers:Desks:{id}" names another.</summary>
public sealed class BrokerUsers
{
    public const string Section = "BrokerUsers";

    /// <summary>The prefix of a desk's user by default.</summary>
    public const string DeskPrefix = "desk-";

    public string Dispatch { get; set; } = "dispatch";

    public string Console { get; set; } = "console";

    /// <summary>Desk id to broker user, for desks whose user is not "desk-" and the id (desk ids
    /// compare without regard to case).</summary>
    public Dictionary<string, string> Desks { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The user the desk <paramref name="deskId"/> sends as.</summary>
    public string DeskUser(string deskId) =>
        Desks.TryGetValue(deskId, out var user) ? user : DeskPrefix + deskId.ToLowerInvariant();

    /// <summary>Whether <paramref name="user"/> is some desk's user.</summary>
    public bool IsDeskUser(string user) =>
        Desks.ContainsValue(user) || user.StartsWith(DeskPrefix, StringComparison.Ordinal);
}
