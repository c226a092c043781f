using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Validation;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Tests.TestDoubles;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

public sealed class MeasurementFormValidatorTests
{
    // 10/03/2026 22:00 in Colombia, already 11/03/2026 in UTC.
    private static readonly DateTimeOffset Now = new(2026, 3, 11, 3, 0, 0, TimeSpan.Zero);

    private readonly MeasurementFormValidator _validator = new(new FixedTimeProvider(Now));

    [Fact]
    public void Validate_CompleteForm_Valid()
    {
        Assert.True(_validator.Validate(Form()).IsValid);
    }

    [Theory]
    [InlineData(null, "Escriba la vigencia (el año medido).")]
    [InlineData(1999, "La vigencia debe estar entre 2000 y 2100.")]
    [InlineData(2101, "La vigencia debe estar entre 2000 y 2100.")]
    public void Validate_VigenciaMissingOrOutOfRange_Refused(int? vigencia, string message)
    {
        var form = Form();
        form.Vigencia = vigencia;

        var error = Assert.Single(_validator.Validate(form).Errors);
        Assert.Equal(nameof(MeasurementFormModel.Vigencia), error.PropertyName);
        Assert.Equal(message, error.ErrorMessage);
    }

    [Fact]
    public void Validate_DateBeforeTheVigenciaStarts_Refused()
    {
        var form = Form();
        form.Date = new DateTime(2023, 12, 31);

        var error = Assert.Single(_validator.Validate(form).Errors);
        Assert.Equal(nameof(MeasurementFormModel.Date), error.PropertyName);
        Assert.Equal("La fecha no puede ser anterior al 01/01/2024, el inicio de la vigencia.", error.ErrorMessage);
    }

    [Fact]
    public void Validate_DateAfterTodayInColombia_Refused()
    {
        var form = Form();
        form.Date = new DateTime(2026, 3, 11);

        var error = Assert.Single(_validator.Validate(form).Errors);
        Assert.Equal("La fecha no puede ser posterior a hoy (10/03/2026).", error.ErrorMessage);
    }

    [Theory]
    [InlineData(2024, 1, 1)]
    [InlineData(2026, 3, 10)]
    public void Validate_DateFromTheVigenciaToTodayInColombia_Valid(int year, int month, int day)
    {
        var form = Form();
        form.Date = new DateTime(year, month, day);

        Assert.True(_validator.Validate(form).IsValid);
    }

    [Fact]
    public void Validate_OfficialIndexWithTwoDecimals_Refused()
    {
        var form = Form();
        form.OfficialIndexText = "72,45";

        var error = Assert.Single(_validator.Validate(form).Errors);
        Assert.Equal(nameof(MeasurementFormModel.OfficialIndexText), error.PropertyName);
        Assert.Equal("El Índice de Gobierno Digital admite como máximo un decimal.", error.ErrorMessage);
    }

    [Fact]
    public void Validate_BadScoreInARow_RefusedWithTheSharedMessageAtThatRow()
    {
        var form = Form();
        form.Rows[1].Input.ScoreText = "45,55";

        var error = Assert.Single(_validator.Validate(form).Errors);
        Assert.Equal("Rows[1].Input.ScoreText", error.PropertyName);
        Assert.Equal(ValidationRules.ScoreTooManyDecimals, error.ErrorMessage);
    }

    [Fact]
    public void Validate_NoRows_Refused()
    {
        var form = Form();
        form.Rows.Clear();

        var error = Assert.Single(_validator.Validate(form).Errors);
        Assert.Equal("No hay categorías que apliquen a esta vigencia: revise el catálogo.", error.ErrorMessage);
    }

    [Fact]
    public async Task MessagesForAsync_OneFieldOfARow_OnlyThatFieldsMessage()
    {
        var input = new ScoreRowInput { ScoreText = "abc", Observation = new string('x', 2001) };

        var messages = await new MeasurementRowValidator().MessagesForAsync(input, nameof(ScoreRowInput.ScoreText));

        Assert.Equal(["El puntaje debe ser un número, por ejemplo 45,5."], messages);
    }

    private static MeasurementFormModel Form() => new()
    {
        Vigencia = 2024,
        Source = MeasurementSource.ResultadoOficialFurag,
        OfficialIndexText = "72,4",
        Rows =
        [
            Row(1, "Transparencia", new ScoreRowInput { ScoreText = "45,5" }),
            Row(2, "Colaboración", new ScoreRowInput { ScoreText = "10" }),
            Row(3, "Gobierno de TI", new ScoreRowInput { Status = ScoreStatus.NotMeasured }),
        ],
    };

    private static MeasurementRowModel Row(int id, string name, ScoreRowInput input) =>
        new() { CategoryId = id, CategoryName = name, ComponentName = "Componente", Input = input };
}
