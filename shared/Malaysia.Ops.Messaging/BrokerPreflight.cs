using System.Net.Sockets;
using Malaysia.Ops.Messaging.Configuration;
using Malaysia.Ops.ServiceDefaults.Configuration;
using Polly;
using Polly.Retry;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Malaysia.Ops.Messaging;

/// <summary>
/// Before a service starts its bus, checks that the broker is there and lets it in, retrying a
/// broker that is still starting. MassTransit alone would retry for ever in the background while
/// the service looks healthy; a person starting a service wants to be told at once that the
/// host, the credentials or the virtual host are wrong.
/// </summary>
public static class BrokerPreflight
{
    public static async Task CheckAsync(RabbitMqOptions options, CancellationToken cancellationToken)
    {
        var factory = options.ConnectionFactory("malaysia-ops-preflight");

        var pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(0, options.ConnectAttempts - 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(500),
                MaxDelay = TimeSpan.FromSeconds(5),
                // Refused credentials or a missing virtual host will not fix themselves.
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => !IsRefusal(e)),
            })
            .Build();

        try
        {
            await pipeline.ExecuteAsync(
                async token =>
                {
                    await using var connection = await factory.CreateConnectionAsync(token);

                    // A broker that refuses the user the virtual host answers the open with
                    // NOT_ALLOWED, which the client may only notice at the first channel.
                    await using (await connection.CreateChannelAsync(cancellationToken: token))
                    {
                    }

                    await connection.CloseAsync(token);
                },
                cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw Explain(options, e);
        }
    }

    private static bool IsRefusal(Exception e) =>
        Flatten(e).Any(x => x is AuthenticationFailureException or PossibleAuthenticationFailureException
            || x.Message.Contains("NOT_ALLOWED", StringComparison.Ordinal)
            || x.Message.Contains("ACCESS_REFUSED", StringComparison.Ordinal));

    private static ConfigurationProblemException Explain(RabbitMqOptions options, Exception e)
    {
        var all = Flatten(e).ToList();
        if (all.Any(x => x is AuthenticationFailureException or PossibleAuthenticationFailureException || x.Message.Contains("ACCESS_REFUSED", StringComparison.Ordinal)))
        {
            return new ConfigurationProblemException("RabbitMq:Username/RabbitMq:Password", $"the broker at {options.Describe()} refused the credentials of user '{options.Username}'", e);
        }

        if (all.Any(x => x.Message.Contains("NOT_ALLOWED", StringComparison.Ordinal)))
        {
            return new ConfigurationProblemException("RabbitMq:VirtualHost", $"the broker at {options.Host}:{options.Port} has no virtual host '{options.VirtualHost}' open to user '{options.Username}'", e);
        }

        var reason = all.OfType<SocketException>().Select(s => s.SocketErrorCode.ToString()).FirstOrDefault()
            ?? all[^1].Message;
        return new ConfigurationProblemException(
            "RabbitMq:Host/RabbitMq:Port",
            $"cannot reach the broker at {options.Describe()} after {options.ConnectAttempts} attempt(s) ({reason})",
            e);
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }
}
