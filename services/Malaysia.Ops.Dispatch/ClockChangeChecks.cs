using Malaysia.Ops.Contracts;
using Malaysia.Ops.Messaging;

namespace Malaysia.Ops.Dispatch;

/// <summary>What a clock change must get right before dispatch touches the run's clock: a change
/// it knows, who asked, and for a speed, a finite speed above zero.</summary>
public static class ClockChangeChecks
{
    public static IEnumerable<string> Problems(SimulationClockChangeRequested request)
    {
        if (!Enum.IsDefined(request.Change))
        {
            yield return $"Change {(int)request.Change} is not a clock change (Pause, Resume or Speed)";
        }

        if (string.IsNullOrWhiteSpace(request.RequestedBy))
        {
            yield return "RequestedBy is empty";
        }

        foreach (var problem in IncidentFieldChecks.TextProblems(nameof(request.RequestedBy), request.RequestedBy, IncidentFieldChecks.MaxIdLength))
        {
            yield return problem;
        }

        if (request.Change == ClockChange.Speed && !(request.Speed is > 0 and var speed && double.IsFinite(speed)))
        {
            yield return $"Speed {request.Speed?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} is not a finite speed above 0";
        }
    }
}
