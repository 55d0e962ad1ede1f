using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Malaysia.Ops.Clock;
using Malaysia.Ops.Domain.Ledger;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.Dispatch;

/// <summary>
/// Writes the ledger to "Dispatch:LedgerSnapshotPath" every few wall seconds (less often when
/// the ledger is so big that writing it would take more than a tenth of the time) and once more
/// on stop, atomically (a reader never sees half a file), so a run's accounting can be checked
/// from outside the process.
/// </summary>
public sealed class LedgerSnapshotWriter(
    DispatchCoordinator coordinator,
    SimulationClock clock,
    IOptions<DispatchOptions> options,
    ILogger<LedgerSnapshotWriter> logger) : BackgroundService
{
    /// <summary>The most of dispatch's wall time writing snapshots may take.</summary>
    private const int MaxShareOfTimePercent = 10;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var path = options.Value.LedgerSnapshotPath;
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(options.Value.SnapshotIntervalSeconds);
        var wait = interval;
        try
        {
            while (true)
            {
                // Real wall time, on a virtual-time run too: the file is for readers outside.
                await Task.Delay(wait, stoppingToken);
                var started = Stopwatch.GetTimestamp();
                await WriteAsync(path, CancellationToken.None);

                // A big ledger (a load run books thousands of incidents a second) takes long to
                // write, and its copy holds up the consumers: the snapshot takes at most a tenth
                // of dispatch's time, however often it was asked for.
                wait = TimeSpan.FromTicks(Math.Max(interval.Ticks, Stopwatch.GetElapsedTime(started).Ticks * (100 / MaxShareOfTimePercent - 1)));
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: the final snapshot is written below.
        }

        await WriteAsync(path, CancellationToken.None);
        logger.LogInformation("Final ledger snapshot written to {Path}", path);
    }

    private async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        var snapshot = coordinator.Snapshot(clock.GetUtcNow(), clock.Wall.GetUtcNow());
        var temporary = path + ".tmp";
        try
        {
            await using (var stream = File.Create(temporary))
            {
                await JsonSerializer.SerializeAsync(stream, snapshot, Json, cancellationToken);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A full disk or a lost mount must not stop dispatch: the ledger is still in memory
            // and the next write may succeed.
            logger.LogError("Could not write the ledger snapshot to {Path}: {Reason}", path, e.Message);
        }
    }

    public static LedgerSnapshot Read(string path) =>
        JsonSerializer.Deserialize<LedgerSnapshot>(File.ReadAllText(path), Json)
        ?? throw new InvalidDataException($"{path}: empty ledger snapshot");
}
