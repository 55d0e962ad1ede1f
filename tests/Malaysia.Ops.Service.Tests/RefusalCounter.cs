using System.Diagnostics.Metrics;
using Malaysia.Ops.ServiceDefaults.Telemetry;

namespace Malaysia.Ops.Service.Tests;

/// <summary>Adds up one of the product's counters, by its tags, while it lives (service tests
/// run one at a time, so only the test's own host counts).</summary>
internal sealed class RefusalCounter : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly List<(long Value, Dictionary<string, object?> Tags)> counted = [];

    public RefusalCounter(string instrument)
    {
        listener.InstrumentPublished = (found, l) =>
        {
            if (found.Meter.Name == OpsTelemetry.Name && found.Name == instrument)
            {
                l.EnableMeasurementEvents(found);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            lock (counted)
            {
                counted.Add((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
            }
        });
        listener.Start();
    }

    /// <summary>The sum of what was counted with <paramref name="tag"/> set to <paramref name="value"/>.</summary>
    public long With(string tag, string value)
    {
        lock (counted)
        {
            return counted.Where(c => Equals(c.Tags.GetValueOrDefault(tag), value)).Sum(c => c.Value);
        }
    }

    public void Dispose() => listener.Dispose();
}
