namespace Malaysia.Ops.Clock;

/// <summary>How a <see cref="SimulationClock"/> maps wall time to simulated time: at
/// <paramref name="WallAnchor"/> it read <paramref name="SimulatedAnchor"/>, and from there it
/// runs at <paramref name="Speed"/> unless <paramref name="Paused"/>. Every pause, resume or
/// change of speed moves both anchors to that moment, so a later setting has a later wall anchor.</summary>
public sealed record ClockSetting(DateTimeOffset Epoch, DateTimeOffset SimulatedAnchor, DateTimeOffset? WallAnchor, double Speed, bool Paused);
