using System.Diagnostics;
using System.Text.Json;

namespace Malaysia.Ops.Benchmarks.Messaging;

/// <summary>Runs one <see cref="PathRun"/> in a child process of this program (command
/// "messaging-path", the request as JSON) and reads back its result line.</summary>
public static class PathProcess
{
    public const string Command = "messaging-path";
    public const string ResultPrefix = "result ";

    public static async Task<PathRunResult> RunAsync(PathRunRequest request, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet") { RedirectStandardOutput = true };

        // Under "dotnet program.dll" the process is the dotnet host: pass it the program.
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(typeof(PathProcess).Assembly.Location);
        }

        if (request.TelemetryOff)
        {
            start.Environment["OTEL_SDK_DISABLED"] = "true";
        }

        start.ArgumentList.Add(Command);
        start.ArgumentList.Add(JsonSerializer.Serialize(request));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the benchmark's child process");
        try
        {
            PathRunResult? result = null;
            while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.StartsWith(ResultPrefix, StringComparison.Ordinal))
                {
                    result = JsonSerializer.Deserialize<PathRunResult>(line[ResultPrefix.Length..]);
                }
            }

            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode == 0 && result is not null
                ? result
                : throw new InvalidOperationException($"the {request.Path} path with {request.Consumers} consumer(s) failed (exit {process.ExitCode}; its errors are above)");
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    /// <summary>The child's side: measures and writes the result line.</summary>
    public static async Task<int> ServeAsync(string requestJson, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Deserialize<PathRunRequest>(requestJson)
            ?? throw new ArgumentException($"{Command}: needs a request");
        var result = await PathRun.RunAsync(request, cancellationToken);
        await Console.Out.WriteLineAsync(ResultPrefix + JsonSerializer.Serialize(result));
        return 0;
    }
}
