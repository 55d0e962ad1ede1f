using Malaysia.Ops.OperationsConsole.Controls;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Malaysia.Ops.OperationsConsole.Api;

/// <summary>The facilitator's cards from the scenario (<c>rehearsal.cards</c>): listed, and
/// played one at a time; both the facilitator's alone, so the leads meet them as events.</summary>
public static class CardsApi
{
    public static RouteGroupBuilder MapCards(this RouteGroupBuilder control)
    {
        control.MapGet("/rehearsal/cards", (ConsoleRun run) => TypedResults.Ok((run.Cards ?? []).Select((c, i) => new CardView(i, c.Title, c.Does, c.Kind.ToString())).ToList()))
            .ProducesProblem(StatusCodes.Status403Forbidden).WithSummary("The scenario's cards (facilitator)");
        control.MapPost("/rehearsal/cards/{index:int}/play", Play)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Play a card (facilitator)");
        return control;
    }

    private static async Task<Results<Accepted<ActionResult>, ProblemHttpResult>> Play(int index, ConsoleRun run, ConsoleControls controls, CancellationToken ct)
    {
        var cards = run.Cards ?? [];
        if (index < 0 || index >= cards.Count)
        {
            return RequestBody.Problem(StatusCodes.Status404NotFound, "No such card", $"Card {index} is not one of this scenario's {cards.Count} card(s).");
        }

        await controls.PlayCardAsync(cards[index], ConsoleApi.Operator, ct);
        return TypedResults.Accepted((string?)null, new ActionResult($"played '{cards[index].Title}'"));
    }
}

/// <summary>A card as the facilitator's panel lists it; <paramref name="Index"/> plays it.</summary>
public sealed record CardView(int Index, string Title, string Does, string Kind);
