using MassTransit;

namespace Malaysia.Ops.Messaging;

/// <summary>
/// How many of this process's queues a published message lands in: one per receive endpoint
/// with a consumer of the message's type (or of a type it implements). Worked out from the
/// consumers each endpoint declares, which is how virtual time counts messages in flight.
/// </summary>
public sealed class MessageFanOut
{
    private readonly List<HashSet<Type>> endpoints;
    private readonly Dictionary<Type, int> known = [];
    private readonly Lock gate = new();

    public MessageFanOut(IEnumerable<IEnumerable<Type>> consumersPerEndpoint)
    {
        endpoints = consumersPerEndpoint.Select(ConsumedMessageTypes).ToList();
    }

    /// <summary>The receive endpoints of the process.</summary>
    public int Endpoints => endpoints.Count;

    public int For(Type messageType)
    {
        lock (gate)
        {
            if (!known.TryGetValue(messageType, out var queues))
            {
                queues = endpoints.Count(consumed => consumed.Any(type => type.IsAssignableFrom(messageType)));
                known[messageType] = queues;
            }

            return queues;
        }
    }

    private static HashSet<Type> ConsumedMessageTypes(IEnumerable<Type> consumers) => consumers
        .SelectMany(consumer => consumer.GetInterfaces())
        .Where(type => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IConsumer<>))
        .Select(type => type.GetGenericArguments()[0])
        .ToHashSet();
}
