using FluentValidation;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Scoring;
using GobiernoDigital.Core.Validation;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>A saved what-if scenario as the simulator lists it.</summary>
/// <param name="Id">The scenario's id (<c>/simulador?escenario=ID</c>).</param>
/// <param name="Name">Its unique name.</param>
/// <param name="BaseVigencia">The measured vigencia it starts from.</param>
/// <param name="ValueCount">How many categories it changes.</param>
/// <param name="CreatedBy">Who saved it (display name).</param>
/// <param name="CreatedAtUtc">When it was saved (UTC; shown in Colombian time).</param>
public sealed record ScenarioSummary(int Id, string Name, int BaseVigencia, int ValueCount, string CreatedBy, DateTime CreatedAtUtc)
{
    /// <summary>The day it was saved, in Colombia: "23/11/2026".</summary>
    public string CreatedOnText => EsCo.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(CreatedAtUtc, EsCo.TimeZone)));
}

/// <summary>What the simulator starts from: a measured vigencia's input and, for a saved scenario, its simulated scores.</summary>
/// <param name="Vigencias">Every measured vigencia, newest first (the select).</param>
/// <param name="Measured">The measured vigencia as the calculation sees it.</param>
/// <param name="Values">The simulated score per category id to start with; empty for the measurement itself.</param>
/// <param name="Scenario">The saved scenario loaded, if any.</param>
/// <param name="Notes">Spanish notes on scenario values that were ignored (the category no longer applies or is No aplica).</param>
public sealed record SimulatorStart(
    IReadOnlyList<int> Vigencias,
    VigenciaInput Measured,
    IReadOnlyDictionary<int, decimal> Values,
    ScenarioSummary? Scenario,
    IReadOnlyList<string> Notes)
{
    /// <summary>The state of the measurement simulated on (provisional or definitiva), said on the page.</summary>
    public MeasurementState State { get; init; } = MeasurementState.Definitiva;
}

/// <summary>A scenario loaded into the simulator, or a Spanish message saying why it could not be.</summary>
public sealed record ScenarioLoadResult(SimulatorStart? Start, string? Error);

/// <summary>The outcome of saving a scenario: its id, or a Spanish message saying why nothing was saved.</summary>
public sealed record ScenarioSaveResult(bool Succeeded, int? ScenarioId = null, string? Error = null)
{
    public static ScenarioSaveResult Fail(string error) => new(false, null, error);
}

/// <summary>The name typed to save a scenario.</summary>
public sealed class ScenarioNameFormModel
{
    public string? Name { get; set; }
}

/// <summary>The scenario's name: required, at most <see cref="Scenario.NameMaxLength"/> characters. The service checks it again.</summary>
public sealed class ScenarioNameValidator : AbstractValidator<ScenarioNameFormModel>
{
    public const string NameRequired = "Escriba un nombre para el escenario.";

    public ScenarioNameValidator()
    {
        RuleFor(m => m.Name).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(NameRequired)
            .Must(n => n!.Trim().Length <= Scenario.NameMaxLength).WithMessage($"El nombre admite como máximo {Scenario.NameMaxLength} caracteres.");
    }

    /// <summary>The per-field validation MudForm calls.</summary>
    public Func<object, string, Task<IEnumerable<string>>> ValidateValue => this.ValidateValueFor();
}

/// <summary>The figure typed in the «Llegar a X %» box ("45,5" or "45.5").</summary>
public sealed class SuggestionFormModel
{
    public string? TargetText { get; set; }

    /// <summary>The figure; call only after <see cref="SuggestionValidator"/> passed.</summary>
    public decimal Target => NumberText.Parse(TargetText)!.Value;
}

/// <summary>
/// The figure to reach: a number from 0 to 100 with at most one decimal, with messages about the percentage sought (it
/// is not a category's meta), each with an example.
/// </summary>
public sealed class SuggestionValidator : AbstractValidator<SuggestionFormModel>
{
    public const string Required = "Escriba el porcentaje que quiere alcanzar, por ejemplo 85,5.";
    public const string NotANumber = "Escriba un número entre 0 y 100, por ejemplo 85,5.";
    public const string OutOfRange = "El porcentaje buscado debe estar entre 0 y 100, por ejemplo 85,5.";
    public const string TooManyDecimals = "Escriba el porcentaje con un decimal como máximo, por ejemplo 85,5.";

    public SuggestionValidator()
    {
        RuleFor(m => m.TargetText).PercentageWithOneDecimal(Required, NotANumber, OutOfRange, TooManyDecimals);
    }

    /// <summary>The per-field validation MudForm calls.</summary>
    public Func<object, string, Task<IEnumerable<string>>> ValidateValue => this.ValidateValueFor();
}
