namespace Malaysia.Ops.Desk;

/// <summary>Something the desk decided that an operator may want to read in its log: a
/// <paramref name="Warning"/> when it is out of the ordinary (a fault, an outage, work dropped).</summary>
public sealed record DeskNote(bool Warning, string Text);
