namespace Malaysia.Ops.OperationsConsole;

public static class ConsoleDefaults
{
    /// <summary>The console's loopback port unless ASPNETCORE_URLS says otherwise.</summary>
    public const int Port = 5180;

    /// <summary>The largest request body accepted (the API's bodies are small JSON objects).</summary>
    public const long MaxRequestBytes = 16 * 1024;
}
