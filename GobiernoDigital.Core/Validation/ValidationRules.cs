using FluentValidation;
using GobiernoDigital.Core.Domain;

namespace GobiernoDigital.Core.Validation;

/// <summary>
/// The rules and Spanish messages shared by every form and every import row, so the same input gets the same message
/// on both paths.
/// </summary>
public static class ValidationRules
{
    public const string ScoreRequired = "Escriba el puntaje, o elija «No aplica» o «Sin medición».";
    public const string ScoreNotANumber = "El puntaje debe ser un número, por ejemplo 45,5.";
    public const string ScoreOutOfRange = "El puntaje debe estar entre 0 y 100.";
    public const string ScoreTooManyDecimals = "El puntaje admite como máximo un decimal.";
    public const string TargetRequired = "Escriba la meta (100 si no hay otra).";
    public const string TargetNotANumber = "La meta debe ser un número, por ejemplo 80.";
    public const string TargetOutOfRange = "La meta debe estar entre 0 y 100.";
    public const string TargetTooManyDecimals = "La meta admite como máximo un decimal.";
    public const string ObservationTooLong = "La observación admite como máximo 2000 caracteres.";
    public const int ObservationMaxLength = 2000;
    public const string OfficialIndexNotANumber = "El Índice de Gobierno Digital debe ser un número, por ejemplo 72,4.";
    public const string OfficialIndexOutOfRange = "El Índice de Gobierno Digital debe estar entre 0 y 100.";
    public const string OfficialIndexTooManyDecimals = "El Índice de Gobierno Digital admite como máximo un decimal.";
    public const string PeerAverageNotANumber = "El promedio del grupo par debe ser un número, por ejemplo 62,4.";
    public const string PeerAverageOutOfRange = "El promedio del grupo par debe estar entre 0 y 100.";
    public const string PeerAverageTooManyDecimals = "El promedio del grupo par admite como máximo un decimal.";

    /// <summary>The first day any date of the app may be (actions, evidence, plans, measurements, filters).</summary>
    public static readonly DateOnly MinDate = new(2000, 1, 1);

    /// <summary>The last day any date of the app may be: far enough for any plan, near enough to draw and to add a day to.</summary>
    public static readonly DateOnly MaxDate = new(2100, 12, 31);

    public const string DateOutOfRange = "La fecha debe estar entre el 01/01/2000 y el 31/12/2100.";

    /// <summary>True when <paramref name="date"/> is within <see cref="MinDate"/>–<see cref="MaxDate"/>.</summary>
    public static bool InDateBounds(DateOnly date) => date >= MinDate && date <= MaxDate;

    /// <summary><paramref name="date"/> moved into <see cref="MinDate"/>–<see cref="MaxDate"/>, for drawing a date stored before the bound existed.</summary>
    public static DateOnly ClampDate(DateOnly date) => date < MinDate ? MinDate : date > MaxDate ? MaxDate : date;

    /// <summary>A date picker's value within 01/01/2000–31/12/2100; empty passes (a separate rule requires it where needed).</summary>
    public static IRuleBuilderOptions<T, DateTime?> WithinDateBounds<T>(this IRuleBuilder<T, DateTime?> rule) =>
        rule.Must(d => d is null || InDateBounds(DateOnly.FromDateTime(d.Value))).WithMessage(DateOutOfRange);

    /// <summary>A day within 01/01/2000–31/12/2100; empty passes.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> WithinDateBounds<T>(this IRuleBuilder<T, DateOnly?> rule) =>
        rule.Must(d => d is null || InDateBounds(d.Value)).WithMessage(DateOutOfRange);

    /// <summary>A measured score as typed: required, a number, 0–100, at most one decimal.</summary>
    public static IRuleBuilderOptions<T, string?> ValidScore<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.PercentageWithOneDecimal(ScoreRequired, ScoreNotANumber, ScoreOutOfRange, ScoreTooManyDecimals);

    /// <summary>A meta as typed: required, a number, 0–100, at most one decimal.</summary>
    public static IRuleBuilderOptions<T, string?> ValidTarget<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.PercentageWithOneDecimal(TargetRequired, TargetNotANumber, TargetOutOfRange, TargetTooManyDecimals);

    /// <summary>A figure from 0 to 100 as typed: required, a number (comma or point), at most one decimal; each failure with its own message.</summary>
    public static IRuleBuilderOptions<T, string?> PercentageWithOneDecimal<T>(
        this IRuleBuilderInitial<T, string?> rule, string required, string notANumber, string outOfRange, string tooManyDecimals) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(required)
            .Must((string? t) => NumberText.Parse(t) is not null).WithMessage(notANumber)
            .Must((string? t) => NumberText.Parse(t) is >= Score.Min and <= Score.Max).WithMessage(outOfRange)
            .Must((string? t) => NumberText.Parse(t) is { } v && NumberText.HasAtMostDecimals(v, 1)).WithMessage(tooManyDecimals);

    /// <summary>
    /// A peer-group average as typed in its grid cell: empty (FURAG published none, or the value is to be removed), or a
    /// number 0–100 with at most one decimal, with a comma or a point.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> ValidPeerAverage<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .Must((string? t) => string.IsNullOrWhiteSpace(t) || NumberText.Parse(t) is not null).WithMessage(PeerAverageNotANumber)
            .Must((string? t) => string.IsNullOrWhiteSpace(t) || NumberText.Parse(t) is >= 0m and <= 100m).WithMessage(PeerAverageOutOfRange)
            .Must((string? t) => string.IsNullOrWhiteSpace(t) || (NumberText.Parse(t) is { } v && NumberText.HasAtMostDecimals(v, 1))).WithMessage(PeerAverageTooManyDecimals);

    /// <summary>An optional observation of at most 2000 characters.</summary>
    public static IRuleBuilderOptions<T, string?> ValidObservation<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(ObservationMaxLength).WithMessage(ObservationTooLong);

    /// <summary>The official <em>Índice de Gobierno Digital</em> as typed: optional (empty is "not known"); otherwise a number, 0–100, at most one decimal.</summary>
    public static IRuleBuilderOptions<T, string?> ValidOfficialIndex<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .Must((string? t) => string.IsNullOrWhiteSpace(t) || NumberText.Parse(t) is not null).WithMessage(OfficialIndexNotANumber)
            .Must((string? t) => string.IsNullOrWhiteSpace(t) || NumberText.Parse(t) is >= 0m and <= 100m).WithMessage(OfficialIndexOutOfRange)
            .Must((string? t) => string.IsNullOrWhiteSpace(t) || (NumberText.Parse(t) is { } v && NumberText.HasAtMostDecimals(v, 1)))
            .WithMessage(OfficialIndexTooManyDecimals);

    /// <summary>A vigencia between 2000 and 2100.</summary>
    public static IRuleBuilderOptions<T, int?> ValidVigencia<T>(this IRuleBuilderInitial<T, int?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Escriba la vigencia (el año medido).")
            .InclusiveBetween(Measurement.MinVigencia, Measurement.MaxVigencia)
            .WithMessage($"La vigencia debe estar entre {Measurement.MinVigencia} y {Measurement.MaxVigencia}.");

    /// <summary>The per-field validation MudForm calls (<c>Validation="@validator.ValidateValue"</c>).</summary>
    public static Func<object, string, Task<IEnumerable<string>>> ValidateValueFor<T>(this IValidator<T> validator) =>
        async (model, propertyName) =>
        {
            var result = await validator.ValidateAsync(ValidationContext<T>.CreateWithOptions((T)model, x => x.IncludeProperties(propertyName)));
            return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
        };
}
