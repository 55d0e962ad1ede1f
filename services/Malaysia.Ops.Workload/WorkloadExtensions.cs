using Malaysia.Ops.ServiceDefaults;
using Malaysia.Ops.Messaging;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.ServiceDefaults.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Malaysia.Ops.Workload;

public static class WorkloadExtensions
{
    /// <summary>The workload service: the seeded incident source, the customers' workloads and
    /// the synthetic load driver (off unless configured). It consumes nothing but the
    /// run's clock, which it follows unless the process owns the clock itself.</summary>
    public static OpsBusBuilder AddWorkload(this OpsBusBuilder bus)
    {
        bus.Services.AddValidatedOptions<WorkloadOptions, WorkloadOptionsValidator>(WorkloadOptions.Section);
        bus.Services.AddSingleton<IncidentSource>();
        bus.Services.AddHostedService(sp => sp.GetRequiredService<IncidentSource>());
        bus.Services.AddHostedService<WorkloadSource>();
        bus.Services.AddSingleton<LoadDriver>();
        bus.Services.AddHostedService(sp => sp.GetRequiredService<LoadDriver>());
        bus.Services.AddSingleton<IRunOutcome>(sp => sp.GetRequiredService<LoadDriver>());

        // Dispatch in the same process reads its own figures to the driver; across processes,
        // its HTTP port does.
        bus.Services.TryAddSingleton<IDispatchLoadFigures, DispatchLoadOverHttp>();
        return bus;
    }
}
