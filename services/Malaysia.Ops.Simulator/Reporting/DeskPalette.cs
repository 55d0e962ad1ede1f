using Malaysia.Ops.Domain.Reporting;

namespace Malaysia.Ops.Simulator.Reporting;

/// <summary>
/// One colour per desk, the same in every chart of the report, so a reader who has found the
/// Kuala Lumpur desk in the coverage strip finds it again in the open-incidents chart. Desks
/// take the series colours in the order the topology lists them; a desk the topology does not
/// list (it cannot happen in a consistent report) takes the next free one.
/// </summary>
internal sealed class DeskPalette
{
    /// <summary>The gap pseudo-desk of <see cref="DutyStrip"/>: nobody on duty.</summary>
    public const string GapDeskId = "gap";

    /// <summary>The stylesheet's warning colour, for nobody on duty.</summary>
    public const string GapClass = "gap";

    private readonly Dictionary<string, int> order = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);

    public DeskPalette(IReadOnlyList<DeskReport> desks)
    {
        foreach (var desk in desks)
        {
            order.TryAdd(desk.Id, order.Count);
            names.TryAdd(desk.Id, desk.Name);
        }
    }

    /// <summary>The CSS class that colours a desk's shapes (see <see cref="ReportStyle"/>).</summary>
    public string ClassOf(string deskId) =>
        deskId == GapDeskId ? GapClass : ReportStyle.SeriesClass(IndexOf(deskId));

    /// <summary>"my (Kuala Lumpur)", or the id alone when the desk has no other name.</summary>
    public string LabelOf(string deskId) =>
        deskId == GapDeskId ? "nobody on duty"
        : names.TryGetValue(deskId, out var name) && !string.Equals(name, deskId, StringComparison.Ordinal) ? $"{deskId} ({name})"
        : deskId;

    /// <summary>Desk ids in palette order: listed desks first, then any others by id.</summary>
    public IReadOnlyList<string> Sorted(IEnumerable<string> deskIds) =>
        deskIds.Distinct(StringComparer.Ordinal)
            .OrderBy(id => order.TryGetValue(id, out var index) ? index : int.MaxValue)
            .ThenBy(id => id, StringComparer.Ordinal)
            .ToList();

    private int IndexOf(string deskId)
    {
        if (!order.TryGetValue(deskId, out var index))
        {
            index = order.Count;
            order[deskId] = index;
        }

        return index;
    }
}
