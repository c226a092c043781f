using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Scoring;
using Xunit;

namespace GobiernoDigital.Tests.Core;

public sealed class CoverageTests
{
    [Theory]
    [InlineData(16, 0, 1, "16 de 17 categorías medidas", "1 sin medición")]
    [InlineData(17, 0, 0, "17 de 17 categorías medidas", "")]
    [InlineData(14, 2, 1, "14 de 17 categorías medidas", "2 no aplica · 1 sin medición")]
    [InlineData(0, 2, 0, "0 de 2 categorías medidas", "2 no aplica")]
    [InlineData(1, 0, 0, "1 de 1 categoría medida", "")]
    [InlineData(0, 0, 1, "0 de 1 categoría medida", "1 sin medición")]
    public void TextAndDetail_Counts_ReadInSpanish(int measured, int notApplicable, int notMeasured, string text, string detail)
    {
        var coverage = new Coverage(measured, notApplicable, notMeasured);

        Assert.Equal(text, coverage.Text);
        Assert.Equal(detail, coverage.Detail);
        Assert.Equal(measured + notApplicable + notMeasured, coverage.Total);
    }

    [Fact]
    public void Of_MixedScores_CountsEachStatusOnce()
    {
        Score[] scores = [Score.Measured(0m), Score.Measured(40m), Score.NotApplicable, Score.NotMeasured, Score.NotMeasured];

        Assert.Equal(new Coverage(Measured: 2, NotApplicable: 1, NotMeasured: 2), Coverage.Of(scores));
    }

    [Fact]
    public void Of_SeedVigencia2023_Is16Of17WithOneSinMedicion()
    {
        var coverage = Coverage.Of(TiPl03Source.Categories.Select(c => c.Score));

        Assert.Equal("16 de 17 categorías medidas", coverage.Text);
        Assert.Equal("1 sin medición", coverage.Detail);
    }
}
