namespace Malaysia.Ops.Domain.Scenarios;

/// <summary>What a facilitator's card does when it is played.</summary>
public enum RehearsalCardKind
{
    /// <summary>Raises a scripted incident.</summary>
    Incident,

    /// <summary>Stops a desk until the facilitator resumes it.</summary>
    DeskFault,

    /// <summary>Starts a level of synthetic incidents for a while.</summary>
    LoadSpike,

    /// <summary>Drops a desk's next handoff briefing.</summary>
    LostBriefing,
}
