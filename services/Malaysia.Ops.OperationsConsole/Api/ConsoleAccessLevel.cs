namespace Malaysia.Ops.OperationsConsole.Api;

/// <summary>Who may call a changing endpoint, as its metadata says (the facilitator when it
/// says nothing).</summary>
public enum ConsoleAccessLevel
{
    Facilitator,

    /// <summary>The facilitator or a lead; the endpoint checks which lead it needs.</summary>
    Leads,

    /// <summary>Anyone on the console's own page: the body carries what admits them (a join code).</summary>
    Joining,
}
