using System.Globalization;

namespace Malaysia.Ops.ServiceDefaults.Hosting;

/// <summary>
/// "--probe": asks this service's own readiness endpoint and exits 0 or 1. Container images of
/// .NET have neither curl nor wget, so a health check runs the service's own binary instead.
/// </summary>
public static class HealthProbe
{
    public static async Task<int> RunAsync(int defaultPort)
    {
        var url = new Uri(new Uri(BaseAddress(defaultPort)), HealthEndpoints.ReadyPath);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
        try
        {
            using var response = await http.GetAsync(url);
            await Console.Out.WriteLineAsync($"{url}: {(int)response.StatusCode} {response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"{url}: {e.Message}");
            return 1;
        }
    }

    private static string BaseAddress(int defaultPort)
    {
        var urls = Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? Environment.GetEnvironmentVariable("URLS");
        if (!string.IsNullOrWhiteSpace(urls))
        {
            var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
            return first.Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
                .Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
                .Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal);
        }

        var ports = Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS") ?? Environment.GetEnvironmentVariable("HTTP_PORTS");
        var port = int.TryParse(ports?.Split(';', ',')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : defaultPort;
        return $"http://127.0.0.1:{port}";
    }
}
