using System.Text.Json;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.Clock;
using Malaysia.Ops.ServiceDefaults.Configuration;
using Microsoft.Data.Sqlite;
using Polly;
using Polly.Retry;

namespace Malaysia.Ops.Dispatch.Store;

/// <summary>
/// Dispatch's journal in a SQLite file: every message dispatch applied (with its message id)
/// and every move of the shift clock, in order, each with the messages it had to publish; and
/// the run's clock setting. Replaying the journal rebuilds the ledger, the handoff book and
/// their deadlines exactly. The file belongs to one run: opening it for another is refused.
/// </summary>
/// <remarks>Written in WAL mode with synchronous=NORMAL: a committed entry survives the process
/// being killed (the case the store is for), though not the machine losing power. Entries are
/// written in batches, one transaction each (<see cref="Write"/>); message ids are looked up on
/// a connection of their own, so a lookup never waits for a batch being written.</remarks>
public sealed class SqliteLedgerStore : IDisposable
{
    /// <summary>The journal's layout; a file of another version is refused.</summary>
    public const int SchemaVersion = 1;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS run (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS journal (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            message_id TEXT UNIQUE,
            body TEXT NOT NULL,
            outputs TEXT NOT NULL,
            published INTEGER NOT NULL);
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // A busy or briefly unwritable file is retried with backoff and jitter; anything else (a
    // full disk, a corrupt file) fails at once and is reported by the caller.
    private static readonly ResiliencePipeline Retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<SqliteException>(e => e.SqliteErrorCode is 5 or 6 or 10),
            MaxRetryAttempts = 4,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(20),
        })
        .Build();

    private readonly SqliteConnection connection;
    private readonly SqliteCommand append;
    private readonly SqliteCommand markPublished;
    private readonly SqliteConnection lookupConnection;
    private readonly SqliteCommand findByMessageId;

    private SqliteLedgerStore(string path, SqliteConnection connection, SqliteConnection lookupConnection)
    {
        Path = path;
        this.connection = connection;
        this.lookupConnection = lookupConnection;
        append = Command(connection, "INSERT INTO journal (sequence, kind, message_id, body, outputs, published) VALUES ($sequence, $kind, $id, $body, $outputs, $published)",
            "$sequence", "$kind", "$id", "$body", "$outputs", "$published");
        markPublished = Command(connection, "UPDATE journal SET published = 1 WHERE sequence = $sequence", "$sequence");
        findByMessageId = Command(lookupConnection, $"SELECT {Columns} FROM journal WHERE message_id = $id", "$id");
    }

    public string Path { get; }

    /// <summary>The sequence number of the last entry written; 0 for an empty journal.</summary>
    public long LastSequence()
    {
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT COALESCE(MAX(sequence), 0) FROM journal";
        return (long)query.ExecuteScalar()!;
    }

    /// <summary>Opens (or creates) the store for <paramref name="runId"/>.</summary>
    /// <exception cref="ConfigurationProblemException">The file cannot be opened, is not a
    /// ledger store, or holds another run.</exception>
    public static SqliteLedgerStore Open(string path, string runId)
    {
        SqliteConnection? connection = null;
        SqliteConnection? lookupConnection = null;
        try
        {
            connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=2000;");
            Execute(connection, Schema);
            lookupConnection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            lookupConnection.Open();
            Execute(lookupConnection, "PRAGMA busy_timeout=2000;");
            var store = new SqliteLedgerStore(path, connection, lookupConnection);
            store.Claim(runId);
            return store;
        }
        catch (SqliteException e)
        {
            lookupConnection?.Dispose();
            connection?.Dispose();
            throw Problem(path, $"cannot be opened as a ledger store ({e.Message})", e);
        }
        catch (ConfigurationProblemException)
        {
            lookupConnection?.Dispose();
            connection?.Dispose();
            throw;
        }
    }

    /// <summary>Every entry, oldest first.</summary>
    /// <exception cref="ConfigurationProblemException">An entry cannot be read back.</exception>
    public IEnumerable<JournalEntry> Entries()
    {
        using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {Columns} FROM journal ORDER BY sequence";
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            yield return Read(reader);
        }
    }

    /// <summary>The written entry of a message already applied, found by its message id. One
    /// caller at a time (it reuses one prepared statement).</summary>
    public JournalEntry? Find(string messageId)
    {
        findByMessageId.Parameters["$id"].Value = messageId;
        using var reader = findByMessageId.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    private const string Columns = "sequence, kind, message_id, body, outputs, published";

    private JournalEntry Read(SqliteDataReader reader)
    {
        var sequence = reader.GetInt64(0);
        var kind = reader.GetString(1);
        try
        {
            return new JournalEntry(
                sequence,
                JournalCodec.ReadInput(kind, reader.GetString(3)),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                JournalCodec.ReadOutputs(reader.GetString(4)),
                reader.GetInt64(5) != 0);
        }
        catch (JsonException e)
        {
            throw Problem(Path, $"entry {sequence} ({kind}) cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Writes new entries (under the sequence numbers they carry) and notes the
    /// entries whose outputs reached the broker, all in one transaction committed before this
    /// returns: a batch is written whole or not at all.</summary>
    public void Write(IReadOnlyList<JournalEntry> entries, IReadOnlyCollection<long> published)
    {
        var rows = entries.Select(entry =>
        {
            var (kind, body) = JournalCodec.Write(entry.Input);
            return (entry, kind, body, outputs: JournalCodec.WriteOutputs(entry.Outputs));
        }).ToList();
        Retry.Execute(() =>
        {
            using var transaction = connection.BeginTransaction();
            append.Transaction = transaction;
            markPublished.Transaction = transaction;
            foreach (var (entry, kind, body, outputs) in rows)
            {
                append.Parameters["$sequence"].Value = entry.Sequence;
                append.Parameters["$kind"].Value = kind;
                append.Parameters["$id"].Value = (object?)entry.MessageId ?? DBNull.Value;
                append.Parameters["$body"].Value = body;
                append.Parameters["$outputs"].Value = outputs;
                append.Parameters["$published"].Value = entry.Published ? 1 : 0;
                append.ExecuteNonQuery();
            }

            foreach (var sequence in published)
            {
                markPublished.Parameters["$sequence"].Value = sequence;
                markPublished.ExecuteNonQuery();
            }

            transaction.Commit();
        });
    }

    /// <summary>The run's clock as last saved, or null before the clock ever started.</summary>
    public ClockSetting? Clock() =>
        Value("clock") is { } json ? JsonSerializer.Deserialize<ClockSetting>(json, Json) : null;

    public void SaveClock(ClockSetting setting) => Retry.Execute(() => Put("clock", JsonSerializer.Serialize(setting, Json)));

    public void Dispose()
    {
        append.Dispose();
        markPublished.Dispose();
        findByMessageId.Dispose();
        lookupConnection.Dispose();
        connection.Dispose();
    }

    private void Claim(string runId)
    {
        var version = Value("schema");
        if (version is not null && version != SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw Problem(Path, $"was written with journal layout {version}; this dispatch reads layout {SchemaVersion}");
        }

        var owner = Value("run_id");
        if (owner is not null && owner != runId)
        {
            throw Problem(Path, $"holds the ledger of run '{owner}', not of this run '{runId}' (give this run its own file, or delete that one to start over)");
        }

        Put("schema", SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Put("run_id", runId);
    }

    private string? Value(string key)
    {
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT value FROM run WHERE key = $key";
        query.Parameters.AddWithValue("$key", key);
        return query.ExecuteScalar() as string;
    }

    private void Put(string key, string value)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO run (key, value) VALUES ($key, $value) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, string text, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = parameter });
        }

        command.Prepare();
        return command;
    }

    /// <summary>The store cannot be used: names the setting, the file and what is wrong.</summary>
    private static ConfigurationProblemException Problem(string path, string problem, Exception? inner = null) =>
        new($"{DispatchOptions.Section}:{nameof(DispatchOptions.LedgerStorePath)}", $"'{path}' {problem}", inner);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
