using System.Text.Json.Serialization;

namespace Malaysia.Ops.Contracts;

/// <summary>Kinds of trouble an AI infrastructure operation sees. Serialised by name so the
/// JSON on the wire reads like the runbook.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IncidentType>))]
public enum IncidentType
{
    GpuNodeFailure,
    TrainingJobStalled,
    CheckpointStorageFull,
    ModelDrift,
    InferenceLatencySloBreach,
    DataPipelineLag,
    DataCentrePowerAlarm,
    DataCentreCoolingAlarm,
    SecurityAlert,
}

/// <summary>SEV1 is the most urgent.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity
{
    Sev1 = 1,
    Sev2 = 2,
    Sev3 = 3,
    Sev4 = 4,
}

[JsonConverter(typeof(JsonStringEnumConverter<WorkloadKind>))]
public enum WorkloadKind
{
    Training,
    Inference,
}

/// <summary>Where an item stood when it was handed over.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkStatus>))]
public enum WorkStatus
{
    /// <summary>Waiting for an engineer (or for the desk's shift to start).</summary>
    Queued,

    /// <summary>An engineer was working it.</summary>
    InProgress,

    /// <summary>Handed over and not yet accepted by the incoming desk.</summary>
    AwaitingAcceptance,
}
