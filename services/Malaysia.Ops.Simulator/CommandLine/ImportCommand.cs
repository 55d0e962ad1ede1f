using System.CommandLine;

namespace Malaysia.Ops.Simulator.CommandLine;

/// <summary>`import`: reads an export, reports every problem in it or how many incidents of
/// each type and severity it holds, and how long the import took.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var options = new HistoryOptions();
        var command = new Command("import", "check an incident export and count its incidents by type and severity");
        options.AddTo(command);
        command.Action = new HistoryCommandAction((result, output, error) =>
        {
            var (history, took) = options.Import(result, error);
            output.WriteLine($"{history.Source}: {history.Incidents.Count} incidents imported in {took.TotalSeconds:F1} s");
            foreach (var group in history.Incidents.GroupBy(i => (i.Type, i.Severity)).OrderBy(g => g.Key.Type).ThenBy(g => g.Key.Severity))
            {
                output.WriteLine($"  {group.Key.Type,-26} {group.Key.Severity}  {group.Count(),8}");
            }

            return 0;
        });
        return command;
    }
}
