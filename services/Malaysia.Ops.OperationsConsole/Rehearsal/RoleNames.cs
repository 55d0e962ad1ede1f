namespace Malaysia.Ops.OperationsConsole.Rehearsal;

/// <summary>A role as people read it: "facilitator", "incoming lead, MY".</summary>
public static class RoleNames
{
    public static string Of(RehearsalRole role, string? deskId) => role switch
    {
        RehearsalRole.OutgoingLead => $"outgoing lead, {deskId?.ToUpperInvariant()}",
        RehearsalRole.IncomingLead => $"incoming lead, {deskId?.ToUpperInvariant()}",
        _ => "facilitator",
    };

    /// <summary>"the incoming lead of the MY desk", as a refusal names the role needed.</summary>
    public static string Needed(RehearsalRole role, string? deskId) => role switch
    {
        RehearsalRole.OutgoingLead => deskId is null ? "an outgoing lead" : $"the outgoing lead of the {deskId.ToUpperInvariant()} desk",
        RehearsalRole.IncomingLead => deskId is null ? "an incoming lead" : $"the incoming lead of the {deskId.ToUpperInvariant()} desk",
        _ => "the facilitator",
    };
}
