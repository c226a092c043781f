using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Scoring;
using GobiernoDigital.Core.Validation;
using GobiernoDigital.Dashboard.ViewModels;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

public sealed class SimulatorViewModelTests
{
    // A 20 (w 1), B 60 (w 2), C no aplica, D sin medición (w 1). Σw = 3, Σw·s = 140 → 46,67 %.
    private static VigenciaInput Vigencia() => new(2023,
    [
        Input(1, "A", 1m, Score.Measured(20m)),
        Input(2, "B", 2m, Score.Measured(60m)),
        Input(3, "C", 1m, Score.NotApplicable),
        Input(4, "D", 1m, Score.NotMeasured),
    ]);

    private static CategoryInput Input(int id, string name, decimal weight, Score score) =>
        new(id, name, name, CategoryKind.Proceso, 1, "Componente", weight, score);

    [Theory]
    [InlineData(0.0625, "0,1")] // 1 of 16 categories of weight 1
    [InlineData(0.3333, "0,3")]
    [InlineData(0.25, "0,3")] // half away from zero, as EsCo.Number
    [InlineData(1, "1,0")]
    [InlineData(0.04, "< 0,1")] // 1 of 25: it moves the figure, so never "0,0"
    [InlineData(0, "0,0")]
    public void GainText_AnyGain_OneDecimalAsEveryFigure(double gain, string expected) =>
        Assert.Equal(expected, SimulatorViewModel.GainText((decimal)gain));

    [Theory]
    [InlineData("50")]
    [InlineData("50,0")]
    [InlineData("50.0")]
    [InlineData(" 50 ")]
    public void SetText_CommaOrPoint_RaisesTheFigureByWeightTimesDeltaOverWeightSum(string text)
    {
        var model = new SimulatorViewModel(Vigencia());

        model.SetText(1, text);

        // A 20 → 50: + 1 × 30 ÷ 3 = 10 points.
        Assert.Equal(10m, model.Difference);
        Assert.Equal(50m, model.Row(1)!.Value);
        Assert.Null(model.Row(1)!.Error);
    }

    [Theory]
    [InlineData("abc", ValidationRules.ScoreNotANumber)]
    [InlineData("100,1", ValidationRules.ScoreOutOfRange)]
    [InlineData("45,55", ValidationRules.ScoreTooManyDecimals)]
    [InlineData("", "Escriba un puntaje simulado de 0 a 100.")]
    public void SetText_NotAValidScore_KeepsTheLastValueAndSaysWhy(string text, string message)
    {
        var model = new SimulatorViewModel(Vigencia());
        model.SetText(1, "30");

        model.SetText(1, text);

        Assert.Equal(message, model.Row(1)!.Error);
        Assert.Equal(30m, model.Row(1)!.Value);
        Assert.Equal(text, model.Row(1)!.Text);
    }

    [Fact]
    public void Rows_NoAplicaHasNoRowAndTheHeaviestComesFirst()
    {
        var model = new SimulatorViewModel(Vigencia());

        Assert.Equal([2, 1, 4], model.Rows.Select(r => r.Category.CategoryId));
        Assert.Equal(["C"], model.NotApplicable.Select(c => c.Name));
        Assert.Null(model.Row(3));
    }

    [Fact]
    public void SetText_SinMedicionGivenAValue_JoinsTheFigureAndTheWeightSum()
    {
        var model = new SimulatorViewModel(Vigencia());
        Assert.Null(model.Row(4)!.Value);
        Assert.Null(model.Row(4)!.GainPerPoint);

        model.SetText(4, "80");

        // (140 + 80) ÷ 4 = 55; each weight now counts over Σw = 4.
        Assert.Equal(55m, model.SimulatedReport.Percentage);
        Assert.Equal(0.25m, model.Row(4)!.GainPerPoint);
        Assert.Equal(0.5m, model.Row(2)!.GainPerPoint);
        Assert.Equal([4], model.Added.Select(r => r.Category.CategoryId));

        model.SetText(4, string.Empty);

        Assert.Null(model.Row(4)!.Error);
        Assert.Equal(model.MeasuredReport.Percentage, model.SimulatedReport.Percentage);
    }

    [Fact]
    public void SetValue_FromTheSlider_KeepsOneDecimalWithinTheScale()
    {
        var model = new SimulatorViewModel(Vigencia());

        model.SetValue(1, 33.333m);
        Assert.Equal(("33,3", 33.3m), (model.Row(1)!.Text, model.Row(1)!.Value!.Value));

        model.SetValue(1, 120m);
        Assert.Equal(100m, model.Row(1)!.Value);
    }

    [Fact]
    public void Changes_OnlyTheCategoriesThatDifferFromTheMeasurement()
    {
        var model = new SimulatorViewModel(Vigencia());
        model.SetText(1, "20");
        model.SetText(2, "70");
        model.SetText(4, "10");

        Assert.Equal(new Dictionary<int, decimal> { [2] = 70m, [4] = 10m }, model.Changes);

        model.Reset();

        Assert.Empty(model.Changes);
        Assert.Equal(model.MeasuredReport.Percentage, model.SimulatedReport.Percentage);
    }

    [Fact]
    public void Load_ValuesOfCategoriesThatCannotBeSimulated_AreSkipped()
    {
        var model = new SimulatorViewModel(Vigencia(), new Dictionary<int, decimal> { [2] = 90m, [3] = 50m, [99] = 10m });

        Assert.Equal(new Dictionary<int, decimal> { [2] = 90m }, model.Changes);
    }

    [Fact]
    public void Apply_Suggestion_MovesTheRowsToItsScoresAndReachesTheFigure()
    {
        var model = new SimulatorViewModel(Vigencia());

        var suggestion = model.Suggest(60m);
        model.Apply(suggestion);

        // 60 % of Σw 3 = 180 weighted points; 140 measured: B (w 2) up 20 → 80.
        Assert.Equal(60m, model.SimulatedReport.Percentage);
        Assert.Equal("80,0", model.Row(2)!.Text);
        Assert.Empty(model.Suggest(60m).Raises);
    }
}
