using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Malaysia.Ops.Integration.Tests;

/// <summary>
/// One service running as its own OS process, from its built assembly, configured only through
/// environment variables as in a deployment. Stopped with SIGTERM, as a container runtime or
/// systemd would, so the test sees whether it shuts down cleanly.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ServiceProcess(string name, Process process, int healthPort)
    {
        Name = name;
        this.process = process;
        HealthPort = healthPort;
    }

    public string Name { get; }

    public int HealthPort { get; }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static ServiceProcess Start(string project, IDictionary<string, string> environment)
    {
        var assembly = RepositoryLayout.ServiceAssembly(project);
        var healthPort = FreePorts.Take(1)[0];
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { assembly },
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{healthPort.ToString(CultureInfo.InvariantCulture)}";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {project}");
        var service = new ServiceProcess(project, process, healthPort);
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Waits until the service's readiness endpoint answers 200 (its bus is up).</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{HealthPort}/health/ready"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Name} was not ready within {timeout.TotalSeconds} s:\n{Output}");
    }

    /// <summary>Waits until the service has written <paramref name="text"/> to its output.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (process.HasExited || deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"{Name} did not write \"{text}\" within {timeout.TotalSeconds} s:\n{Output}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>One request to a health endpoint (<c>/health/ready</c>, <c>/health/live</c>): its
    /// status code and body.</summary>
    public async Task<(int Status, string Body)> ProbeAsync(string path)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{HealthPort}{path}"));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Waits for a process that ends by itself (a refused configuration); its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return process.ExitCode;
    }

    /// <summary>kill -9: the process ends at once, without any chance to finish what it holds.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            await ProcessRunner.RunAsync("kill", ["-KILL", process.Id.ToString(CultureInfo.InvariantCulture)]);
        }

        await process.WaitForExitAsync();
    }

    /// <summary>Sends SIGTERM and waits for the process to exit; returns its exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!process.HasExited)
        {
            await ProcessRunner.RunAsync("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
        }

        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Name} did not stop within {timeout.TotalSeconds} s of SIGTERM:\n{Output}");
        }

        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
