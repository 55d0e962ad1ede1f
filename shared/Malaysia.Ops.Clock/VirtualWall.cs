namespace Malaysia.Ops.Clock;

/// <summary>
/// The "wall" behind a virtual clock: an instant that only moves when the driver moves it.
/// It has no timers: in virtual time a loop waits with an <see cref="Alarm"/>, whose due time
/// the driver can see, so a timer here would be a wait nobody could account for.
/// </summary>
internal sealed class VirtualWall(DateTimeOffset start) : TimeProvider
{
    private long nowTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref nowTicks), TimeSpan.Zero);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref nowTicks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        throw new NotSupportedException("In virtual time a loop waits with an Alarm (SimulationClock.CreateAlarm), not a timer.");

    public void AdvanceTo(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        long current;
        do
        {
            current = Interlocked.Read(ref nowTicks);
            if (ticks <= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref nowTicks, ticks, current) != current);
    }
}
