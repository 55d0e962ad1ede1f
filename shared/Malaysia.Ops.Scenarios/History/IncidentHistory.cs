namespace Malaysia.Ops.Scenarios.History;

/// <summary>Every incident of one export, in the order they were raised.</summary>
public sealed record IncidentHistory(string Source, IReadOnlyList<ImportedIncident> Incidents);
