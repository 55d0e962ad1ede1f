using Malaysia.Ops.Contracts;
using MassTransit;
using RabbitMQ.Client;

namespace Malaysia.Ops.Messaging;

/// <summary>
/// On RabbitMQ an assignment reaches only the queue of the desk it names. Every other message
/// type goes to a fanout exchange that copies it to every queue bound to it, and a desk keeps
/// what is addressed to it; for assignments, the bulk of a desk's traffic, a fanout would give
/// every desk every other desk's too (under a load routed to the Malaysian desk, a fifth of the
/// broker's deliveries would go to the US desk only to be thrown away). Assignments are
/// therefore published with the desk's id as routing key, and each desk's queue is bound with its
/// own id. Whoever follows every desk (the console's board) binds once per desk. The exchange is
/// a topic exchange, though the keys are plain ids, because only there does the broker check a
/// binding's key against the user's topic permissions: a desk's user may bind its own id and no
/// other (deploy/rabbitmq/definitions.json), so it cannot tap another desk's work. The in-memory
/// bus has no routing keys: there every endpoint gets each assignment and a desk keeps its own.
/// </summary>
public static class AssignmentRouting
{
    /// <summary>The topic exchange assignments are published to, named apart from the fanout
    /// exchange MassTransit would name after the message type, so no broker is asked to change
    /// an exchange's type.</summary>
    public const string Exchange = "Malaysia.Ops.Contracts:IncidentAssignedToDesk";

    /// <summary>The type of <see cref="Exchange"/>, for whoever declares it.</summary>
    public const string ExchangeKind = ExchangeType.Topic;

    /// <summary>The routing key of the assignments of desk <paramref name="deskId"/> (desk ids
    /// compare without regard to case).</summary>
    public static string KeyOf(string deskId) => deskId.ToLowerInvariant();

    /// <summary>Publishes assignments to <see cref="Exchange"/>, keyed by desk.</summary>
    internal static void RouteAssignmentsByDesk(this IRabbitMqBusFactoryConfigurator bus)
    {
        bus.Message<IncidentAssigned>(message => message.SetEntityName(Exchange));
        bus.Publish<IncidentAssigned>(publish => publish.ExchangeType = ExchangeKind);
        bus.Send<IncidentAssigned>(send => send.UseRoutingKeyFormatter(context => KeyOf(context.Message.DeskId)));
    }

    /// <summary>Binds this endpoint's queue to the assignments of the given desks only (on
    /// RabbitMQ; elsewhere it changes nothing).</summary>
    public static void ReceiveAssignmentsOf(this IReceiveEndpointConfigurator endpoint, IEnumerable<string> deskIds)
    {
        if (endpoint is not IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            return;
        }

        rabbit.ConfigureMessageTopology<IncidentAssigned>(false);
        foreach (var deskId in deskIds)
        {
            rabbit.Bind(Exchange, binding =>
            {
                binding.ExchangeType = ExchangeKind;
                binding.RoutingKey = KeyOf(deskId);
            });
        }
    }
}
