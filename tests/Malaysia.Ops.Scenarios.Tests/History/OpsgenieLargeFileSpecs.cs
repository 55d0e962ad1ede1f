using System.Text.Json;
using Malaysia.Ops.Scenarios.History;

namespace Malaysia.Ops.Scenarios.Tests.History;

public class OpsgenieLargeFileSpecs
{
    private const int Alerts = 200_000;

    /// <summary>Free text an export carries and the import drops, which makes the file large.</summary>
    private static readonly string Message = new('m', 1_000);

    [Fact]
    public void A_large_file_is_read_alert_by_alert_in_bounded_memory()
    {
        var path = Path.Combine(Path.GetTempPath(), $"opsgenie-large-{Guid.NewGuid():N}.json");
        try
        {
            Write(path);
            var fileSize = new FileInfo(path).Length;
            var memory = new HeldMemory();

            var history = HistoryImporter.Import(path, HistoryFormat.Opsgenie, HistoryMapping.Default, new ImportOptions(Progress: memory));

            Assert.Equal(Alerts, history.Incidents.Count);
            Assert.Equal(Alerts, memory.LastCount);
            // The incidents kept take about 130 bytes each; a reader holding the file would hold all of it.
            Assert.True(
                memory.MaxGrowth < fileSize / 5,
                $"held {memory.MaxGrowth:N0} bytes more while importing a file of {fileSize:N0} bytes");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void Write(string path)
    {
        using var file = File.Create(path);
        using var json = new Utf8JsonWriter(file);
        json.WriteStartObject();
        json.WriteStartArray("data");
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < Alerts; i++)
        {
            json.WriteStartObject();
            json.WriteString("id", $"a{i}");
            json.WriteString("createdAt", start.AddSeconds(i * 37));
            json.WriteString("priority", $"P{1 + (i % 5)}");
            json.WriteStartArray("tags");
            json.WriteStringValue("GpuNodeFailure");
            json.WriteEndArray();
            json.WriteString("message", Message);
            json.WriteStartObject("report");
            json.WriteNumber("closeTime", 60_000 * (1 + (i % 90)));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("took", 0.5);
        json.WriteEndObject();
    }

    /// <summary>The managed memory held at each progress report, after a full collection, above what
    /// was held before the import.</summary>
    private sealed class HeldMemory : IProgress<long>
    {
        private readonly long before = GC.GetTotalMemory(forceFullCollection: true);

        public long MaxGrowth { get; private set; }

        public long LastCount { get; private set; }

        public void Report(long value)
        {
            LastCount = value;
            MaxGrowth = Math.Max(MaxGrowth, GC.GetTotalMemory(forceFullCollection: true) - before);
        }
    }
}
