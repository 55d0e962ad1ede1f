using Malaysia.Ops.Clock;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.ServiceDefaults.Configuration;

public static class ClockRegistration
{
    /// <summary>Registers the run's <see cref="SimulationClock"/>. When a wall anchor is
    /// configured the clock starts at once; otherwise it waits for the clock's owner. In virtual
    /// time it starts at the epoch and moves only when a <see cref="VirtualTimeDriver"/> moves it.</summary>
    public static IServiceCollection AddSimulationClock(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SimulationOptions>>().Value;
            if (options.VirtualTime)
            {
                return SimulationClock.Virtual(options.Epoch);
            }

            var clock = new SimulationClock(options.Epoch, options.Speed);
            if (options.WallAnchor is { } anchor)
            {
                clock.Start(anchor);
            }

            return clock;
        });
        return services;
    }
}
