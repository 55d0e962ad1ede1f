using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Desks;
using Malaysia.Ops.Domain.Queueing;
using Xunit.Abstractions;

namespace Malaysia.Ops.Domain.Tests;

/// <summary>
/// Credibility: one 24/7 desk with Poisson arrivals, exponential work and c engineers must show
/// the mean queue wait that queueing theory (Erlang C) predicts, or no figure of the simulator
/// deserves trust.
/// </summary>
public class ErlangCCredibilitySpecs(ITestOutputHelper output)
{
    [Fact]
    public void Erlang_C_matches_known_values()
    {
        // c = 2, a = 1: P(wait) = 1/3, Wq = 1/3 / (2 - 1).
        Assert.Equal(1.0 / 3, ErlangC.ProbabilityOfWaiting(1, 1, 2), 12);
        Assert.Equal(1.0 / 3, ErlangC.MeanWait(1, 1, 2), 12);
        // c = 1 is M/M/1: P(wait) = ρ, Wq = ρ / (μ - λ).
        Assert.Equal(0.8, ErlangC.ProbabilityOfWaiting(0.8, 1, 1), 12);
        Assert.Equal(4.0, ErlangC.MeanWait(0.8, 1, 1), 12);
        Assert.Throws<ArgumentException>(() => ErlangC.MeanWait(3, 1, 3));
    }

    [Theory]
    [InlineData(3.5, 1.0, 5, 51)]  // λ = 3.5/h, 60 min mean work, 5 engineers (ρ = 0.7)
    [InlineData(9.0, 2.0, 6, 12)]  // λ = 9/h, 30 min mean work, 6 engineers (ρ = 0.75)
    [InlineData(1.5, 0.5, 4, 13)]  // λ = 1.5/h, 2 h mean work, 4 engineers (ρ = 0.75)
    public void The_desk_model_waits_as_long_as_Erlang_C_predicts(double arrivalsPerHour, double servicesPerHour, int engineers, int seed)
    {
        const int Arrivals = 1_500_000;

        // The desk starts empty, which shortens the first waits; they are left out of the mean.
        const int WarmUp = 50_000;
        var desk = new DeskModel("sim", engineers);
        var random = new Random(seed);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var arrivedAt = new Dictionary<string, DateTimeOffset>(Arrivals);
        double totalWaitHours = 0;
        var started = 0;
        var counted = 0;

        void Count(IEnumerable<DeskEvent> events)
        {
            foreach (var e in events.OfType<WorkStarted>())
            {
                if (int.Parse(e.IncidentId.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture) >= WarmUp)
                {
                    totalWaitHours += (e.At - arrivedAt[e.IncidentId]).TotalHours;
                    counted++;
                }

                arrivedAt.Remove(e.IncidentId);
                started++;
            }
        }

        var at = start;
        for (var i = 0; i < Arrivals; i++)
        {
            at = at.AddHours(Exponential(random, 1 / arrivalsPerHour));
            var id = $"INC-{i}";
            arrivedAt[id] = at;
            Count(desk.Assign(id, IncidentType.GpuNodeFailure, Severity.Sev3, Exponential(random, 60 / servicesPerHour), at, at));
        }

        Count(desk.Advance(at.AddDays(30)));

        var simulated = totalWaitHours / counted;
        var predicted = ErlangC.MeanWait(arrivalsPerHour, servicesPerHour, engineers);
        output.WriteLine($"λ={arrivalsPerHour}/h μ={servicesPerHour}/h c={engineers}: mean wait {simulated * 60:0.00} min simulated, {predicted * 60:0.00} min by Erlang C ({(simulated / predicted) - 1:+0.00%;-0.00%})");
        Assert.Equal(Arrivals, started);
        Assert.True(
            Math.Abs(simulated - predicted) / predicted <= 0.02,
            $"mean wait {simulated * 60:0.00} min simulated vs {predicted * 60:0.00} min by Erlang C ({(simulated / predicted) - 1:+0.0%;-0.0%})");
    }

    private static double Exponential(Random random, double mean) => -mean * Math.Log(1 - random.NextDouble());
}
