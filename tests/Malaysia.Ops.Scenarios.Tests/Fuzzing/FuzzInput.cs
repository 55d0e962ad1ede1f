namespace Malaysia.Ops.Scenarios.Tests.Fuzzing;

/// <summary>One file for the loader: what was done to make it (to reproduce a failure from the
/// report) and its bytes, which need not be valid text.</summary>
internal sealed record FuzzInput(string Origin, byte[] Bytes);
