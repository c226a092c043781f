using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Planning;
using Xunit;

namespace GobiernoDigital.Tests.Core;

public sealed class EffectivenessCalculatorTests
{
    private static EffectivenessInput Input(Score from, Score? to, decimal expected, decimal weight = 1m, decimal weightSum = 16m) =>
        new(2023, 2024, from, to, weight, weightSum, expected, expected > 0 ? 1 : 0);

    [Fact]
    public void Evaluate_GainAsExpected_IsEficaz()
    {
        // Transparencia 40 → 50 with two completed actions expected to add 6 + 4 = 10 points.
        var result = EffectivenessCalculator.Evaluate(Input(Score.Measured(40m), Score.Measured(50m), expected: 10m));

        Assert.Equal(EffectivenessVerdict.Eficaz, result.Verdict);
        Assert.Equal(10m, result.ActualChange);
        Assert.Equal(10m / 16m, result.EffectOnPercentage); // 1 × 10 ÷ 16 = 0,625 points of the figure
    }

    [Fact]
    public void Evaluate_LessThanExpected_IsParcialmenteEficaz()
    {
        var result = EffectivenessCalculator.Evaluate(Input(Score.Measured(40m), Score.Measured(44.5m), expected: 10m, weight: 2m, weightSum: 17m));

        Assert.Equal(EffectivenessVerdict.ParcialmenteEficaz, result.Verdict);
        Assert.Equal(4.5m, result.ActualChange);
        Assert.Equal(2m * 4.5m / 17m, result.EffectOnPercentage);
        Assert.Equal("Subió 4,5 puntos de 10,0 esperados.", result.Reason);
    }

    [Theory]
    [InlineData(40, "El puntaje no cambió.")]
    [InlineData(35, "El puntaje bajó 5,0 puntos.")]
    public void Evaluate_NoGain_IsSinEfecto(int to, string reason)
    {
        var result = EffectivenessCalculator.Evaluate(Input(Score.Measured(40m), Score.Measured(to), expected: 10m));

        Assert.Equal(EffectivenessVerdict.SinEfecto, result.Verdict);
        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public void Evaluate_NoSecondMeasurement_IsSinDatos()
    {
        var result = EffectivenessCalculator.Evaluate(Input(Score.Measured(40m), to: null, expected: 10m));

        Assert.Equal(EffectivenessVerdict.SinDatos, result.Verdict);
        Assert.Null(result.ActualChange);
        Assert.Null(result.EffectOnPercentage);
        Assert.Equal("No hay medición de la vigencia 2024.", result.Reason);
    }

    [Fact]
    public void Evaluate_ScoreNotMeasuredInEitherVigencia_IsSinDatos()
    {
        Assert.Equal(EffectivenessVerdict.SinDatos, EffectivenessCalculator.Evaluate(Input(Score.NotMeasured, Score.Measured(50m), 10m)).Verdict);
        Assert.Equal(EffectivenessVerdict.SinDatos, EffectivenessCalculator.Evaluate(Input(Score.Measured(40m), Score.NotApplicable, 10m)).Verdict);
    }

    [Fact]
    public void Evaluate_NoCompletedActionsWithExpectedPoints_IsSinDatosEvenIfTheScoreRose()
    {
        var result = EffectivenessCalculator.Evaluate(Input(Score.Measured(40m), Score.Measured(60m), expected: 0m));

        Assert.Equal(EffectivenessVerdict.SinDatos, result.Verdict);
        Assert.Equal(20m, result.ActualChange); // the change is still shown
    }

    [Theory]
    [InlineData("2023-12-31", false)] // before the plan's vigencia ended: already in A's score
    [InlineData("2024-01-01", true)]
    [InlineData("2024-12-31", true)]
    [InlineData("2025-01-01", false)] // after B: judged by the next measurement
    public void Counts_CompletedActionsBetweenTheEndOfAAndTheEndOfB(string completedOn, bool expected)
    {
        var date = DateOnly.Parse(completedOn, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, EffectivenessCalculator.Counts(ActionStatus.Completada, date, 2023, 2024));
        Assert.False(EffectivenessCalculator.Counts(ActionStatus.EnCurso, date, 2023, 2024));
    }
}
