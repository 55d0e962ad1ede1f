namespace Malaysia.Ops.Simulator;

/// <summary>What a run writes besides its progress: the ledger snapshot, the spans, and
/// whether the services' warnings are shown.</summary>
public sealed record RunOutputs(string? SnapshotPath = null, string? TraceFile = null, bool Verbose = false);
