using FluentValidation;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Planning;
using GobiernoDigital.Core.Validation;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>One version of a plan, as the versions page lists it.</summary>
/// <remarks><c>IsCurrent</c>: the highest version of its code, «vigente»; the others are «reemplazada» and read-only.</remarks>
public sealed record PlanVersionModel(
    int Id,
    string Code,
    string Title,
    int Version,
    DateOnly ApprovedOn,
    string? ApprovalAct,
    string ApprovedBy,
    string PreparedBy,
    string? PreparedByRole,
    DateOnly? PreparedOn,
    int MeasuredVigencia,
    int Findings,
    int Actions,
    bool IsCurrent);

/// <summary>
/// What the «Emitir nueva versión» form holds: the new approval, who prepared the new version and when, and the
/// vigencia it answers to. Who prepared it, when, and the vigencia are asked, never copied from the current version.
/// </summary>
public sealed class ReIssueFormModel
{
    /// <summary>The code of the plan re-issued.</summary>
    public string Code { get; set; } = string.Empty;

    /// <summary>The current version when the form was loaded; another re-issue in between is a conflict.</summary>
    public int CurrentVersion { get; set; }

    /// <summary>The current version's approval date: the new one may not be earlier.</summary>
    public DateOnly CurrentApprovedOn { get; set; }

    /// <summary>The vigencia the current version answers to: the new one may not answer to an earlier one.</summary>
    public int CurrentMeasuredVigencia { get; set; }

    public DateTime? ApprovedOn { get; set; }

    public string? ApprovalAct { get; set; }

    public string? ApprovedBy { get; set; }

    public string? PreparedBy { get; set; }

    public string? PreparedByRole { get; set; }

    public DateTime? PreparedOn { get; set; }

    /// <summary>The vigencia (year measured) whose results the new version answers to.</summary>
    public int? MeasuredVigencia { get; set; }

    /// <summary>
    /// A form for re-issuing <paramref name="current"/>: the approving body is proposed again and the approval date is
    /// today; who prepared the new version, when, and its vigencia start empty, since only the user knows them.
    /// </summary>
    public static ReIssueFormModel For(PlanVersionModel current, DateOnly today) => new()
    {
        Code = current.Code,
        CurrentVersion = current.Version,
        CurrentApprovedOn = current.ApprovedOn,
        CurrentMeasuredVigencia = current.MeasuredVigencia,
        ApprovedOn = today.ToDateTime(TimeOnly.MinValue),
        ApprovedBy = current.ApprovedBy,
    };
}

/// <summary>Spanish messages for the «Emitir nueva versión» form.</summary>
public sealed class ReIssueValidator : AbstractValidator<ReIssueFormModel>
{
    public const string ApprovalRequired = "Elija la fecha de aprobación de la nueva versión.";
    public const string ApprovalInFuture = "La fecha de aprobación no puede ser posterior a hoy.";
    public const string ActRequired = "Escriba el acta que aprueba la nueva versión, por ejemplo «Acta No. 02 de 2026».";
    public const string ApprovedByRequired = "Escriba quién aprobó la nueva versión.";
    public const string PreparedByRequired = "Escriba quién elaboró la nueva versión.";
    public const string PreparedInFuture = "La fecha de elaboración no puede ser posterior a hoy.";
    public const string PreparedOnRequired = "Elija la fecha en que se elaboró la nueva versión.";
    public const int TextMaxLength = 200;

    public ReIssueValidator(TimeProvider clock)
    {
        RuleFor(m => m.ApprovedOn).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(ApprovalRequired)
            .WithinDateBounds()
            .Must((m, d) => DateOnly.FromDateTime(d!.Value) >= m.CurrentApprovedOn)
            .WithMessage(m => $"La nueva versión no puede aprobarse antes que la versión {m.CurrentVersion} ({EsCo.Date(m.CurrentApprovedOn)}).")
            .Must(d => DateOnly.FromDateTime(d!.Value) <= ActionStatusText.Today(clock)).WithMessage(ApprovalInFuture);
        RuleFor(m => m.ApprovalAct).Cascade(CascadeMode.Stop).NotEmpty().WithMessage(ActRequired).MaximumLength(TextMaxLength).WithMessage(TooLong("El acta"));
        RuleFor(m => m.ApprovedBy).Cascade(CascadeMode.Stop).NotEmpty().WithMessage(ApprovedByRequired).MaximumLength(TextMaxLength).WithMessage(TooLong("Quién aprobó"));
        RuleFor(m => m.PreparedBy).Cascade(CascadeMode.Stop).NotEmpty().WithMessage(PreparedByRequired).MaximumLength(TextMaxLength).WithMessage(TooLong("Quién elaboró"));
        RuleFor(m => m.PreparedByRole).MaximumLength(TextMaxLength).WithMessage(TooLong("El cargo"));
        RuleFor(m => m.PreparedOn).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(PreparedOnRequired)
            .WithinDateBounds()
            .Must(d => DateOnly.FromDateTime(d!.Value) <= ActionStatusText.Today(clock)).WithMessage(PreparedInFuture);
        RuleFor(m => m.MeasuredVigencia).ValidVigencia()
            .Must((m, v) => v >= m.CurrentMeasuredVigencia)
            .WithMessage(m => $"La nueva versión no puede responder a una vigencia anterior a la de la versión {m.CurrentVersion} ({m.CurrentMeasuredVigencia}).");
    }

    /// <summary>The per-field validation MudForm calls.</summary>
    public Func<object, string, Task<IEnumerable<string>>> ValidateValue => this.ValidateValueFor();

    private static string TooLong(string what) => $"{what} admite como máximo {TextMaxLength} caracteres.";
}
