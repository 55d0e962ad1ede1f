using Malaysia.Ops.Messaging.Health;
using Malaysia.Ops.ServiceDefaults.Health;

namespace Malaysia.Ops.Service.Tests;

/// <summary>Which receive endpoints are ready, from the events of their consumers: ready from
/// their first start, not ready while down, and ready again only after consuming without a break
/// for the settle time, so a consumer the broker keeps closing never looks ready.</summary>
public sealed class EndpointReadinessSpecs
{
    private static readonly DateTimeOffset Start = new(2026, 7, 13, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_endpoint_is_ready_as_soon_as_it_first_consumes()
    {
        var readiness = new EndpointReadiness();

        readiness.Consuming("dispatch", Start);

        Assert.Empty(readiness.NotReady(Start));
        Assert.Equal(1, readiness.Count);
    }

    [Fact]
    public void An_endpoint_that_faulted_is_not_ready_and_is_named_with_the_reason_and_since_when()
    {
        var readiness = new EndpointReadiness();
        readiness.Consuming("dispatch", Start);
        readiness.Consuming("desk-us", Start);

        readiness.NotConsuming("dispatch", "stopped after 3 deliveries", Start.AddSeconds(10));
        readiness.NotConsuming("dispatch", "faulted: Broker unreachable", Start.AddSeconds(12));

        var line = Assert.Single(readiness.NotReady(Start.AddSeconds(20)));
        Assert.Equal("dispatch not consuming since 09:00:10Z: faulted: Broker unreachable", line);
    }

    [Fact]
    public void An_endpoint_consuming_again_is_ready_only_once_it_has_held_for_the_settle_time()
    {
        var readiness = new EndpointReadiness();
        readiness.Consuming("dispatch", Start);
        readiness.NotConsuming("dispatch", "stopped after 7 deliveries", Start.AddSeconds(1));
        var back = Start.AddSeconds(19);

        readiness.Consuming("dispatch", back);

        var line = Assert.Single(readiness.NotReady(back.AddSeconds(2)));
        Assert.Equal("dispatch consuming again for 2.0 s of the 5 s it must hold (last stop 09:00:01Z: stopped after 7 deliveries)", line);
        Assert.Empty(readiness.NotReady(back + EndpointReadiness.Settle));
    }

    [Fact]
    public void A_consumer_the_broker_keeps_closing_is_never_ready()
    {
        var readiness = new EndpointReadiness();
        readiness.Consuming("dispatch", Start);

        // Up for a few milliseconds, down for a second while the transport reconnects, again
        // and again: the requeued message closes the channel each time it is read.
        for (var cycle = 0; cycle < 60; cycle++)
        {
            var down = Start.AddSeconds(1 + cycle);
            readiness.NotConsuming("dispatch", "stopped after 1 deliveries", down);
            Assert.NotEmpty(readiness.NotReady(down.AddMilliseconds(500)));
            var up = down.AddSeconds(1);
            readiness.Consuming("dispatch", up);
            Assert.NotEmpty(readiness.NotReady(up));
            Assert.NotEmpty(readiness.NotReady(up.AddMilliseconds(20)));
        }
    }
}
