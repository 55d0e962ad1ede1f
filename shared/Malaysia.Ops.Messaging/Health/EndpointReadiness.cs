using System.Globalization;

namespace Malaysia.Ops.Messaging.Health;

/// <summary>
/// Whether each receive endpoint of the process is consuming. An endpoint that stopped or
/// faulted since it first came up counts as ready again only once it has consumed for
/// <see cref="Settle"/> without a break: a consumer whose channel the broker keeps closing (a
/// message it cannot settle, redelivered again and again) is up for an instant at a time, and
/// a probe must not catch it in that instant and call the service ready.
/// </summary>
public sealed class EndpointReadiness
{
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    private readonly Lock gate = new();
    private readonly Dictionary<string, EndpointCondition> endpoints = new(StringComparer.Ordinal);

    /// <summary>How many endpoints have reported.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return endpoints.Count;
            }
        }
    }

    /// <summary>The endpoint's consumer is up.</summary>
    public void Consuming(string endpoint, DateTimeOffset at)
    {
        lock (gate)
        {
            if (endpoints.TryGetValue(endpoint, out var known))
            {
                if (!known.Consuming)
                {
                    endpoints[endpoint] = known with { Consuming = true, Since = at };
                }
            }
            else
            {
                endpoints[endpoint] = new EndpointCondition(true, at, null, null);
            }
        }
    }

    /// <summary>The endpoint's consumer is down (stopping, stopped, faulted), for the reason
    /// given; it stays down from the first such report until it consumes again.</summary>
    public void NotConsuming(string endpoint, string reason, DateTimeOffset at)
    {
        lock (gate)
        {
            var since = endpoints.TryGetValue(endpoint, out var known) && !known.Consuming ? known.Since : at;
            endpoints[endpoint] = new EndpointCondition(false, since, reason, at);
        }
    }

    /// <summary>One line per endpoint that is not ready at <paramref name="now"/>, naming it and
    /// why, in name order; empty when every endpoint is ready.</summary>
    public IReadOnlyList<string> NotReady(DateTimeOffset now)
    {
        lock (gate)
        {
            return endpoints
                .OrderBy(e => e.Key, StringComparer.Ordinal)
                .Select(e => Describe(e.Key, e.Value, now))
                .OfType<string>()
                .ToList();
        }
    }

    private static string? Describe(string endpoint, EndpointCondition condition, DateTimeOffset now)
    {
        if (!condition.Consuming)
        {
            return $"{endpoint} not consuming since {Time(condition.Since)}: {condition.LastProblem}";
        }

        var consumedFor = now - condition.Since;
        if (condition.LastProblem is null || consumedFor >= Settle)
        {
            return null;
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"{endpoint} consuming again for {consumedFor.TotalSeconds:0.0} s of the {Settle.TotalSeconds:0} s it must hold (last stop {Time(condition.LastProblemAt!.Value)}: {condition.LastProblem})");
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
