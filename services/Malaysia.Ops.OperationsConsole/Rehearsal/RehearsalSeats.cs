using System.Security.Cryptography;

namespace Malaysia.Ops.OperationsConsole.Rehearsal;

/// <summary>
/// The lead roles of this rehearsal. The facilitator opens a role on a desk and passes its join
/// code on; whoever joins with the code gets the role's own token, which lasts as long as this
/// rehearsal (the console process) and names that role alone. A role nobody has joined is played
/// by the simulation. Thread-safe.
/// </summary>
public sealed class RehearsalSeats
{
    // Codes people read out or type: no 0/O, 1/I/L.
    private const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private const int CodeLength = 8;

    private readonly Lock gate = new();
    private readonly List<Entry> entries = [];

    /// <summary>The role on the desk, opened now or already open (same code).</summary>
    public RehearsalSeat Open(RehearsalRole role, string deskId)
    {
        if (role == RehearsalRole.Facilitator)
        {
            throw new ArgumentException("the facilitator holds the console's token; only lead roles are opened", nameof(role));
        }

        lock (gate)
        {
            var entry = Find(role, deskId);
            if (entry is null)
            {
                entry = new Entry(role, deskId, RandomNumberGenerator.GetString(CodeAlphabet, CodeLength), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
                entries.Add(entry);
            }

            return entry.Seat();
        }
    }

    /// <summary>Joins the role with <paramref name="code"/> under <paramref name="personName"/>:
    /// the role's token and seat, or null when no role has that code. Joining again (a reloaded
    /// page) gives the same token and the latest name.</summary>
    public (string Token, RehearsalSeat Seat)? Join(string code, string personName, DateTimeOffset at)
    {
        lock (gate)
        {
            var entry = entries.FirstOrDefault(e => string.Equals(e.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));
            if (entry is null)
            {
                return null;
            }

            entry.PersonName = personName;
            entry.JoinedAt ??= at;
            return (entry.Token, entry.Seat());
        }
    }

    /// <summary>The lead a token belongs to, or null when it is no role's token.</summary>
    public Caller? Identify(string token)
    {
        lock (gate)
        {
            var entry = entries.FirstOrDefault(e => e.PersonName is not null && CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(e.Token), System.Text.Encoding.UTF8.GetBytes(token)));
            return entry is null ? null : new Caller(entry.Role, entry.DeskId, entry.PersonName);
        }
    }

    /// <summary>Whether a person has joined the role on the desk (otherwise the simulation, or
    /// the facilitator rehearsing alone, plays it).</summary>
    public bool IsTaken(RehearsalRole role, string deskId)
    {
        lock (gate)
        {
            return Find(role, deskId)?.PersonName is not null;
        }
    }

    public IReadOnlyList<RehearsalSeat> All()
    {
        lock (gate)
        {
            return [.. entries.Select(e => e.Seat())];
        }
    }

    private Entry? Find(RehearsalRole role, string deskId) =>
        entries.FirstOrDefault(e => e.Role == role && string.Equals(e.DeskId, deskId, StringComparison.OrdinalIgnoreCase));

    private sealed class Entry(RehearsalRole role, string deskId, string code, string token)
    {
        public RehearsalRole Role { get; } = role;

        public string DeskId { get; } = deskId;

        public string Code { get; } = code;

        public string Token { get; } = token;

        public string? PersonName { get; set; }

        public DateTimeOffset? JoinedAt { get; set; }

        public RehearsalSeat Seat() => new(Role, DeskId, Code, PersonName, JoinedAt);
    }
}
