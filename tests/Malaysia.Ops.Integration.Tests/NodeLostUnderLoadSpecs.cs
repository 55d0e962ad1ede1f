using System.Diagnostics;
using System.Globalization;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Ledger;
using Xunit.Abstractions;

namespace Malaysia.Ops.Integration.Tests;

/// <summary>
/// A three-node RabbitMQ cluster of its own (deploy/rabbitmq/local-cluster.sh), the services as
/// separate processes given all three nodes, a synthetic load running; then node 1, the one
/// every service connected to first, is stopped. The quorum queues carry on on the other two,
/// the services reconnect to them, the load goes on, and dispatch books every incident of the
/// load (the ids run without a gap). Prints how long the node took to stop and how long after
/// that dispatch was booking again.
/// </summary>
[Collection(BrokerTests.Name)]
[Trait("Category", "Integration")]
public sealed class NodeLostUnderLoadSpecs(ITestOutputHelper log) : IAsyncLifetime
{
    private const int Rate = 100;
    private const int Seconds = 60;

    private RabbitMqCluster cluster = null!;
    private OperationProcesses operation = null!;

    public async Task InitializeAsync()
    {
        cluster = await RabbitMqCluster.StartAsync();
        operation = await OperationProcesses.CreateWithSyntheticLoadAsync(cluster, "node-lost", Rate, Seconds);
    }

    public async Task DisposeAsync()
    {
        await operation.DisposeAsync();
        await cluster.DisposeAsync();
    }

    [Fact]
    [Trait("Category", ReliabilityFigures.Category)]
    public async Task Losing_a_node_of_the_cluster_under_load_loses_no_incident_and_the_load_goes_on()
    {
        await operation.StartDesksAsync();
        await operation.StartDispatchAsync();
        var workload = await operation.StartWorkloadAsync(incidentsPerHour: 10);

        // A quarter of the load in, node 1 goes (a clean stop of a node takes RabbitMQ some
        // seconds: it hands its queue leaders over first).
        var beforeLoss = await operation.WaitForSnapshotAsync(s => Booked(s) >= Rate * Seconds / 4, "a quarter of the load booked", TimeSpan.FromMinutes(2));
        var lost = Stopwatch.StartNew();
        await cluster.StopNodeAsync(1);
        var stoppedAfter = lost.Elapsed;
        var atLoss = Booked(operation.ReadSnapshot());

        // Recovered: dispatch books incidents raised after the loss.
        try
        {
            await operation.WaitForSnapshotAsync(s => Booked(s) >= Math.Min(Rate * Seconds, atLoss + Rate), "dispatch to book incidents again after the loss", TimeSpan.FromMinutes(2));
        }
        catch (TimeoutException)
        {
            log.WriteLine(await cluster.DescribeAsync(2, operation.VirtualHost));
            throw;
        }

        var bookingAgainAfter = lost.Elapsed;
        Assert.True(atLoss < Rate * Seconds, "the load was over before node 1 was down; the test proved nothing");

        var ledger = await operation.WaitForSnapshotAsync(s => Booked(s) >= Rate * Seconds, $"dispatch to book all {Rate * Seconds} incidents of the load", TimeSpan.FromMinutes(3));
        foreach (var line in workload.Output.Split('\n').Where(l => l.Contains("Synthetic load", StringComparison.Ordinal) || l.Contains("Load at", StringComparison.Ordinal)))
        {
            log.WriteLine(line.Trim());
        }

        var sequences = ledger.Incidents
            .Where(i => i.IncidentId.StartsWith(IncidentIds.LoadPrefix, StringComparison.Ordinal))
            .Select(i => long.Parse(i.IncidentId[(i.IncidentId.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture))
            .Order()
            .ToList();
        var missing = Rate * Seconds - sequences.Distinct().Count();
        log.WriteLine($"node 1 stopping with {Booked(beforeLoss)} of the load's incidents booked; down {stoppedAfter.TotalSeconds:0.0} s later with {atLoss} booked; {Rate} more booked {bookingAgainAfter.TotalSeconds:0.0} s after the stop began");
        log.WriteLine($"load: {Rate * Seconds} raised, {sequences.Count} booked, {missing} missing");
        new ReliabilityFigures("rabbitmq node lost under load", 1, Rate * Seconds, sequences.Count, missing, sequences.Count - sequences.Distinct().Count(), (bookingAgainAfter - stoppedAfter).TotalSeconds).WriteTo(log);

        Assert.Equal(Enumerable.Range(1, Rate * Seconds).Select(i => (long)i), sequences);
        Assert.Contains($"{Rate * Seconds} of {Rate * Seconds} raised", workload.Output, StringComparison.Ordinal);
        Assert.All(operation.Services, service => Assert.False(service.HasExited, $"a service stopped:\n{service.Output}"));
    }

    private static int Booked(LedgerSnapshot snapshot) =>
        snapshot.Incidents.Count(i => i.IncidentId.StartsWith(IncidentIds.LoadPrefix, StringComparison.Ordinal));
}
