namespace Malaysia.Ops.Integration.Tests;

/// <summary>Where the repository and the built service assemblies are. The solution builds the
/// workers alongside the tests, in the same configuration.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string DeployScript(string relative) => Path.Combine(Root, "deploy", relative);

    /// <summary>The built assembly of a service project, e.g. "Malaysia.Ops.Dispatch.Worker".</summary>
    public static string ServiceAssembly(string project)
    {
        var path = Path.Combine(Root, "services", project, "bin", Configuration, "net10.0", project + ".dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{project} is not built at {path}; build the solution (dotnet build Malaysia.Ops.sln) first");
    }

    /// <summary>The built Aspire AppHost (deploy/Malaysia.Ops.AppHost).</summary>
    public static string AppHostAssembly()
    {
        var path = Path.Combine(Root, "deploy", "Malaysia.Ops.AppHost", "bin", Configuration, "net10.0", "Malaysia.Ops.AppHost.dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"the AppHost is not built at {path}; build the solution (dotnet build Malaysia.Ops.sln) first");
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Malaysia.Ops.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no Malaysia.Ops.sln above {AppContext.BaseDirectory}");
    }
}
