using Malaysia.Ops.Clock;
using Malaysia.Ops.OperationsConsole.Board;
using Malaysia.Ops.OperationsConsole.Controls;
using Malaysia.Ops.OperationsConsole.Rehearsal;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Malaysia.Ops.OperationsConsole.Api;

/// <summary>
/// The rehearsal's roles: the facilitator opens a lead role on a desk and passes its join link
/// on; a person joins with its code and gets the role's token; anyone admitted can ask who they
/// are. Mapped in the console's group of changing endpoints, behind <see cref="ConsoleAccess"/>.
/// </summary>
public static class RehearsalApi
{
    public const string JoinParameter = "join";

    public static RouteGroupBuilder MapRehearsalRoles(this RouteGroupBuilder control)
    {
        control.MapGet("/rehearsal/seats", (RehearsalSeats seats) => TypedResults.Ok(seats.All().Select(View).ToList()))
            .ProducesProblem(StatusCodes.Status403Forbidden).WithSummary("The lead roles opened, their join codes and who joined (facilitator)");
        control.MapPost("/rehearsal/seats", OpenSeat).Accepts<OpenSeatRequest>("application/json").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Open a lead role on a desk: its join code and link (facilitator)");
        control.MapPost("/rehearsal/join", Join).Allow(ConsoleAccessLevel.Joining).Accepts<JoinRequest>("application/json").ProducesValidationProblem()
            .WithSummary("Join a lead role with its code: the role's token");
        control.MapGet("/rehearsal/me", (HttpContext http) => TypedResults.Ok(Me(ConsoleAccess.CallerOf(http)))).Allow(ConsoleAccessLevel.Leads)
            .WithSummary("The role the request's token names");
        return control;
    }

    private static async Task<Results<Ok<SeatView>, ValidationProblem, ProblemHttpResult>> OpenSeat(HttpRequest request, BoardProjection board, RehearsalSeats seats)
    {
        var (body, problem) = await RequestBody.ReadAsync(request);
        if (body is null)
        {
            return problem!;
        }

        var role = body.Choice<RehearsalRole>("role", required: true);
        var deskId = body.Text("deskId", 64, required: true);
        if (role == RehearsalRole.Facilitator)
        {
            body.Problem("role", "the facilitator holds the console's token; open outgoing-lead or incoming-lead");
        }

        if (body.HasErrors)
        {
            return body.ValidationProblem();
        }

        if (ConsoleApi.KnownDesk(board, deskId!) is not { } desk)
        {
            return ConsoleApi.UnknownDesk(board, deskId!);
        }

        return TypedResults.Ok(View(seats.Open(role!.Value, desk)));
    }

    private static async Task<Results<Ok<JoinedView>, ValidationProblem, ProblemHttpResult>> Join(HttpRequest request, RehearsalSeats seats, ConsoleControls controls, SimulationClock clock, CancellationToken ct)
    {
        var (body, problem) = await RequestBody.ReadAsync(request);
        if (body is null)
        {
            return problem!;
        }

        var code = body.Text("code", 32, required: true);
        var name = body.Text("name", 60, required: true);
        if (body.HasErrors)
        {
            return body.ValidationProblem();
        }

        if (seats.Join(code!, name!, clock.Wall.GetUtcNow()) is not { } joined)
        {
            body.Problem("code", $"'{code}' is not a join code of this rehearsal (ask the facilitator for the link)");
            return body.ValidationProblem();
        }

        var caller = new Caller(joined.Seat.Role, joined.Seat.DeskId, joined.Seat.PersonName);
        await controls.SeatTakenAsync(joined.Seat, caller.Name, ct);
        return TypedResults.Ok(new JoinedView(joined.Token, Me(caller)));
    }

    private static CallerView Me(Caller caller) => new(caller.Role, caller.DeskId, caller.Name, RoleNames.Of(caller.Role, caller.DeskId));

    private static SeatView View(RehearsalSeat seat) =>
        new(seat.Role, seat.DeskId, seat.Code, $"/?{JoinParameter}={seat.Code}", seat.PersonName, seat.JoinedAt);
}

/// <summary>Body of POST /api/rehearsal/seats: role is outgoing-lead or incoming-lead.</summary>
public sealed record OpenSeatRequest(string Role, string DeskId);

/// <summary>Body of POST /api/rehearsal/join.</summary>
public sealed record JoinRequest(string Code, string Name);

/// <summary>A lead role as the facilitator sees it; <paramref name="JoinUrl"/> is relative to the console.</summary>
public sealed record SeatView(RehearsalRole Role, string DeskId, string Code, string JoinUrl, string? PersonName, DateTimeOffset? JoinedAt);

/// <summary>Who a token names: <paramref name="Name"/> as the timeline writes it,
/// <paramref name="RoleName"/> as a person reads it.</summary>
public sealed record CallerView(RehearsalRole Role, string? DeskId, string Name, string RoleName);

/// <summary>A joined role: the token to send with every change, and who it names.</summary>
public sealed record JoinedView(string Token, CallerView Caller);
