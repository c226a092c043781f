using GobiernoDigital.Core.Validation;
using Xunit;

namespace GobiernoDigital.Tests.Core;

public sealed class PeerAverageValidatorTests
{
    private readonly PeerAverageValidator _validator = new();

    [Theory]
    [InlineData("62,4", 62.4)]
    [InlineData("62.4", 62.4)]
    [InlineData(" 100 ", 100)]
    [InlineData("0", 0)]
    [InlineData("45,50", 45.5)]
    public void Messages_NumberZeroToHundredWithOneDecimal_NoneAndReadsTheValue(string text, double expected)
    {
        Assert.Empty(_validator.Messages(text));
        Assert.Equal((decimal)expected, new PeerAverageInput { Text = text }.ToValue());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Messages_EmptyCell_NoneBecauseItMeansNoValue(string? text)
    {
        Assert.Empty(_validator.Messages(text));
        Assert.True(new PeerAverageInput { Text = text }.IsEmpty);
        Assert.Null(new PeerAverageInput { Text = text }.ToValue());
    }

    [Theory]
    [InlineData("abc", ValidationRules.PeerAverageNotANumber)]
    [InlineData("45,5,1", ValidationRules.PeerAverageNotANumber)]
    [InlineData("1e2", ValidationRules.PeerAverageNotANumber)]
    [InlineData("100,1", ValidationRules.PeerAverageOutOfRange)]
    [InlineData("-1", ValidationRules.PeerAverageOutOfRange)]
    [InlineData("45,55", ValidationRules.PeerAverageTooManyDecimals)]
    public void Messages_BadCell_OneSpanishMessage(string text, string expected)
    {
        Assert.Equal([expected], _validator.Messages(text));
    }
}
