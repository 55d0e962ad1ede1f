namespace Malaysia.Ops.Domain.Ledger;

/// <summary>Dispatch's count of customers' workloads: submitted, completed, failed (each failure
/// raises an incident). A redelivered message counts once.</summary>
public sealed class WorkloadBook
{
    private readonly HashSet<string> submitted = new(StringComparer.Ordinal);
    private readonly HashSet<string> completed = new(StringComparer.Ordinal);
    private readonly HashSet<string> failed = new(StringComparer.Ordinal);

    public int Submitted => submitted.Count;

    public int Completed => completed.Count;

    public int Failed => failed.Count;

    public bool Submit(string workloadId) => submitted.Add(workloadId);

    public bool Complete(string workloadId) => completed.Add(workloadId);

    public bool Fail(string workloadId) => failed.Add(workloadId);
}
