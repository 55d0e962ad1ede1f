using Malaysia.Ops.Domain.Rosters;

namespace Malaysia.Ops.Messaging;

/// <summary>The services' own queues on the broker, named in one place for whoever reads their
/// depth (the console's board, dispatch's load figures) as well as for the services.</summary>
public static class QueueNames
{
    /// <summary>The queue every dispatch consumer reads from.</summary>
    public const string Dispatch = "dispatch";

    /// <summary>The queue of the desk <paramref name="deskId"/>.</summary>
    public static string Desk(string deskId) => $"desk-{deskId}";

    /// <summary>Every queue the operation's work passes through: dispatch's, then each desk's
    /// in the roster.</summary>
    public static IEnumerable<string> Of(Roster roster) => roster.Desks.Select(d => Desk(d.DeskId)).Prepend(Dispatch);
}
