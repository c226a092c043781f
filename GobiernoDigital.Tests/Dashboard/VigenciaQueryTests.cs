using GobiernoDigital.Dashboard.ViewModels;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

public sealed class VigenciaQueryTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("  ", null)]
    [InlineData("2023", 2023)]
    [InlineData("0999", 999)]
    public void TryParse_AbsentOrDigits_Accepted(string? text, int? expected)
    {
        Assert.True(VigenciaQuery.TryParse(text, out var vigencia));
        Assert.Equal(expected, vigencia);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-2023")]
    [InlineData("+2023")]
    [InlineData("2023.5")]
    [InlineData("2 023")]
    [InlineData("99999999999")]
    public void TryParse_AnythingElse_RefusedWithoutAVigencia(string text)
    {
        Assert.False(VigenciaQuery.TryParse(text, out var vigencia));
        Assert.Null(vigencia);
        Assert.Equal($"«{text}» no es una vigencia válida: escriba un año, por ejemplo 2023.", VigenciaQuery.InvalidMessage(text));
    }
}
