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
    int Findings,
    int Actions,
    bool IsCurrent);

/// <summary>What the «Emitir nueva versión» form holds: the new approval and who prepared the new version.</summary>
public sealed class ReIssueFormModel
{
    /// <summary>The code of the plan re-issued.</summary>
    public string Code { get; set; } = string.Empty;

    /// <summary>The current version when the form was loaded; another re-issue in between is a conflict.</summary>
    public int CurrentVersion { get; set; }

    /// <summary>The current version's approval date: the new one may not be earlier.</summary>
    public DateOnly CurrentApprovedOn { get; set; }

    public DateTime? ApprovedOn { get; set; }

    public string? ApprovalAct { get; set; }

    public string? ApprovedBy { get; set; }

    public string? PreparedBy { get; set; }

    public string? PreparedByRole { get; set; }

    public DateTime? PreparedOn { get; set; }

    /// <summary>A form for re-issuing <paramref name="current"/>: who approved and prepared it are proposed again, the dates are today.</summary>
    public static ReIssueFormModel For(PlanVersionModel current, DateOnly today) => new()
    {
        Code = current.Code,
        CurrentVersion = current.Version,
        CurrentApprovedOn = current.ApprovedOn,
        ApprovedOn = today.ToDateTime(TimeOnly.MinValue),
        ApprovedBy = current.ApprovedBy,
        PreparedBy = current.PreparedBy,
        PreparedByRole = current.PreparedByRole,
        PreparedOn = today.ToDateTime(TimeOnly.MinValue),
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
    public const int TextMaxLength = 200;

    public ReIssueValidator(TimeProvider clock)
    {
        RuleFor(m => m.ApprovedOn).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(ApprovalRequired)
            .Must((m, d) => DateOnly.FromDateTime(d!.Value) >= m.CurrentApprovedOn)
            .WithMessage(m => $"La nueva versión no puede aprobarse antes que la versión {m.CurrentVersion} ({EsCo.Date(m.CurrentApprovedOn)}).")
            .Must(d => DateOnly.FromDateTime(d!.Value) <= ActionStatusText.Today(clock)).WithMessage(ApprovalInFuture);
        RuleFor(m => m.ApprovalAct).Cascade(CascadeMode.Stop).NotEmpty().WithMessage(ActRequired).MaximumLength(TextMaxLength).WithMessage(TooLong("El acta"));
        RuleFor(m => m.ApprovedBy).Cascade(CascadeMode.Stop).NotEmpty().WithMessage(ApprovedByRequired).MaximumLength(TextMaxLength).WithMessage(TooLong("Quién aprobó"));
        RuleFor(m => m.PreparedBy).Cascade(CascadeMode.Stop).NotEmpty().WithMessage(PreparedByRequired).MaximumLength(TextMaxLength).WithMessage(TooLong("Quién elaboró"));
        RuleFor(m => m.PreparedByRole).MaximumLength(TextMaxLength).WithMessage(TooLong("El cargo"));
        RuleFor(m => m.PreparedOn)
            .Must(d => d is null || DateOnly.FromDateTime(d.Value) <= ActionStatusText.Today(clock)).WithMessage(PreparedInFuture);
    }

    /// <summary>The per-field validation MudForm calls.</summary>
    public Func<object, string, Task<IEnumerable<string>>> ValidateValue => this.ValidateValueFor();

    private static string TooLong(string what) => $"{what} admite como máximo {TextMaxLength} caracteres.";
}
