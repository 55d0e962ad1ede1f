using System.Globalization;
using System.Net.Http.Json;
using Malaysia.Ops.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.Workload;

/// <summary>Reads the load's figures from dispatch's HTTP port ("Workload:Load:DispatchUrl", GET
/// /load) when dispatch runs in a process of its own.</summary>
public sealed class DispatchLoadOverHttp(IOptions<WorkloadOptions> workload, ILogger<DispatchLoadOverHttp> logger) : IDispatchLoadFigures, IDisposable
{
    private readonly HttpClient client = new() { Timeout = TimeSpan.FromSeconds(5) };
    private bool unreachable;

    public async Task<LoadThroughDispatch?> ReadAsync(IReadOnlyList<double> percentiles, CancellationToken cancellationToken)
    {
        var asked = string.Join(',', percentiles.Select(p => p.ToString(CultureInfo.InvariantCulture)));
        var address = new Uri(new Uri(workload.Value.Load.DispatchUrl), $"/load?percentiles={asked}");
        try
        {
            var figures = await client.GetFromJsonAsync<LoadThroughDispatch>(address, cancellationToken);
            unreachable = false;
            return figures;
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Said once each time dispatch stops answering, not on every reading.
            if (!unreachable)
            {
                logger.LogWarning("Dispatch's load figures unknown ({Address}): {Problem}", address, e.Message);
            }

            unreachable = true;
            return null;
        }
    }

    public void Dispose() => client.Dispose();
}
