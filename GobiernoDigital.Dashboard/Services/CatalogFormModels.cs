using System.Globalization;
using FluentValidation;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Validation;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>What the component dialog holds: the name.</summary>
public sealed class ComponentFormModel
{
    public string Name { get; set; } = string.Empty;
}

/// <summary>Spanish messages for the component dialog; <see cref="CatalogService"/> checks the same rules on the server.</summary>
public sealed class ComponentFormValidator : AbstractValidator<ComponentFormModel>
{
    public const int NameMaxLength = 200;

    public ComponentFormValidator()
    {
        RuleFor(m => m.Name).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Escriba el nombre del componente.")
            .Must(n => n.Trim().Length <= NameMaxLength).WithMessage($"El nombre del componente admite como máximo {NameMaxLength} caracteres.");
    }

    /// <summary>The per-field validation MudForm calls.</summary>
    public Func<object, string, Task<IEnumerable<string>>> ValidateValue => this.ValidateValueFor();
}

/// <summary>What the category dialog holds, the weight as typed ("1,5" or "1.5").</summary>
public sealed class CategoryFormModel
{
    public string Name { get; set; } = string.Empty;

    public string ShortLabel { get; set; } = string.Empty;

    public CategoryKind Kind { get; set; } = CategoryKind.Proceso;

    /// <summary>The component the category belongs to; 0 until one is chosen.</summary>
    public int ComponentId { get; set; }

    public string? WeightText { get; set; } = EsCo.Number(1m);

    /// <summary>The first vigencia the category applies to, as typed; empty means since always.</summary>
    public string? FirstVigenciaText { get; set; }

    /// <summary>The first vigencia; read only after <see cref="CategoryFormValidator"/> passed.</summary>
    public int? FirstVigencia => VigenciaField.Parse(FirstVigenciaText);

    /// <summary>The weight; read only after <see cref="CategoryFormValidator"/> passed.</summary>
    public decimal Weight => NumberText.Parse(WeightText)!.Value;

    /// <summary>A form filled with the category as it is, for the edit dialog.</summary>
    public static CategoryFormModel From(CatalogCategory category) => new()
    {
        Name = category.Name,
        ShortLabel = category.ShortLabel,
        Kind = category.Kind,
        ComponentId = category.ComponentId,
        WeightText = category.WeightText,
        FirstVigenciaText = category.FirstVigencia?.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>Spanish messages for the category dialog; <see cref="CatalogService"/> checks the same rules on the server.</summary>
public sealed class CategoryFormValidator : AbstractValidator<CategoryFormModel>
{
    public const int NameMaxLength = 300;
    public const string WeightRequired = "Escriba el peso, por ejemplo 1.";
    public const string WeightNotANumber = "El peso debe ser un número, por ejemplo 1,5.";
    public const string WeightOutOfRange = "El peso debe ser mayor que 0 y como máximo 100.";
    public const string WeightTooManyDecimals = "El peso admite como máximo un decimal.";

    public CategoryFormValidator()
    {
        RuleFor(m => m.Name).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Escriba el nombre de la categoría.")
            .Must(n => n.Trim().Length <= NameMaxLength).WithMessage($"El nombre de la categoría admite como máximo {NameMaxLength} caracteres.");
        RuleFor(m => m.ShortLabel).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Escriba la etiqueta corta para los gráficos.")
            .Must(l => l.Trim().Length <= Category.ShortLabelMaxLength)
            .WithMessage($"La etiqueta corta admite como máximo {Category.ShortLabelMaxLength} caracteres.");
        RuleFor(m => m.Kind).IsInEnum().WithMessage("Elija el tipo: Proceso o Resultado.");
        RuleFor(m => m.ComponentId).GreaterThan(0).WithMessage("Elija el componente.");
        RuleFor(m => m.WeightText).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(WeightRequired)
            .Must(t => NumberText.Parse(t) is not null).WithMessage(WeightNotANumber)
            .Must(t => NumberText.Parse(t) is > 0m and <= 100m).WithMessage(WeightOutOfRange)
            .Must(t => NumberText.Parse(t) is { } v && NumberText.HasAtMostDecimals(v, 1)).WithMessage(WeightTooManyDecimals);
        When(m => !string.IsNullOrWhiteSpace(m.FirstVigenciaText), () => RuleFor(m => m.FirstVigenciaText).ValidVigenciaText());
    }

    /// <summary>The per-field validation MudForm calls.</summary>
    public Func<object, string, Task<IEnumerable<string>>> ValidateValue => this.ValidateValueFor();
}

/// <summary>What the retire dialog holds: the first vigencia the category no longer applies to.</summary>
public sealed class RetireFormModel
{
    public string? VigenciaText { get; set; }

    /// <summary>The vigencia; read only after <see cref="RetireFormValidator"/> passed.</summary>
    public int? Vigencia => VigenciaField.Parse(VigenciaText);
}

/// <summary>Spanish messages for the retire dialog.</summary>
public sealed class RetireFormValidator : AbstractValidator<RetireFormModel>
{
    public RetireFormValidator()
    {
        RuleFor(m => m.VigenciaText).ValidVigenciaText();
    }

    /// <summary>The per-field validation MudForm calls.</summary>
    public Func<object, string, Task<IEnumerable<string>>> ValidateValue => this.ValidateValueFor();
}

/// <summary>A vigencia typed in a text field ("2024"), so that a wrong entry gets a Spanish message.</summary>
public static class VigenciaField
{
    public const string NotAYear = "La vigencia es un año de cuatro cifras, por ejemplo 2024.";

    /// <summary>The year in <paramref name="text"/>, or null when it is empty or not a plain whole number.</summary>
    public static int? Parse(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;

    /// <summary>A vigencia as typed: required, a whole number, 2000–2100 (the messages of <see cref="ValidationRules.ValidVigencia"/>).</summary>
    public static IRuleBuilderOptions<T, string?> ValidVigenciaText<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Escriba la vigencia (el año medido).")
            .Must(t => Parse(t) is not null).WithMessage(NotAYear)
            .Must(t => Parse(t) is >= Measurement.MinVigencia and <= Measurement.MaxVigencia)
            .WithMessage($"La vigencia debe estar entre {Measurement.MinVigencia} y {Measurement.MaxVigencia}.");
}
