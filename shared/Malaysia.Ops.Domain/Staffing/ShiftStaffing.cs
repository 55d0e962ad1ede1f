namespace Malaysia.Ops.Domain.Staffing;

/// <summary>One desk's shift as the solver staffs it: its place in the desk's
/// <c>shifts</c>, the engineers the scenario rosters on it, and what Erlang C asks of it
/// (the busiest hour of the week it covers, before shrinkage) with the peak offered load there.</summary>
public sealed record ShiftStaffing(string DeskId, int ShiftIndex, string Shift, int Current, int ErlangC, double PeakIncidentsPerHour);
