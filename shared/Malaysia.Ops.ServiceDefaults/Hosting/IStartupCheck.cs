namespace Malaysia.Ops.ServiceDefaults.Hosting;

/// <summary>A check a host must pass before it starts, once its settings are valid: a problem
/// is thrown as a <see cref="Configuration.ConfigurationProblemException"/> or an exception
/// <see cref="OpsHost"/> can state in one line.</summary>
public interface IStartupCheck
{
    Task CheckAsync(CancellationToken cancellationToken);
}
