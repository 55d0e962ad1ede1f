using System.Globalization;
using System.Security.Cryptography;

namespace Malaysia.Ops.OperationsConsole;

/// <summary>Ids of incidents the console raises, told apart from the workload's own at a glance.
/// Each console process has a tag of its own, so a console restarted against the same run (or
/// two consoles attached to one broker) never reuses an id dispatch already has.</summary>
public static class IncidentIds
{
    /// <summary>Raised by a person from the console: INC-C-7F3A-0001.</summary>
    public const string ConsolePrefix = "INC-C-";

    /// <summary>Raised by a load level started from the console (synthetic): INC-L-7F3A-000001.</summary>
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
