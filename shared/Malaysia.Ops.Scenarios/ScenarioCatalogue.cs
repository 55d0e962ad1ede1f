namespace Malaysia.Ops.Scenarios;

/// <summary>
/// The scenario files checked in with the repository (one per file in the "scenarios" folder at
/// its root, named after the file), so that a run can be started by name.
/// </summary>
public static class ScenarioCatalogue
{
    private const string SolutionFile = "Malaysia.Ops.sln";
    private const string FolderName = "scenarios";
    private const string Extension = ".yaml";

    /// <summary>
    /// The "scenarios" folder at the root of the repository, found by walking up from the running
    /// program to the folder holding the solution; so it is found from the bin folder of any
    /// project, from tests and from "dotnet run"; outside a checkout, the copy the simulator's
    /// build puts beside the program.
    /// </summary>
    /// <exception cref="ScenarioException">Neither exists; pass a file's path then.</exception>
    public static string DefaultFolder
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
                {
                    return Path.Combine(folder.FullName, FolderName);
                }
            }

            // Outside a checkout (a published simulator), the copies built next to the program.
            var beside = Path.Combine(AppContext.BaseDirectory, FolderName);
            if (Directory.Exists(beside))
            {
                return beside;
            }

            throw new ScenarioException(
                $"{AppContext.BaseDirectory}: no scenarios folder (neither in a checkout above the program nor beside it); give a scenario file's path");
        }
    }

    /// <summary>
    /// Every scenario in <paramref name="folder"/>, by name. A file that does not load is still
    /// listed, with its first problem as its description, so one broken file does not hide the
    /// others.
    /// </summary>
    /// <exception cref="ScenarioException">The folder does not exist.</exception>
    public static IReadOnlyList<(string Name, string Path, string Description)> List(string folder) =>
        Files(folder)
            .Select(path => (Name: System.IO.Path.GetFileNameWithoutExtension(path), Path: path, Description: DescriptionOf(path)))
            .ToList();

    /// <summary>
    /// The file to load for <paramref name="nameOrPath"/>: an existing file as it is, otherwise
    /// the scenario of that name in <paramref name="folder"/> ("july-week" or "july-week.yaml").
    /// </summary>
    /// <exception cref="ScenarioException">It is neither a file nor a scenario in the folder; the
    /// problem says so of a folder, and otherwise lists the scenarios there.</exception>
    public static string Resolve(string nameOrPath, string folder)
    {
        ArgumentNullException.ThrowIfNull(nameOrPath);
        if (File.Exists(nameOrPath))
        {
            return nameOrPath;
        }

        var name = nameOrPath.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) ? nameOrPath[..^Extension.Length] : nameOrPath;
        var inFolder = Path.Combine(folder, name + Extension);
        if (File.Exists(inFolder))
        {
            return inFolder;
        }

        if (Directory.Exists(nameOrPath))
        {
            throw new ScenarioException(IsAFolder(nameOrPath));
        }

        var known = Directory.Exists(folder) ? Files(folder).Select(Path.GetFileNameWithoutExtension).ToList() : [];
        throw new ScenarioException(known.Count == 0
            ? $"{nameOrPath}: no such scenario file, and {folder} holds no scenarios"
            : $"{nameOrPath}: no such scenario file or scenario in {folder} (known scenarios: {string.Join(", ", known)})");
    }

    /// <summary>The problem of a folder given where a scenario file was asked for.</summary>
    internal static string IsAFolder(string path) => $"{path}: is a folder, not a scenario file";

    private static IEnumerable<string> Files(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            throw new ScenarioException($"{folder}: no such scenarios folder");
        }

        return Directory.EnumerateFiles(folder, "*" + Extension)
            .Where(path => path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase))
            .OrderBy(path => Path.GetFileNameWithoutExtension(path), StringComparer.Ordinal);
    }

    private static string DescriptionOf(string path)
    {
        try
        {
            return ScenarioLoader.Load(path).Description;
        }
        catch (ScenarioException ex)
        {
            return ex.Problems[0];
        }
    }
}
