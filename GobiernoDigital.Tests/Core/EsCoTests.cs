using System.Globalization;
using GobiernoDigital.Core.Domain;
using Xunit;

namespace GobiernoDigital.Tests.Core;

// Every figure is formatted with EsCo's own culture; the en-US runs prove the thread culture plays no part.
public sealed class EsCoTests
{
    [CulturedTheory(["es-CO", "en-US"])]
    [InlineData("40", "40,0")]
    [InlineData("45.55", "45,6")]
    [InlineData("40.25", "40,3")] // half away from zero; banker's rounding would give 40,2
    [InlineData("2.45", "2,5")] // banker's would give 2,4
    [InlineData("0.05", "0,1")] // banker's would give 0,0
    [InlineData("0.04", "0,0")]
    [InlineData("-0.04", "0,0")] // rounds to zero: no "-0,0"
    [InlineData("54.2857142857", "54,3")]
    [InlineData("100", "100,0")]
    public void Number_RoundsHalfAwayFromZeroToOneDecimal_WithComma(string value, string expected)
    {
        Assert.Equal(expected, EsCo.Number(Parse(value)));
    }

    [CulturedTheory(["es-CO", "en-US"])]
    [InlineData("40", "40,0 %")]
    [InlineData("16.6666666666666666666666667", "16,7 %")] // 50 / 3
    [InlineData("0", "0,0 %")]
    [InlineData("99.95", "100,0 %")]
    public void Percent_IsNumberAndPercentSign(string value, string expected)
    {
        Assert.Equal(expected, EsCo.Percent(Parse(value)));
    }

    [CulturedFact(["es-CO", "en-US"])]
    public void Percent_FiftyThirds_Is16Comma7()
    {
        // 50 / 3 = 16,666… → 16,7
        Assert.Equal("16,7 %", EsCo.Percent(50m / 3m));
    }

    [CulturedTheory(["es-CO", "en-US"])]
    [InlineData("5", "+5,0")]
    [InlineData("6.25", "+6,3")]
    [InlineData("0.05", "+0,1")]
    [InlineData("-2.5", "\u22122,5")] // U+2212 MINUS SIGN, not a hyphen
    [InlineData("-0.05", "\u22120,1")]
    [InlineData("0", "0,0")]
    [InlineData("0.04", "0,0")] // shows as 0,0, so no sign
    [InlineData("-0.04", "0,0")]
    public void SignedNumber_HasSignOnlyWhenTheRoundedFigureIsNotZero(string value, string expected)
    {
        Assert.Equal(expected, EsCo.SignedNumber(Parse(value)));
    }

    [CulturedFact(["es-CO", "en-US"])]
    public void Date_IsDayMonthYear()
    {
        Assert.Equal("31/12/2027", EsCo.Date(new DateOnly(2027, 12, 31)));
        Assert.Equal("01/08/2024", EsCo.Date(new DateOnly(2024, 8, 1)));
    }

    [Fact]
    public void Culture_IsColombianSpanish_WithCommaDecimals()
    {
        Assert.Equal("es-CO", EsCo.Culture.Name);
        Assert.Equal(",", EsCo.Culture.NumberFormat.NumberDecimalSeparator);
    }

    [Fact]
    public void TimeZone_IsBogota_UtcMinusFiveAllYear()
    {
        // Colombia has had no daylight saving since 1993: the same offset in January and in July.
        Assert.Equal(TimeSpan.FromHours(-5), EsCo.TimeZone.GetUtcOffset(new DateTime(2024, 1, 15, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromHours(-5), EsCo.TimeZone.GetUtcOffset(new DateTime(2024, 7, 15, 12, 0, 0, DateTimeKind.Utc)));
    }

    private static decimal Parse(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);
}
