using System.Globalization;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.Messaging.Chaos;

/// <summary>
/// Section "Chaos": faults injected into this process's consumers, per message type, with
/// Polly's chaos strategies. Off by default; the fault tests and rehearsals of bad days turn it
/// on per service (each process reads its own settings).
/// </summary>
public sealed class ChaosOptions
{
    public const string Section = "Chaos";

    public bool Enabled { get; set; }

    /// <summary>Seed of the draws deciding which messages are hit, so a run can be repeated.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>One rule per message type (its short name, e.g. "IncidentAssigned"; "*" for
    /// every type without a rule of its own).</summary>
    public List<ChaosRule> Rules { get; set; } = [];

    /// <summary>The rule for a message type: its own, else "*", else none.</summary>
    public ChaosRule? RuleFor(Type messageType) =>
        Rules.FirstOrDefault(r => string.Equals(r.MessageType, messageType.Name, StringComparison.Ordinal))
        ?? Rules.FirstOrDefault(r => r.MessageType == ChaosRule.EveryType);
}

/// <summary>What happens to a share of one message type's deliveries: held back
/// (<see cref="LatencyRate"/>, for <see cref="LatencyMilliseconds"/>), failed with a transient
/// fault so that the retry policy redelivers it (<see cref="FaultRate"/>), or delivered to the
/// consumer twice (<see cref="DuplicateRate"/>, which the consumers must take once).</summary>
public sealed class ChaosRule
{
    public const string EveryType = "*";

    public string MessageType { get; set; } = EveryType;

    public double LatencyRate { get; set; }

    public double LatencyMilliseconds { get; set; } = 100;

    public double FaultRate { get; set; }

    public double DuplicateRate { get; set; }
}

internal sealed class ChaosOptionsValidator : IValidateOptions<ChaosOptions>
{
    public ValidateOptionsResult Validate(string? name, ChaosOptions options)
    {
        var problems = new List<string>();
        for (var i = 0; i < options.Rules.Count; i++)
        {
            var rule = options.Rules[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"{ChaosOptions.Section}:Rules:{i}");
            if (string.IsNullOrWhiteSpace(rule.MessageType))
            {
                problems.Add($"{at}:MessageType: must name a message type (e.g. IncidentAssigned) or be '*'");
            }

            foreach (var (setting, rate) in new[] { ("LatencyRate", rule.LatencyRate), ("FaultRate", rule.FaultRate), ("DuplicateRate", rule.DuplicateRate) })
            {
                if (!double.IsFinite(rate) || rate is < 0 or > 1)
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"{at}:{setting}: {rate} is out of range (0 to 1)"));
                }
            }

            if (!double.IsFinite(rule.LatencyMilliseconds) || rule.LatencyMilliseconds is < 0 or > 60_000)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{at}:LatencyMilliseconds: {rule.LatencyMilliseconds} is out of range (0 to 60000)"));
            }
        }

        var repeated = options.Rules.GroupBy(r => r.MessageType, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
        {
            problems.Add($"{ChaosOptions.Section}:Rules: more than one rule for {string.Join(", ", repeated)}");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
