using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Scoring;
using Xunit;

namespace GobiernoDigital.Tests.Core;

public sealed class SimulationCalculatorTests
{
    // Four categories, like a small vigencia: A 20 (w 1), B 60 (w 2), C no aplica, D 40 (w 1). Σw = 4, Σw·s = 20 + 120 + 40 = 180 → 45 %.
    private static VigenciaInput Vigencia() => new(2023,
    [
        Input(1, "A", 1m, Score.Measured(20m)),
        Input(2, "B", 2m, Score.Measured(60m)),
        Input(3, "C", 1m, Score.NotApplicable),
        Input(4, "D", 1m, Score.Measured(40m)),
    ]);

    private static CategoryInput Input(int id, string name, decimal weight, Score score, decimal target = 100m) =>
        new(id, name, name, CategoryKind.Proceso, 1, "Componente", weight, score, target);

    [Theory]
    [InlineData(1, 10, 2.5)]   // w 1: 1 × 10 ÷ 4
    [InlineData(2, 10, 5.0)]   // w 2: 2 × 10 ÷ 4
    [InlineData(4, 30, 7.5)]   // 1 × 30 ÷ 4
    public void Apply_RaisingOneCategoryByDelta_RaisesTheFigureByWeightTimesDeltaOverWeightSum(int categoryId, decimal delta, decimal expectedRise)
    {
        var measured = Vigencia();
        var before = ComplianceCalculator.Percentage(measured.Categories)!.Value;
        var from = measured.Categories.Single(c => c.CategoryId == categoryId).Score.Value!.Value;

        var after = ComplianceCalculator.Percentage(SimulationCalculator.Apply(measured, new Dictionary<int, decimal> { [categoryId] = from + delta }).Categories)!.Value;

        Assert.Equal(45m, before);
        Assert.Equal(expectedRise, after - before);
    }

    [Fact]
    public void Levers_NoAplicaCategory_HasNoSlider()
    {
        var levers = SimulationCalculator.Levers(Vigencia());

        Assert.DoesNotContain(levers, l => l.Category.CategoryId == 3);
        Assert.Equal([2, 1, 4], levers.Select(l => l.Category.CategoryId)); // B (w 2) first; then A (gap 80) before D (gap 60)
        Assert.Equal(0.5m, levers[0].GainPerPoint);
    }

    [Fact]
    public void Apply_NoAplicaCategory_IsRefused()
    {
        Assert.Throws<DomainException>(() => SimulationCalculator.Apply(Vigencia(), new Dictionary<int, decimal> { [3] = 50m }));
    }

    [Fact]
    public void Suggest_ReachableFigure_RaisesTheHeaviestCategoryFirstAndReachesIt()
    {
        // 45 % → 60 %: Σw·Δ needed = (60 − 45) × 4 = 60. B (w 2) can take 40 points (gap) = 80 > 60 → B +30 → 90.
        var suggestion = SimulationCalculator.Suggest(Vigencia(), 60m);

        Assert.True(suggestion.Reachable);
        var raise = Assert.Single(suggestion.Raises);
        Assert.Equal((2, 60m, 90m), (raise.Category.CategoryId, raise.From, raise.To));
        Assert.Equal(60m, suggestion.ResultingPercentage);
        Assert.Equal(30m, suggestion.TotalPoints);
    }

    [Fact]
    public void Suggest_BeyondOneGap_GoesOnToTheNextCategory()
    {
        // 45 % → 70 %: needed 100. B to its meta: +40 × 2 = 80; then A (the larger gap): 20 more → +20 → 40.
        var suggestion = SimulationCalculator.Suggest(Vigencia(), 70m);

        Assert.True(suggestion.Reachable);
        Assert.Equal([(2, 40m), (1, 20m)], suggestion.Raises.Select(r => (r.Category.CategoryId, r.Points)));
        Assert.Equal(70m, suggestion.ResultingPercentage);
    }

    [Fact]
    public void Suggest_AboveWhatTheMetasAllow_SaysItCannot()
    {
        var measured = new VigenciaInput(2023, [Input(1, "A", 1m, Score.Measured(20m), target: 50m), Input(2, "B", 1m, Score.Measured(40m), target: 60m)]);

        var suggestion = SimulationCalculator.Suggest(measured, 80m);

        Assert.False(suggestion.Reachable);
        Assert.Equal(55m, suggestion.MaximumPercentage); // (50 + 60) ÷ 2
        Assert.Equal(55m, suggestion.ResultingPercentage);
    }

    [Fact]
    public void Suggest_AlreadyAbove_RaisesNothing()
    {
        var suggestion = SimulationCalculator.Suggest(Vigencia(), 40m);

        Assert.True(suggestion.Reachable);
        Assert.Empty(suggestion.Raises);
    }
}
