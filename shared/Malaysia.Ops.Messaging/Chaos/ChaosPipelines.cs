using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Simmy;

namespace Malaysia.Ops.Messaging.Chaos;

/// <summary>
/// One Polly pipeline per message type, from its chaos rule: chaos fault (a transient
/// <see cref="ChaosInjectedException"/>), chaos latency, and a chaos outcome that stands for
/// "deliver it twice". All draws come from one seeded generator, so a run can be repeated.
/// </summary>
public sealed class ChaosPipelines(IOptions<ChaosOptions> options)
{
    private readonly ConcurrentDictionary<Type, ResiliencePipeline<bool>> pipelines = new();
    private readonly Lock draw = new();
    private readonly Random random = new(options.Value.Seed);

    /// <summary>Deliveries each strategy has hit so far, for the fault tests' figures.</summary>
    public ChaosCounts Counts { get; } = new();

    public bool Enabled => options.Value.Enabled;

    /// <summary>The pipeline for a message type; its result is true when the message is to be
    /// delivered twice.</summary>
    public ResiliencePipeline<bool> For(Type messageType) => pipelines.GetOrAdd(messageType, Build);

    private ResiliencePipeline<bool> Build(Type messageType)
    {
        if (!Enabled || options.Value.RuleFor(messageType) is not { } rule)
        {
            return ResiliencePipeline<bool>.Empty;
        }

        var builder = new ResiliencePipelineBuilder<bool>();
        if (rule.FaultRate > 0)
        {
            builder.AddChaosFault(new Polly.Simmy.Fault.ChaosFaultStrategyOptions
            {
                InjectionRate = rule.FaultRate,
                Randomizer = Next,
                FaultGenerator = _ => ValueTask.FromResult<Exception?>(new ChaosInjectedException($"chaos fault injected into {messageType.Name}")),
                OnFaultInjected = _ => Counted(() => Counts.Faults++),
            });
        }

        if (rule.LatencyRate > 0)
        {
            builder.AddChaosLatency(new Polly.Simmy.Latency.ChaosLatencyStrategyOptions
            {
                InjectionRate = rule.LatencyRate,
                Randomizer = Next,
                Latency = TimeSpan.FromMilliseconds(rule.LatencyMilliseconds),
                OnLatencyInjected = _ => Counted(() => Counts.Delays++),
            });
        }

        if (rule.DuplicateRate > 0)
        {
            builder.AddChaosOutcome(new Polly.Simmy.Outcomes.ChaosOutcomeStrategyOptions<bool>
            {
                InjectionRate = rule.DuplicateRate,
                Randomizer = Next,
                OutcomeGenerator = _ => ValueTask.FromResult<Outcome<bool>?>(Outcome.FromResult(true)),
                OnOutcomeInjected = _ => Counted(() => Counts.Duplicates++),
            });
        }

        return builder.Build();
    }

    private double Next()
    {
        lock (draw)
        {
            return random.NextDouble();
        }
    }

    private ValueTask Counted(Action count)
    {
        lock (draw)
        {
            count();
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>How many deliveries each chaos strategy has hit.</summary>
public sealed class ChaosCounts
{
    public long Faults { get; set; }

    public long Delays { get; set; }

    public long Duplicates { get; set; }
}

/// <summary>A transient fault injected on purpose: the retry policy redelivers the message.</summary>
public sealed class ChaosInjectedException(string message) : Exception(message);
