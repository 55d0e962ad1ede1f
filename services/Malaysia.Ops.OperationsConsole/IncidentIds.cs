namespace Malaysia.Ops.OperationsConsole;

/// <summary>Ids of incidents the console raises, told apart from the workload's own at a glance.</summary>
public static class IncidentIds
{
    /// <summary>Raised by a person from the console: INC-C-0001.</summary>
    public const string ConsolePrefix = "INC-C-";

    /// <summary>Raised by a load level started from the console (synthetic): INC-L-000001.</summary>
    public const string LoadPrefix = "INC-L-";

    /// <summary>The message header that marks synthetic load, as the load demo's figures need.</summary>
    public const string SyntheticHeader = "ops-synthetic";
}
