namespace Malaysia.Ops.OperationsConsole.Rehearsal;

/// <summary>Who sent a request: the facilitator, or the lead of a desk in one of the two lead
/// roles, with the name they joined under.</summary>
public sealed record Caller(RehearsalRole Role, string? DeskId = null, string? PersonName = null)
{
    /// <summary>The facilitator keeps the name the console's actions have always been logged under.</summary>
    public static readonly Caller Facilitator = new(RehearsalRole.Facilitator, PersonName: "console");

    /// <summary>As the timeline names them: "console", "Aisha (incoming lead, MY)".</summary>
    public string Name => Role == RehearsalRole.Facilitator
        ? PersonName ?? "console"
        : $"{PersonName} ({RoleNames.Of(Role, DeskId)})";

    public bool Is(RehearsalRole role, string? deskId) =>
        Role == role && (deskId is null || string.Equals(DeskId, deskId, StringComparison.OrdinalIgnoreCase));
}
