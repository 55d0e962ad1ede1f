namespace Malaysia.Ops.Service.Tests;

/// <summary>A wall clock the test moves by hand.</summary>
internal sealed class HandWall(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
