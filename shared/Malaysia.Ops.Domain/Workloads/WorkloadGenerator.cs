using System.Globalization;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Domain.Scenarios;

namespace Malaysia.Ops.Domain.Workloads;

/// <summary>
/// US customers' training and inference workloads on the Malaysian GPU clusters, as a seeded
/// stream of events in time order: each workload is submitted, reports progress at each quarter,
/// and completes, or fails part-way and raises an incident (a stalled training job, an inference
/// service missing its latency target). The stream depends only on seed, start and policy.
/// </summary>
public sealed class WorkloadGenerator(WorkloadPolicy policy, int seed, DateTimeOffset start)
{
    private static readonly string[] Customers = ["us-fintech-fraud", "us-retail-recs", "us-health-nlp", "us-media-vision"];
    private static readonly string[] Clusters = ["kul-gpu-a", "kul-gpu-b"];

    public IEnumerable<WorkloadEvent> Events()
    {
        if (policy.PerDay <= 0)
        {
            yield break;
        }

        // A stream of its own, so workloads never shift the incident stream.
        var random = new Random(unchecked((seed * 31) + 0x5EED));
        var pending = new PriorityQueue<WorkloadEvent, (DateTimeOffset, long)>();
        long order = 0;
        var at = start;
        for (var sequence = 1; ; sequence++)
        {
            var gap = -Math.Log(1 - random.NextDouble()) / policy.PerDay;
            if (!StreamHorizon.Reaches(at, gap, TimeSpan.FromDays(1)))
            {
                while (pending.TryDequeue(out var last, out _))
                {
                    yield return last;
                }

                yield break;
            }

            at = at.AddDays(gap);
            foreach (var e in Workload(sequence, at, random))
            {
                pending.Enqueue(e, (e.At, order++));
            }

            // Everything due before the next submission can come is final.
            while (pending.TryPeek(out var first, out _) && first.At <= at)
            {
                yield return pending.Dequeue();
            }
        }
    }

    private IEnumerable<WorkloadEvent> Workload(int sequence, DateTimeOffset submitted, Random random)
    {
        var id = $"WL-{sequence.ToString("D5", CultureInfo.InvariantCulture)}";
        var training = random.NextDouble() < 0.7;
        var kind = training ? WorkloadKind.Training : WorkloadKind.Inference;
        var customer = Customers[random.Next(Customers.Length)];
        var cluster = Clusters[random.Next(Clusters.Length)];
        var gpus = training ? 8 * (1 << random.Next(0, 6)) : 1 << random.Next(0, 5);
        var hours = training ? 4 + (random.NextDouble() * 44) : 2 + (random.NextDouble() * 10);
        var failsAt = random.NextDouble() < policy.FailureProbability ? 0.1 + (random.NextDouble() * 0.8) : (double?)null;
        var workMinutes = Math.Round(Math.Max(5, -30 * Math.Log(1 - random.NextDouble()) * (training ? 2 : 1)), 2);
        var duration = TimeSpan.FromHours(hours);

        yield return new WorkloadStarted(id, customer, kind, cluster, gpus, submitted);
        foreach (var quarter in new[] { 0.25, 0.5, 0.75 })
        {
            if (failsAt is { } f && f <= quarter)
            {
                break;
            }

            yield return new WorkloadAdvanced(id, quarter * 100, submitted + (duration * quarter));
        }

        if (failsAt is { } fraction)
        {
            var brokeAt = submitted + (duration * fraction);
            var (type, severity, reason) = training
                ? (IncidentType.TrainingJobStalled, gpus >= 64 ? Severity.Sev2 : Severity.Sev3, $"{customer} training on {gpus} GPUs stopped making progress at {fraction:P0}")
                : (IncidentType.InferenceLatencySloBreach, Severity.Sev2, $"{customer} inference on {cluster} over its latency target");
            var incident = new IncidentArrival(sequence, $"INC-{id}", brokeAt, type, severity, cluster, $"{id}: {reason}", workMinutes);
            yield return new WorkloadBroke(id, reason, incident, brokeAt);
        }
        else
        {
            yield return new WorkloadFinished(id, submitted + duration);
        }
    }
}
