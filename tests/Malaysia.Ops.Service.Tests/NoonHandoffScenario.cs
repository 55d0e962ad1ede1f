using Malaysia.Ops.Domain.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Malaysia.Ops.Service.Tests;

/// <summary>
/// An incident raised on the Malaysian desk at 11:50 UTC on a July day, 10 minutes before its
/// shift ends, with 25 minutes of work: it is briefed to the US desk at 12:00, taken over after
/// review and resolved there. Used by the specs that look at what such an incident leaves behind.
/// </summary>
internal static class NoonHandoffScenario
{
    public static Task<IHost> StartAsync(Action<IServiceCollection> services) =>
        DispatchAndDeskSpecs.StartOperation("2026-07-13T11:50:00Z", services);

    /// <summary>Raises the incident and waits until dispatch has booked both its acceptance by the
    /// US desk and its resolution (which it may hear of in either order).</summary>
    public static async Task HandOverAndResolveAsync(IHost host, string incidentId)
    {
        await DispatchAndDeskSpecs.Raise(host, incidentId, workMinutes: 25);
        await VirtualTime.Until(host, 
            () => DispatchAndDeskSpecs.Snapshot(host) is var snapshot
                && snapshot.Incidents.Any(i => i.IncidentId == incidentId && i.Status == IncidentStatus.Resolved)
                && snapshot.Handoffs.Any(h => h.Items.Any(item => item.IncidentId == incidentId && item.AcceptedAt is not null))
                ? snapshot
                : null,
            $"{incidentId} to be taken over by the US desk and resolved");
    }
}
