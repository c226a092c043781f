using GobiernoDigital.Dashboard.Services;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

/// <summary>The vigencia typed in the retire dialog and the category dialog.</summary>
public sealed class VigenciaFieldTests
{
    [Theory]
    [InlineData("", "Escriba la vigencia (el año medido).")]
    [InlineData("abc", VigenciaField.NotAYear)]
    [InlineData("2024,5", VigenciaField.NotAYear)]
    [InlineData("-2024", VigenciaField.NotAYear)]
    [InlineData("1999", "La vigencia debe estar entre 2000 y 2100.")]
    [InlineData("2101", "La vigencia debe estar entre 2000 y 2100.")]
    public void RetireFormValidator_InvalidText_SpanishMessage(string text, string message)
    {
        var result = new RetireFormValidator().Validate(new RetireFormModel { VigenciaText = text });

        Assert.Equal(message, Assert.Single(result.Errors).ErrorMessage);
    }

    [Theory]
    [InlineData("2024", 2024)]
    [InlineData(" 2000 ", 2000)]
    public void RetireFormValidator_Year_ValidAndParsed(string text, int vigencia)
    {
        var model = new RetireFormModel { VigenciaText = text };

        Assert.True(new RetireFormValidator().Validate(model).IsValid);
        Assert.Equal(vigencia, model.Vigencia);
    }

    [Fact]
    public void CategoryFormValidator_EmptyFirstVigencia_IsValidAndMeansAlways()
    {
        var model = new CategoryFormModel { Name = "Gobernanza", ShortLabel = "Gobernanza", ComponentId = 1, FirstVigenciaText = " " };

        Assert.True(new CategoryFormValidator().Validate(model).IsValid);
        Assert.Null(model.FirstVigencia);
    }
}
