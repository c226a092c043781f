using System.Globalization;
using FluentValidation;
using GobiernoDigital.Core.Domain;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>What the score editing form holds: numbers as typed ("45,5" or "45.5").</summary>
public sealed class ScoreEditFormModel
{
    public IReadOnlyList<int> Vigencias { get; set; } = [];

    public int Vigencia { get; set; }

    public ScoreStatus Status { get; set; } = ScoreStatus.Measured;

    public string? ScoreText { get; set; }

    public string? Observation { get; set; }

    public string? TargetText { get; set; } = "100,0";

    /// <summary>Reads a number typed with a comma or a point as the decimal separator; null when it is not one.</summary>
    public static decimal? ParseNumber(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normalized = text.Trim().Replace(',', '.');
        return decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    public Score ToScore() => Status switch
    {
        ScoreStatus.Measured => Score.Measured(ParseNumber(ScoreText)!.Value),
        ScoreStatus.NotApplicable => Score.NotApplicable,
        _ => Score.NotMeasured,
    };
}

/// <summary>Spanish messages for the score form, shown next to each field by MudForm.</summary>
public sealed class ScoreEditValidator : AbstractValidator<ScoreEditFormModel>
{
    public ScoreEditValidator()
    {
        When(m => m.Status == ScoreStatus.Measured, () =>
            RuleFor(m => m.ScoreText).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Escriba el puntaje, o elija «No aplica» o «Sin medición».")
                .Must(t => ScoreEditFormModel.ParseNumber(t) is not null).WithMessage("El puntaje debe ser un número, por ejemplo 45,5.")
                .Must(t => ScoreEditFormModel.ParseNumber(t) is >= 0m and <= 100m).WithMessage("El puntaje debe estar entre 0 y 100.")
                .Must(t => ScoreEditFormModel.ParseNumber(t) is { } v && decimal.Round(v, 1) == v).WithMessage("El puntaje admite como máximo un decimal."));
        RuleFor(m => m.TargetText).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Escriba la meta (100 si no hay otra).")
            .Must(t => ScoreEditFormModel.ParseNumber(t) is not null).WithMessage("La meta debe ser un número, por ejemplo 80.")
            .Must(t => ScoreEditFormModel.ParseNumber(t) is >= 0m and <= 100m).WithMessage("La meta debe estar entre 0 y 100.");
        RuleFor(m => m.Observation).MaximumLength(2000).WithMessage("La observación admite como máximo 2000 caracteres.");
    }

    /// <summary>The per-field validation MudForm calls.</summary>
    public Func<object, string, Task<IEnumerable<string>>> ValidateValue => async (model, propertyName) =>
    {
        var result = await ValidateAsync(ValidationContext<ScoreEditFormModel>.CreateWithOptions((ScoreEditFormModel)model, x => x.IncludeProperties(propertyName)));
        return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
    };
}
