using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Validation;
using Xunit;

namespace GobiernoDigital.Tests.Core;

/// <summary>
/// The shared rules, through the validators that use them: a score row (the measurement form's rows and every import
/// row) and the official index of the measurement form.
/// </summary>
public sealed class ValidationRulesTests
{
    private readonly ScoreRowValidator _validator = new();

    [CulturedTheory(["es-CO", "en-US"])]
    [InlineData("-1", "El puntaje debe estar entre 0 y 100.")]
    [InlineData("100.1", "El puntaje debe estar entre 0 y 100.")]
    [InlineData("100,1", "El puntaje debe estar entre 0 y 100.")]
    [InlineData("45,55", "El puntaje admite como máximo un decimal.")]
    [InlineData("45.55", "El puntaje admite como máximo un decimal.")]
    [InlineData("abc", "El puntaje debe ser un número, por ejemplo 45,5.")]
    [InlineData("", "Escriba el puntaje, o elija «No aplica» o «Sin medición».")]
    [InlineData("   ", "Escriba el puntaje, o elija «No aplica» o «Sin medición».")]
    [InlineData("1e9", "El puntaje debe ser un número, por ejemplo 45,5.")]
    [InlineData("1.000,5", "El puntaje debe ser un número, por ejemplo 45,5.")]
    public void ScoreRow_BadScore_RefusedWithItsSpanishMessage(string text, string message)
    {
        var result = _validator.Validate(new ScoreRowInput { Status = ScoreStatus.Measured, ScoreText = text });

        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(ScoreRowInput.ScoreText), error.PropertyName);
        Assert.Equal(message, error.ErrorMessage);
    }

    [CulturedTheory(["es-CO", "en-US"])]
    [InlineData("45,5")]
    [InlineData("45.5")]
    [InlineData(" 45,5 ")]
    public void ScoreRow_CommaOrPoint_AcceptedAs45Point5(string text)
    {
        var row = new ScoreRowInput { Status = ScoreStatus.Measured, ScoreText = text };

        Assert.True(_validator.Validate(row).IsValid);
        Assert.Equal(Score.Measured(45.5m), row.ToScore());
    }

    [CulturedTheory(["es-CO"])]
    [InlineData("0", 0)]
    [InlineData("100", 100)]
    [InlineData("100,0", 100)]
    [InlineData("0.1", 0.1)]
    public void ScoreRow_Bounds_Accepted(string text, double expected)
    {
        var row = new ScoreRowInput { Status = ScoreStatus.Measured, ScoreText = text };

        Assert.True(_validator.Validate(row).IsValid);
        Assert.Equal((decimal)expected, row.ToScore().Value);
    }

    [Theory]
    [InlineData(ScoreStatus.NotApplicable)]
    [InlineData(ScoreStatus.NotMeasured)]
    public void ScoreRow_AbsenceWithLeftoverText_ValidAndNotAZero(ScoreStatus status)
    {
        var row = new ScoreRowInput { Status = status, ScoreText = "abc" };

        Assert.True(_validator.Validate(row).IsValid);
        Assert.Equal(status, row.ToScore().Status);
        Assert.Null(row.ToScore().Value);
    }

    [Fact]
    public void ScoreRow_ObservationOver2000Characters_Refused()
    {
        var row = new ScoreRowInput { ScoreText = "40", Observation = new string('a', ValidationRules.ObservationMaxLength + 1) };

        var error = Assert.Single(_validator.Validate(row).Errors);
        Assert.Equal("La observación admite como máximo 2000 caracteres.", error.ErrorMessage);
    }

    [CulturedTheory(["es-CO"])]
    [InlineData("-1")]
    [InlineData("100.1")]
    [InlineData("45,55")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("1e9")]
    public void ScoreRow_ImportCellAndFormField_GetTheSameMessage(string text)
    {
        var fromForm = new ScoreRowInput { Status = ScoreStatus.Measured, ScoreText = text };
        var fromFile = ScoreRowInput.FromCells(text, targetCell: null, observationCell: null);

        var formMessages = Messages(fromForm);
        Assert.NotEmpty(formMessages);
        Assert.Equal(formMessages, Messages(fromFile));
    }

    [Theory]
    [InlineData("No aplica", ScoreStatus.NotApplicable)]
    [InlineData("Sin medición", ScoreStatus.NotMeasured)]
    public void ScoreRow_ImportCellWithAnAbsence_IsTheFormsChoice(string cell, ScoreStatus status)
    {
        var fromFile = ScoreRowInput.FromCells(cell, targetCell: null, observationCell: null);

        Assert.Empty(Messages(fromFile));
        Assert.Equal(new ScoreRowInput { Status = status }.ToScore(), fromFile.ToScore());
    }

    [CulturedTheory(["es-CO", "en-US"])]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("72,4", "72.4")]
    [InlineData("72.4", "72.4")]
    [InlineData("0", "0")]
    [InlineData("100", "100")]
    public void OfficialIndex_EmptyOrZeroToHundredWithOneDecimal_Accepted(string? text, string? expected)
    {
        var result = new OfficialIndexValidator().Validate(new OfficialIndexInput(text));

        Assert.True(result.IsValid, string.Join(" ", result.Errors));
        Assert.Equal(expected is null ? null : decimal.Parse(expected, CultureInfo.InvariantCulture), NumberText.Parse(text));
    }

    [CulturedTheory(["es-CO"])]
    [InlineData("-0,1", "El Índice de Gobierno Digital debe estar entre 0 y 100.")]
    [InlineData("100,1", "El Índice de Gobierno Digital debe estar entre 0 y 100.")]
    [InlineData("72,45", "El Índice de Gobierno Digital admite como máximo un decimal.")]
    [InlineData("abc", "El Índice de Gobierno Digital debe ser un número, por ejemplo 72,4.")]
    [InlineData("1e2", "El Índice de Gobierno Digital debe ser un número, por ejemplo 72,4.")]
    public void OfficialIndex_Bad_RefusedWithItsSpanishMessage(string text, string message)
    {
        var error = Assert.Single(new OfficialIndexValidator().Validate(new OfficialIndexInput(text)).Errors);

        Assert.Equal(message, error.ErrorMessage);
    }

    private List<string> Messages(ScoreRowInput row) => Messages(_validator.Validate(row));

    private static List<string> Messages(ValidationResult result) => result.Errors.Select(e => e.ErrorMessage).ToList();

    private sealed record OfficialIndexInput(string? Text);

    private sealed class OfficialIndexValidator : AbstractValidator<OfficialIndexInput>
    {
        public OfficialIndexValidator() => RuleFor(i => i.Text).ValidOfficialIndex();
    }
}
