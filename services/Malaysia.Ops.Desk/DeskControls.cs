using System.Globalization;
using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.Desk;

/// <summary>
/// What the operations console has done to a desk: a person taking its handoffs (rehearsal),
/// the desk stopped, slowed, or its next briefing dropped or delayed. Held by the
/// <see cref="DeskCore"/>.
/// </summary>
internal sealed class DeskControls
{
    /// <summary>A person decides on every briefed item.</summary>
    public bool Human { get; set; }

    /// <summary>A person writes the desk's briefing at each of its shift ends.</summary>
    public bool HumanBriefing { get; set; }

    /// <summary>When the desk was stopped; null while it runs.</summary>
    public DateTimeOffset? StoppedSince { get; set; }

    /// <summary>New work takes this many times as long.</summary>
    public double SlowFactor { get; set; } = 1;

    /// <summary>What happens to the next handoff briefing: dropped, delayed, or (null) sent.</summary>
    public DeskFault? NextBriefing { get; set; }

    public double BriefingDelayMinutes { get; set; }

    /// <summary>The faults in force, as the board shows them.</summary>
    public IReadOnlyList<string> Faults()
    {
        var faults = new List<string>();
        if (StoppedSince is { } since)
        {
            faults.Add(string.Create(CultureInfo.InvariantCulture, $"stopped since {since:HH:mm}Z"));
        }

        if (SlowFactor != 1)
        {
            faults.Add(string.Create(CultureInfo.InvariantCulture, $"slow ×{SlowFactor:0.##}"));
        }

        switch (NextBriefing)
        {
            case DeskFault.DropNextBriefing:
                faults.Add("next briefing dropped");
                break;
            case DeskFault.DelayNextBriefing:
                faults.Add(string.Create(CultureInfo.InvariantCulture, $"next briefing delayed {BriefingDelayMinutes:0.#} min"));
                break;
        }

        return faults;
    }

    /// <summary>Applies a fault other than stop and resume (which need the desk's model); false
    /// when its figure is missing or out of range.</summary>
    public bool TryApply(DeskFaultInjected fault)
    {
        switch (fault.Fault)
        {
            case DeskFault.Slow when fault.Factor is { } factor && double.IsFinite(factor) && factor is >= 1 and <= 100:
                SlowFactor = factor;
                return true;
            case DeskFault.NormalSpeed:
                SlowFactor = 1;
                return true;
            case DeskFault.DropNextBriefing:
                NextBriefing = DeskFault.DropNextBriefing;
                return true;
            case DeskFault.DelayNextBriefing when fault.DelayMinutes is { } minutes && double.IsFinite(minutes) && minutes is > 0 and <= 1440:
                NextBriefing = DeskFault.DelayNextBriefing;
                BriefingDelayMinutes = minutes;
                return true;
            case DeskFault.ClearAll:
                SlowFactor = 1;
                NextBriefing = null;
                return true;
            default:
                return false;
        }
    }
}
