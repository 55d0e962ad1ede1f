namespace Malaysia.Ops.Desk;

/// <summary>A desk passed an incident on before this desk heard dispatch escalate it: the two
/// messages come by different ways and the escalation may still be on its way, so the assignment
/// is retried, and refused to the error queue with this reason only when it never comes.</summary>
public sealed class HandOnNotYetEscalatedException(string message) : Exception(message);
