using System.Globalization;

namespace Malaysia.Ops.Scenarios.Reading;

/// <summary>
/// The values a numeric field accepts. The upper bound is always included; the lower bound is
/// excluded for quantities that must be positive (a rate, a duration) and included for those
/// that may be zero (a premium, a probability). Bounds keep a typo (4000 engineers, a factor of
/// 1e9) from turning into a run that looks plausible but means nothing.
/// </summary>
internal sealed record NumberRange(double Min, bool MinIncluded, double Max)
{
    /// <summary>Min &lt; value &lt;= max.</summary>
    public static NumberRange Above(double min, double max) => new(min, false, max);

    /// <summary>Min &lt;= value &lt;= max.</summary>
    public static NumberRange Between(double min, double max) => new(min, true, max);

    public bool Contains(double value) => (MinIncluded ? value >= Min : value > Min) && value <= Max;

    public override string ToString() => MinIncluded
        ? string.Create(CultureInfo.InvariantCulture, $"from {Min} to {Max}")
        : string.Create(CultureInfo.InvariantCulture, $"greater than {Min} and at most {Max}");
}
