using FluentValidation;
using GobiernoDigital.Core.Domain;

namespace GobiernoDigital.Core.Validation;

/// <summary>
/// One category's score as typed, in the measurement form or in a row of an import file: the status, the number text
/// ("45,5" or "45.5"), an optional meta and an optional observation.
/// </summary>
public sealed class ScoreRowInput
{
    public ScoreStatus Status { get; set; } = ScoreStatus.Measured;

    public string? ScoreText { get; set; }

    /// <summary>Optional; empty means "leave the meta as it is".</summary>
    public string? TargetText { get; set; }

    public string? Observation { get; set; }

    /// <summary>The score; call only after <see cref="ScoreRowValidator"/> passed.</summary>
    public Score ToScore() => Status switch
    {
        ScoreStatus.Measured => Score.Measured(NumberText.Parse(ScoreText)!.Value),
        ScoreStatus.NotApplicable => Score.NotApplicable,
        _ => Score.NotMeasured,
    };

    /// <summary>The meta, or null when none was typed; call only after the validator passed.</summary>
    public decimal? ToTarget() => NumberText.Parse(TargetText);

    /// <summary>A row for an import cell: "No aplica" and "Sin medición" in the score cell set the status.</summary>
    public static ScoreRowInput FromCells(string? scoreCell, string? targetCell, string? observationCell)
    {
        var (status, text) = ScoreCell.Interpret(scoreCell);
        return new ScoreRowInput
        {
            Status = status,
            ScoreText = text,
            TargetText = string.IsNullOrWhiteSpace(targetCell) ? null : targetCell.Trim(),
            Observation = string.IsNullOrWhiteSpace(observationCell) ? null : observationCell.Trim(),
        };
    }
}

/// <summary>Validates one score row; used by the measurement form, the category form and every import row.</summary>
public sealed class ScoreRowValidator : AbstractValidator<ScoreRowInput>
{
    public ScoreRowValidator()
    {
        When(m => m.Status == ScoreStatus.Measured, () => RuleFor(m => m.ScoreText).ValidScore());
        RuleFor(m => m.Status).IsInEnum().WithMessage("Elija el estado del puntaje.");
        When(m => !string.IsNullOrWhiteSpace(m.TargetText), () => RuleFor(m => m.TargetText).ValidTarget());
        RuleFor(m => m.Observation).ValidObservation();
    }

    /// <summary>The per-field validation MudForm calls.</summary>
    public Func<object, string, Task<IEnumerable<string>>> ValidateValue => this.ValidateValueFor();
}
