namespace Malaysia.Ops.ServiceDefaults.Configuration;

/// <summary>A setting the process cannot run with. The host prints
/// "error: {Setting}: {Problem}" and exits non-zero, with no stack trace.</summary>
public sealed class ConfigurationProblemException(string setting, string problem, Exception? inner = null)
    : Exception($"{setting}: {problem}", inner)
{
    public string Setting { get; } = setting;

    public string Problem { get; } = problem;
}
