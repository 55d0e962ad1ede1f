using System.Globalization;
using Xunit.Abstractions;

namespace Malaysia.Ops.Integration.Tests;

/// <summary>
/// What one fault test measured, printed as one line in a fixed form that
/// <c>tests/reliability-report.sh</c> gathers into its table: the fault, how many were injected,
/// incidents raised and accounted for in the ledger, lost, handled twice, and the wall seconds
/// the run took to recover (none for a fault that needs no recovery), and where the fault is
/// hostile input, how much of it was refused (by a service or by the broker).
/// </summary>
internal sealed record ReliabilityFigures(string Fault, int Injected, int Raised, int Accounted, int Lost, int Duplicated, double? RecoverySeconds, int? Refused = null)
{
    /// <summary>The trait that marks the fault tests, so the report can run them alone.</summary>
    public const string Category = "Fault";

    public void WriteTo(ITestOutputHelper log) => log.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"reliability: fault={Fault.Replace(' ', '_')} injected={Injected} raised={Raised} accounted={Accounted} lost={Lost} duplicated={Duplicated} recovery_s={(RecoverySeconds is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) : "-")} refused={(Refused is { } r ? r.ToString(CultureInfo.InvariantCulture) : "-")}"));
}
