namespace Malaysia.Ops.Domain.HandoffScoring;

/// <summary>How well one handoff went, 0-100, its band and the points of each part.</summary>
public sealed record HandoffScore(int Score, HandoffBand Band, HandoffScoreParts Parts);
