using System.Globalization;
using GobiernoDigital.Core.Domain;
using Xunit;

namespace GobiernoDigital.Tests.Core;

public sealed class ScoreTests
{
    [Theory]
    [InlineData("-1")]
    [InlineData("-0.1")]
    [InlineData("100.1")]
    [InlineData("45.55")]
    [InlineData("0.05")]
    public void Measured_OutsideRangeOrMoreThanOneDecimal_ThrowsDomainException(string value)
    {
        Assert.Throws<DomainException>(() => Score.Measured(decimal.Parse(value, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("100")]
    [InlineData("45.5")]
    [InlineData("45.50")]
    [InlineData("0.1")]
    public void Measured_ZeroToHundredWithOneDecimal_KeepsTheValue(string text)
    {
        var value = decimal.Parse(text, CultureInfo.InvariantCulture);

        var score = Score.Measured(value);

        Assert.True(score.IsMeasured);
        Assert.Equal(ScoreStatus.Measured, score.Status);
        Assert.Equal(value, score.Value);
    }

    [Fact]
    public void NotApplicableAndNotMeasured_AreNotZero_AndNotEachOther()
    {
        var zero = Score.Measured(0m);

        Assert.NotEqual(zero, Score.NotApplicable);
        Assert.NotEqual(zero, Score.NotMeasured);
        Assert.NotEqual(Score.NotApplicable, Score.NotMeasured);
        Assert.Equal(0m, zero.Value);
        Assert.Null(Score.NotApplicable.Value);
        Assert.Null(Score.NotMeasured.Value);
        Assert.False(Score.NotApplicable.IsMeasured);
        Assert.False(Score.NotMeasured.IsMeasured);
        Assert.Equal(ScoreStatus.NotApplicable, Score.NotApplicable.Status);
        Assert.Equal(ScoreStatus.NotMeasured, Score.NotMeasured.Status);
    }

    [Fact]
    public void From_StoredParts_RebuildsTheSameScore()
    {
        Assert.Equal(Score.Measured(45.5m), Score.From(ScoreStatus.Measured, 45.5m));
        Assert.Equal(Score.Measured(0m), Score.From(ScoreStatus.Measured, 0m));
        Assert.Equal(Score.NotApplicable, Score.From(ScoreStatus.NotApplicable, null));
        Assert.Equal(Score.NotMeasured, Score.From(ScoreStatus.NotMeasured, null));
    }

    [Fact]
    public void From_MeasuredWithoutValueOrOutOfRange_ThrowsDomainException()
    {
        Assert.Throws<DomainException>(() => Score.From(ScoreStatus.Measured, null));
        Assert.Throws<DomainException>(() => Score.From(ScoreStatus.Measured, 101m));
        Assert.Throws<DomainException>(() => Score.From((ScoreStatus)9, null));
    }

    // Run under en-US too: a table must read "45,5" whatever the culture of the server thread.
    [CulturedTheory(["es-CO", "en-US"])]
    [InlineData("45.5", "45,5")]
    [InlineData("0", "0,0")]
    [InlineData("100", "100,0")]
    [InlineData("7", "7,0")]
    public void ToString_Measured_IsEsCoNumberWithOneDecimal(string value, string expected)
    {
        var score = Score.Measured(decimal.Parse(value, CultureInfo.InvariantCulture));

        Assert.Equal(expected, score.ToString());
    }

    [CulturedFact(["es-CO", "en-US"])]
    public void ToString_Absences_AreSpanishWords()
    {
        Assert.Equal("No aplica", Score.NotApplicable.ToString());
        Assert.Equal("Sin medición", Score.NotMeasured.ToString());
    }

    [Fact]
    public void Default_IsSinMedicion_NotAMeasurementWithoutValue()
    {
        var score = default(Score);

        Assert.Equal(ScoreStatus.NotMeasured, score.Status);
        Assert.False(score.IsMeasured);
        Assert.Equal("Sin medición", score.ToString());
    }
}
