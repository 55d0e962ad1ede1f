using System.Globalization;
using Malaysia.Ops.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Malaysia.Ops.Dispatch.Load;

/// <summary>
/// GET /load on dispatch's HTTP port: the synthetic load as dispatch has booked it
/// (<see cref="LoadThroughDispatch"/>), which the load driver judges its thresholds on. The
/// percentiles are asked for as "?percentiles=99,99.9" (50, 99 and 99.9 when not).
/// </summary>
public static class LoadEndpoint
{
    public const string Path = "/load";

    private const int MostPercentiles = 16;
    private static readonly double[] DefaultPercentiles = [50, 99, 99.9];

    public static IEndpointRouteBuilder MapLoadThroughDispatch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, Figures);
        return endpoints;
    }

    private static Results<Ok<LoadThroughDispatch>, ProblemHttpResult> Figures(string? percentiles, LoadFiguresOfDispatch figures)
    {
        return TryParse(percentiles, out var asked, out var problem)
            ? TypedResults.Ok(figures.Read(asked))
            : TypedResults.Problem(title: "Bad percentiles", detail: problem, statusCode: StatusCodes.Status400BadRequest);
    }

    private static bool TryParse(string? text, out double[] percentiles, out string? problem)
    {
        percentiles = DefaultPercentiles;
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length > MostPercentiles)
        {
            problem = $"at most {MostPercentiles} percentiles, not {parts.Length}";
            return false;
        }

        var parsed = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out parsed[i]) || parsed[i] is <= 0 or > 100)
            {
                problem = $"'{parts[i]}' is not a percentile (above 0, up to 100)";
                return false;
            }
        }

        percentiles = parsed;
        return true;
    }
}
