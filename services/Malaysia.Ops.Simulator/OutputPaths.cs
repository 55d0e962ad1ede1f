namespace Malaysia.Ops.Simulator;

/// <summary>
/// Whether the files a run writes when it ends can be written where the command line puts
/// them, checked before the run: a run of minutes must not end in an error about its output.
/// </summary>
internal static class OutputPaths
{
    /// <summary>What is wrong with the settings' output paths, each problem naming its option.</summary>
    public static IEnumerable<string> Problems(SimulatorSettings settings)
    {
        var problems = new[]
        {
            settings.SnapshotPath is { } snapshot ? FileProblem("--snapshot", snapshot) : null,
            settings.TraceFile is { } trace ? FileProblem("--trace-file", trace) : null,
            settings.WriteReport && settings.ReportFolder is { } report ? FolderProblem("--report", report) : null,
        };
        return problems.OfType<string>();
    }

    /// <summary>A file is written in a folder that exists, and is not itself a folder.</summary>
    private static string? FileProblem(string option, string path)
    {
        if (Directory.Exists(path))
        {
            return $"{option}: {path} is a folder; give a file's path";
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        return folder is null || Directory.Exists(folder) ? null : $"{option}: {path}: no such folder as {folder}";
    }

    /// <summary>A folder is made where it does not exist, so neither it nor any folder above it
    /// may be a file.</summary>
    public static string? FolderProblem(string option, string path)
    {
        for (var at = Path.GetFullPath(path); !string.IsNullOrEmpty(at); at = Path.GetDirectoryName(at))
        {
            if (File.Exists(at))
            {
                return $"{option}: {at} is a file, not a folder";
            }

            if (Directory.Exists(at))
            {
                return null;
            }
        }

        return null;
    }
}
