using System.Text.RegularExpressions;
using Malaysia.Ops.Scenarios.History;

namespace Malaysia.Ops.Scenarios.Tests.Fuzzing;

/// <summary>
/// Imports one fuzz input as an export of the given format, within the time and memory bounds
/// of <see cref="BoundedJudge"/>: it must import as a sound history, or be refused with problems
/// that are one line each and name the file and the line (CSV) or JSON path.
/// </summary>
internal sealed partial class HistoryFuzzer(HistoryMapping mapping, TimeSpan timeLimit, long allocationLimit)
{
    public FuzzOutcome Run(FuzzInput input, HistoryFormat format, string fileName) =>
        BoundedJudge.Run(input, timeLimit, allocationLimit, () => Judge(input, format, fileName));

    private FuzzOutcome Judge(FuzzInput input, HistoryFormat format, string fileName)
    {
        try
        {
            using var stream = new MemoryStream(input.Bytes, writable: false);
            var history = HistoryImporter.Import(stream, fileName, format, mapping);
            return Unsound(history) is { } unsound
                ? new FuzzOutcome(input, FuzzVerdict.Failed, $"imported but unsound: {unsound}")
                : new FuzzOutcome(input, FuzzVerdict.Loaded);
        }
        catch (HistoryException ex)
        {
            var unclear = ex.Problems.Select(p => (Problem: p, Why: UnclearWhy(p, fileName, format))).FirstOrDefault(p => p.Why is not null);
            return unclear.Why is null
                ? new FuzzOutcome(input, FuzzVerdict.Rejected)
                : new FuzzOutcome(input, FuzzVerdict.Failed, $"unclear problem ({unclear.Why}): {ProblemLine.Shorten(unclear.Problem)}");
        }
#pragma warning disable CA1031 // Any other exception is exactly what the fuzzing looks for.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new FuzzOutcome(input, FuzzVerdict.Failed, $"{ex.GetType().Name}: {ProblemLine.Shorten(ex.Message)}");
        }
    }

    private static string? Unsound(IncidentHistory history)
    {
        for (var i = 0; i < history.Incidents.Count; i++)
        {
            var incident = history.Incidents[i];
            if (incident.Id.Length == 0)
            {
                return $"incident {i} has no id";
            }

            if (incident.WorkMinutes is { } work && (!double.IsFinite(work) || work < 0))
            {
                return $"incident {incident.Id} works {work} minutes";
            }

            if (i > 0 && incident.RaisedAt < history.Incidents[i - 1].RaisedAt)
            {
                return $"incident {incident.Id} is out of order";
            }
        }

        return null;
    }

    private static string? UnclearWhy(string problem, string fileName, HistoryFormat format)
    {
        if (ProblemLine.UnclearWhy(problem, fileName) is { } unclear)
        {
            return unclear;
        }

        if (!problem.StartsWith(fileName + ":", StringComparison.Ordinal))
        {
            return "does not name the file";
        }

        var rest = problem[fileName.Length..];
        var where = format == HistoryFormat.Opsgenie ? JsonPathField() : LineField();
        return where.IsMatch(rest) || MoreProblems().IsMatch(rest) ? null : "no line or path, and field";
    }

    [GeneratedRegex(@"^:\d+: \S+: .+$")]
    private static partial Regex LineField();

    [GeneratedRegex(@"^: \$\S*: .+$")]
    private static partial Regex JsonPathField();

    [GeneratedRegex(@"^: \d+ more problems, not listed$")]
    private static partial Regex MoreProblems();
}
