using System.Security.Cryptography;
using System.Text;
using Malaysia.Ops.OperationsConsole.Rehearsal;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.OperationsConsole.Api;

/// <summary>
/// Mutating requests carry the console's token (<c>Authorization: Bearer …</c>). Without a
/// configured token (allowed only in Development) every request is let through; with one, a
/// missing or wrong token is refused with 401 and a problem saying so. Before either, a request
/// from a page whose origin is not one of the console's hosts (<see cref="ConsoleHosts"/>) is
/// refused with 403. The console's token is the facilitator's; a lead's token (see
/// <see cref="RehearsalSeats"/>) admits that lead to the endpoints open to leads, and to no
/// other: the rest refuse them with 403 and a title naming the role needed.
/// </summary>
public sealed class ConsoleAccess(IOptions<ConsoleOptions> options, IOptions<HostFilteringOptions> hosts, RehearsalSeats seats) : IEndpointFilter
{
    public const string Scheme = "Bearer";

    /// <summary>Who sent the request, once this filter has let it through.</summary>
    public static Caller CallerOf(HttpContext context) =>
        context.Items[typeof(Caller)] as Caller ?? throw new InvalidOperationException("the request did not pass the console's access filter");

    /// <summary>403 naming the role an action needs and the role the caller has.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Refused(Caller caller, RehearsalRole needed, string? deskId, string action) =>
        RequestBody.Problem(
            StatusCodes.Status403Forbidden,
            $"Needs {RoleNames.Needed(needed, deskId)}",
            $"{caller.Name} may not {action}: that is for {RoleNames.Needed(needed, deskId)}.");

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        // A page from another site must not drive the run through a visitor's browser (which
        // matters most in Development, where no token may be set): browsers name the page's
        // origin on such requests. Its host must be one of the console's own hosts (a page on a
        // name rebound to the console sets the request's Host to that name too) and its host
        // and port those the request was sent to (a page on another port of this host is
        // another site). The scheme is left aside: a TLS proxy in front changes it.
        var request = context.HttpContext.Request;
        if (request.Headers.Origin.ToString() is { Length: > 0 } origin && !IsThisConsole(origin, request))
        {
            return RequestBody.Problem(
                StatusCodes.Status403Forbidden,
                "Request from another site",
                $"Changing the run is allowed only from the console's own page; this request came from {origin}.");
        }

        var level = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<ConsoleAccessMetadata>()?.Level ?? ConsoleAccessLevel.Facilitator;
        if (level == ConsoleAccessLevel.Joining)
        {
            return await next(context);
        }

        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        var given = header.StartsWith(Scheme + " ", StringComparison.OrdinalIgnoreCase) ? header[(Scheme.Length + 1)..].Trim() : null;
        var caller = Identify(given);
        if (caller is null)
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = Scheme;
            return RequestBody.Problem(
                StatusCodes.Status401Unauthorized,
                given is null ? "A token is needed" : "The token is not valid",
                "Changing the run needs the console's token or a rehearsal role's: Authorization: Bearer <token>.");
        }

        if (level == ConsoleAccessLevel.Facilitator && caller.Role != RehearsalRole.Facilitator)
        {
            return Refused(caller, RehearsalRole.Facilitator, null, $"{request.Method} {request.Path}");
        }

        context.HttpContext.Items[typeof(Caller)] = caller;
        return await next(context);
    }

    /// <summary>The caller a token names: a lead's token that lead; the console's token, or (only
    /// when the console has none, in Development) any other, the facilitator; else nobody.</summary>
    private Caller? Identify(string? given)
    {
        if (given is { Length: > 0 } && seats.Identify(given) is { } lead)
        {
            return lead;
        }

        if (options.Value.Token is not { Length: > 0 } token)
        {
            return Caller.Facilitator;
        }

        return given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(token))
            ? Caller.Facilitator
            : null;
    }

    private bool IsThisConsole(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && hosts.Value.AllowedHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}
