using Malaysia.Ops.Domain.Holidays;

namespace Malaysia.Ops.Scenarios.Mapping;

/// <summary>A day a scenario adds to one of the shipped holiday calendars.</summary>
internal sealed record AddedHoliday(string Calendar, Holiday Day);
