namespace Malaysia.Ops.OperationsConsole.Board;

/// <summary>Who is on duty now, and the next change of hands if the run has one ahead.</summary>
public sealed record DutyStatus(IReadOnlyList<string> OnDuty, NextHandoff? Next);
