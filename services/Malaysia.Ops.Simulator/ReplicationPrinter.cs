using System.Globalization;
using Malaysia.Ops.Domain.Reporting;
using Malaysia.Ops.Simulator.Reporting;

namespace Malaysia.Ops.Simulator;

/// <summary>A replicated run's estimates as terminal text; nothing for a single run, whose
/// summary is the whole story.</summary>
public static class ReplicationPrinter
{
    /// <summary>Every headline figure of the scenario's own topology as mean ± 95% interval.</summary>
    public static string Format(RunReport report)
    {
        if (report.Replications is not { } replications)
        {
            return string.Empty;
        }

        var text = new System.Text.StringBuilder();
        text.AppendLine();
        text.AppendLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  Across {replications.Count} replications (seeds {report.Scenario.Seed} + {ReplicationSeeds.Stride}*i): mean ± half-width of the 95% interval (sd)"));
        foreach (var name in FigureText.Ordered(replications.Run.Keys))
        {
            text.AppendLine($"    {FigureText.Label(name),-38} {FigureText.Estimate(name, replications.Run[name])}");
        }

        return text.ToString();
    }

    /// <summary>Each compared topology's paired difference from the scenario's own.</summary>
    public static string FormatComparison(RunReport report)
    {
        if (report.Replications is not { Comparison.Count: > 0 } replications)
        {
            return string.Empty;
        }

        var text = new System.Text.StringBuilder();
        text.AppendLine();
        text.AppendLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  Difference from {report.Run.Name} over {replications.Count} replications (same incident streams; * the 95% interval leaves out 0)"));
        foreach (var topology in replications.Comparison)
        {
            text.AppendLine($"  {topology.Name}");
            foreach (var name in FigureText.Ordered(topology.DifferenceFromRun.Keys).Where(FigureText.IsCompared))
            {
                var paired = topology.DifferenceFromRun[name];
                text.AppendLine($"    {FigureText.Label(name),-38} {FigureText.Difference(name, paired.Difference),-22}{(paired.Significant ? " *" : string.Empty)}".TrimEnd());
            }
        }

        return text.ToString();
    }
}
