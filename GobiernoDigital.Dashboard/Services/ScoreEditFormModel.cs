using FluentValidation;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Validation;

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
    public static decimal? ParseNumber(string? text) => NumberText.Parse(text);

    public Score ToScore() => Status switch
    {
        ScoreStatus.Measured => Score.Measured(ParseNumber(ScoreText)!.Value),
        ScoreStatus.NotApplicable => Score.NotApplicable,
        _ => Score.NotMeasured,
    };
}

/// <summary>Spanish messages for the score form, shown next to each field by MudForm; the rules are the import's (<see cref="ValidationRules"/>).</summary>
public sealed class ScoreEditValidator : AbstractValidator<ScoreEditFormModel>
{
    public ScoreEditValidator()
    {
        When(m => m.Status == ScoreStatus.Measured, () => RuleFor(m => m.ScoreText).ValidScore());
        RuleFor(m => m.TargetText).ValidTarget();
        RuleFor(m => m.Observation).ValidObservation();
    }

    /// <summary>The per-field validation MudForm calls.</summary>
    public Func<object, string, Task<IEnumerable<string>>> ValidateValue => this.ValidateValueFor();
}
