namespace Malaysia.Ops.Scenarios.History;

/// <summary>How an export is imported.</summary>
/// <param name="KeepText">Keep descriptions and messages, which are free text and may name
/// people or customers; dropped unless asked for.</param>
/// <param name="Progress">Told the number of records read so far, now and then.</param>
public sealed record ImportOptions(bool KeepText = false, IProgress<long>? Progress = null)
{
    public static ImportOptions Default { get; } = new();

    /// <summary>Records read between two progress reports.</summary>
    public const int ProgressEvery = 10_000;
}
