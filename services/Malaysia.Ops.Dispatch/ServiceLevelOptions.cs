namespace Malaysia.Ops.Dispatch;

/// <summary>The targets for one severity, in simulated minutes from when an incident is raised.</summary>
public sealed class ServiceLevelOptions
{
    public double AcknowledgeMinutes { get; set; }

    public double ResolveMinutes { get; set; }
}
