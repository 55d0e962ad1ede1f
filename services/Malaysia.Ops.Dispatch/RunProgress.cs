namespace Malaysia.Ops.Dispatch;

/// <summary>How far a run has got: incidents raised, resolved and open, and handoffs opened, as
/// the ledger snapshot's summary counts them.</summary>
public readonly record struct RunProgress(int IncidentsRaised, int IncidentsResolved, int IncidentsOpen, int Handoffs);
