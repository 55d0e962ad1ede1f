using System.Text.Json;
using System.Text.Json.Serialization;
using Malaysia.Ops.Domain.Clock;
using Malaysia.Ops.Domain.Ledger;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.Dispatch;

/// <summary>
/// Writes the ledger to "Dispatch:LedgerSnapshotPath" every few wall seconds and once more on
/// stop, atomically (a reader never sees half a file), so a run's accounting can be checked
/// from outside the process.
/// </summary>
public sealed class LedgerSnapshotWriter(
    DispatchCoordinator coordinator,
    SimulationClock clock,
    IOptions<DispatchOptions> options,
    ILogger<LedgerSnapshotWriter> logger) : BackgroundService
{
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

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SnapshotIntervalSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await WriteAsync(path, CancellationToken.None);
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
