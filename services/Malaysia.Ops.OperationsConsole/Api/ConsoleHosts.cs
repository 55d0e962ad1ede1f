using System.Net;

namespace Malaysia.Ops.OperationsConsole.Api;

/// <summary>
/// The host names the console answers to: loopback, the hosts of the URLs it listens on, and a
/// deployment's own (<c>Console:AllowedHosts</c>). A page on any other name that resolves to the
/// console (DNS rebinding) names that name in its Host and Origin, both of which its browser
/// sends: host filtering refuses the request (400), and <see cref="ConsoleAccess"/> a change of
/// the run from such an origin (403).
/// </summary>
public static class ConsoleHosts
{
    /// <summary>Loopback by name and address, as a Host header names them (IPv6 in brackets).</summary>
    public static IReadOnlyList<string> Loopback { get; } = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>Loopback, then the hosts of <paramref name="urls"/> (the server's URLs, ';'
    /// between them; a wildcard names no host), then the entries of
    /// <paramref name="configured"/> (<c>Console:AllowedHosts</c>).</summary>
    public static IReadOnlyList<string> Allowed(string? configured, string? urls) =>
        [.. Loopback.Concat(UrlHosts(urls)).Concat(Configured(configured).Select(Normalised)).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The entries of <c>Console:AllowedHosts</c> as written.</summary>
    public static IEnumerable<string> Configured(string? configured) =>
        (configured ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A host name or an IP address, with no scheme, port, path or wildcard.</summary>
    public static bool IsHost(string entry) => Uri.CheckHostName(Unbracketed(entry)) != UriHostNameType.Unknown;

    private static IEnumerable<string> UrlHosts(string? urls) =>
        (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : null)
            .OfType<string>()
            .Where(host => !IPAddress.TryParse(Unbracketed(host), out var address) || !(address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)));

    /// <summary>As a Host header names it: lower case, an IPv6 address in brackets.</summary>
    private static string Normalised(string entry)
    {
        var host = Unbracketed(entry).ToLowerInvariant();
        return Uri.CheckHostName(host) == UriHostNameType.IPv6 ? $"[{host}]" : host;
    }

    private static string Unbracketed(string host) =>
        host.Length > 2 && host[0] == '[' && host[^1] == ']' ? host[1..^1] : host;
}
