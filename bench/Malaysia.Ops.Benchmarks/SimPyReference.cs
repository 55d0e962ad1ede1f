using System.Diagnostics;
using System.Text.Json;

namespace Malaysia.Ops.Benchmarks;

/// <summary>The same M/M/3 run by SimPy (bench/mm3_simpy.py under Debian's python3-simpy),
/// for customers per wall second and the mean queue wait.</summary>
public static class SimPyReference
{
    private const string Python = "/usr/bin/python3";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record Result(int Customers, double WallSeconds, double CustomersPerSecond, double MeanWaitMinutes);

    /// <summary>The script's figures, or null with the reason when it cannot run here.</summary>
    public static async Task<(Result? Result, string? Problem)> RunAsync(double days, int seed)
    {
        if (FindScript() is not { } script)
        {
            return (null, "bench/mm3_simpy.py not found (run from the repository)");
        }

        if (!File.Exists(Python))
        {
            return (null, $"{Python} not found");
        }

        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("--days");
        start.ArgumentList.Add(days.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--seed");
        start.ArgumentList.Add(seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Python}");
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var reason = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? $"exit code {process.ExitCode}";
            return (null, $"mm3_simpy.py failed: {reason} (install SimPy 2.3: apt-get install -y python3-simpy)");
        }

        return (JsonSerializer.Deserialize<Result>(output, Json), null);
    }

    private static string? FindScript()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            var script = Path.Combine(folder.FullName, "bench", "mm3_simpy.py");
            if (File.Exists(script))
            {
                return script;
            }
        }

        return null;
    }
}
