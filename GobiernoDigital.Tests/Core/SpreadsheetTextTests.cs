using GobiernoDigital.Core.Export;
using Xunit;

namespace GobiernoDigital.Tests.Core;

public sealed class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://ejemplo.com\",\"clic\")", "'=HYPERLINK(\"http://ejemplo.com\",\"clic\")")]
    [InlineData("+SUM(1,2)", "'+SUM(1,2)")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("'=1", "''=1")] // already looks escaped: one more, so that import gives back '=1
    public void Neutralize_TextAFormulaCouldStartWith_GetsAnApostrophe(string text, string expected)
    {
        Assert.Equal(expected, SpreadsheetText.Neutralize(text));
    }

    [Theory]
    [InlineData("Transparencia")]
    [InlineData("Pendiente: 2 = 2")]
    [InlineData("'apóstrofo sin fórmula")]
    [InlineData("'")]
    [InlineData("")]
    [InlineData(null)]
    public void Neutralize_OrdinaryText_Unchanged(string? text)
    {
        Assert.Equal(text, SpreadsheetText.Neutralize(text));
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("-5")]
    [InlineData("'=1")]
    [InlineData("''@x")]
    [InlineData("'normal")]
    [InlineData("normal")]
    [InlineData("")]
    [InlineData(null)]
    public void Restore_OfNeutralize_GivesTheOriginalBack(string? text)
    {
        Assert.Equal(text, SpreadsheetText.Restore(SpreadsheetText.Neutralize(text)));
    }
}
