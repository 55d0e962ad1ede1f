using System.Text.Json;
using System.Text.Json.Serialization;
using Malaysia.Ops.Domain.Ledger;

namespace Malaysia.Ops.Integration.Tests;

/// <summary>Dispatch's ledger as it writes it to disk (Dispatch:LedgerSnapshotPath), read and
/// waited on by the tests that run the services as processes.</summary>
internal static class LedgerSnapshotFile
{
    private static readonly JsonSerializerOptions SnapshotJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static LedgerSnapshot Read(string path) =>
        JsonSerializer.Deserialize<LedgerSnapshot>(File.ReadAllText(path), SnapshotJson)
        ?? throw new InvalidDataException($"{path} is empty");

    /// <summary>Waits until the snapshot meets <paramref name="condition"/>; on timeout, fails
    /// with the end of each service's output.</summary>
    public static async Task<LedgerSnapshot> WaitAsync(string path, Func<LedgerSnapshot, bool> condition, string what, TimeSpan timeout, IEnumerable<ServiceProcess> services)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        LedgerSnapshot? last = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (File.Exists(path))
            {
                try
                {
                    last = Read(path);
                }
                catch (IOException)
                {
                    // Being replaced right now; read it on the next round.
                    last = null;
                }

                if (last is not null && condition(last))
                {
                    return last;
                }
            }

            await Task.Delay(250);
        }

        var logs = string.Join("\n", services.Select(s => $"=== {s.Name} ===\n{Tail(s.Output, 40)}"));
        throw new TimeoutException($"timed out waiting for {what}; last snapshot at {last?.SimulatedAt:u}\n{logs}");
    }

    public static string Tail(string text, int lines) =>
        string.Join('\n', text.Split('\n').TakeLast(lines));
}
