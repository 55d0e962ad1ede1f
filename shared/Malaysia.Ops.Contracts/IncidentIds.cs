using System.Globalization;
using System.Security.Cryptography;

namespace Malaysia.Ops.Contracts;

/// <summary>Ids of incidents raised by hand from the console or as synthetic load (from the
/// console or the workload's load driver), told apart from the workload's seeded stream at a
/// glance. Each process has a tag of its own, so a process restarted against the same run (or
/// two raising into one broker) never reuses an id dispatch already has.</summary>
public static class IncidentIds
{
    /// <summary>Raised by a person from the console: INC-C-7F3A-0001.</summary>
    public const string ConsolePrefix = "INC-C-";

    /// <summary>Raised as synthetic load: INC-L-7F3A-000001.</summary>
    public const string LoadPrefix = "INC-L-";

    /// <summary>The message header that marks synthetic load, as the load demo's figures need.</summary>
    public const string SyntheticHeader = "ops-synthetic";

    /// <summary>This process's tag: four hex digits drawn at start-up.</summary>
    public static string ProcessTag { get; } = RandomNumberGenerator.GetHexString(4);

    public static string Console(long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{ConsolePrefix}{ProcessTag}-{sequence:D4}");

    public static string Load(long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{LoadPrefix}{ProcessTag}-{sequence:D6}");
}
