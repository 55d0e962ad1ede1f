using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Malaysia.Ops.Messaging;

/// <summary>
/// Collects what each service contributes to the one bus of its process: consumer registrations
/// and receive endpoints. The same contributions build a RabbitMQ bus in a service process, an
/// in-memory bus in the simulator, and MassTransit's test harness in service tests, so no
/// consumer is wired twice.
/// </summary>
public sealed class OpsBusBuilder(IServiceCollection services, IConfiguration configuration)
{
    private readonly List<Action<IBusRegistrationConfigurator>> registrations = [];
    private readonly List<Action<IBusRegistrationContext, IBusFactoryConfigurator>> endpoints = [];
    private readonly List<IReadOnlyList<Type>> consumersPerEndpoint = [];

    public IServiceCollection Services { get; } = services;

    public IConfiguration Configuration { get; } = configuration;

    public OpsBusBuilder Register(Action<IBusRegistrationConfigurator> registration)
    {
        registrations.Add(registration);
        return this;
    }

    /// <summary>A receive endpoint and the consumers it hosts. The consumers are declared so the
    /// process knows how many queues each message type lands in (virtual time counts messages
    /// in flight with it).</summary>
    public OpsBusBuilder Endpoint(IReadOnlyList<Type> consumers, Action<IBusRegistrationContext, IBusFactoryConfigurator> endpoint)
    {
        consumersPerEndpoint.Add(consumers);
        endpoints.Add(endpoint);
        return this;
    }

    internal MessageFanOut FanOut() => new(consumersPerEndpoint);

    internal void ApplyRegistrations(IBusRegistrationConfigurator configurator)
    {
        foreach (var registration in registrations)
        {
            registration(configurator);
        }
    }

    internal void ApplyEndpoints(IBusRegistrationContext context, IBusFactoryConfigurator configurator)
    {
        foreach (var endpoint in endpoints)
        {
            endpoint(context, configurator);
        }
    }
}
