using FluentValidation;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Planning;
using GobiernoDigital.Core.Validation;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>What the action form holds (new action and edit dialog): dates as the date pickers give them, points as typed.</summary>
public sealed class ActionFormModel
{
    /// <summary>The finding the new action goes under; not used when editing.</summary>
    public int? FindingId { get; set; }

    public string? Description { get; set; }

    public string? Responsible { get; set; }

    public DateTime? StartDate { get; set; }

    public DateTime? EndDate { get; set; }

    /// <summary>Optional; "2,5" or "2.5".</summary>
    public string? ExpectedPointsText { get; set; }

    /// <summary>The form filled with an action's values, for the edit dialog.</summary>
    public static ActionFormModel From(ActionDetailModel action) => new()
    {
        FindingId = action.FindingId,
        Description = action.Description,
        Responsible = action.Responsible,
        StartDate = action.StartDate.ToDateTime(TimeOnly.MinValue),
        EndDate = action.EndDate.ToDateTime(TimeOnly.MinValue),
        ExpectedPointsText = action.ExpectedPoints is { } p ? EsCo.Number(p) : null,
    };

    /// <summary>The dates; call only after <see cref="ActionFormValidator"/> passed.</summary>
    public DateRange ToDates() => new(DateOnly.FromDateTime(StartDate!.Value), DateOnly.FromDateTime(EndDate!.Value));

    /// <summary>The expected points, or null when none were typed; call only after the validator passed.</summary>
    public decimal? ToExpectedPoints() => NumberText.Parse(ExpectedPointsText);
}

/// <summary>What the follow-up dialog holds: the stored status (not Completada, not Vencida) and the progress.</summary>
public sealed class FollowUpFormModel
{
    public ActionStatus Status { get; set; } = ActionStatus.EnCurso;

    public int? Progress { get; set; }

    /// <summary>The statuses the follow-up can set: completing is closing with evidence, and Vencida is derived.</summary>
    public static IReadOnlyList<ActionStatus> Choices { get; } = [ActionStatus.NoIniciada, ActionStatus.EnCurso, ActionStatus.Cancelada];

    public static FollowUpFormModel From(ActionDetailModel action) => new()
    {
        Status = action.StoredStatus == ActionStatus.Completada ? ActionStatus.EnCurso : action.StoredStatus,
        Progress = action.Progress,
    };
}

/// <summary>
/// A dated piece of evidence as typed: a link, a note, or both. The close dialog uses it too, its date being the
/// completion date.
/// </summary>
public sealed class EvidenceFormModel
{
    public DateTime? Date { get; set; }

    public string? Url { get; set; }

    public string? Note { get; set; }

    /// <summary>The date; call only after <see cref="EvidenceValidator"/> passed.</summary>
    public DateOnly ToDate() => DateOnly.FromDateTime(Date!.Value);
}

/// <summary>Spanish messages for the action form, next to each field.</summary>
public sealed class ActionFormValidator : AbstractValidator<ActionFormModel>
{
    public const string FindingRequired = "Elija el hallazgo al que pertenece la acción.";
    public const string DescriptionRequired = "Escriba la descripción de la acción.";
    public const string StartRequired = "Elija la fecha inicial.";
    public const string EndRequired = "Elija la fecha final.";
    public const string EndBeforeStart = "La fecha final no puede ser anterior a la fecha inicial.";
    public const string PointsNotANumber = "Los puntos esperados deben ser un número, por ejemplo 2,5.";
    public const string PointsOutOfRange = "Los puntos esperados deben estar entre 0 y 100.";
    public const string PointsTooManyDecimals = "Los puntos esperados admiten como máximo un decimal.";

    /// <param name="requireFinding">True for a new action, which must name its finding.</param>
    public ActionFormValidator(bool requireFinding = false)
    {
        if (requireFinding)
        {
            RuleFor(m => m.FindingId).NotNull().WithMessage(FindingRequired);
        }

        RuleFor(m => m.Description).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(DescriptionRequired)
            .MaximumLength(ImprovementAction.DescriptionMaxLength)
            .WithMessage($"La descripción admite como máximo {ImprovementAction.DescriptionMaxLength} caracteres.");
        RuleFor(m => m.Responsible).MaximumLength(ImprovementAction.ResponsibleMaxLength)
            .WithMessage($"El responsable admite como máximo {ImprovementAction.ResponsibleMaxLength} caracteres.");
        RuleFor(m => m.StartDate).Cascade(CascadeMode.Stop).NotNull().WithMessage(StartRequired).WithinDateBounds();
        RuleFor(m => m.EndDate).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(EndRequired)
            .WithinDateBounds()
            .Must((m, end) => m.StartDate is not { } start || end!.Value.Date >= start.Date).WithMessage(EndBeforeStart);
        When(m => !string.IsNullOrWhiteSpace(m.ExpectedPointsText), () => RuleFor(m => m.ExpectedPointsText).Cascade(CascadeMode.Stop)
            .Must(t => NumberText.Parse(t) is not null).WithMessage(PointsNotANumber)
            .Must(t => NumberText.Parse(t) is >= 0m and <= 100m).WithMessage(PointsOutOfRange)
            .Must(t => NumberText.Parse(t) is { } v && NumberText.HasAtMostDecimals(v, 1)).WithMessage(PointsTooManyDecimals));
    }

    /// <summary>The per-field validation MudForm calls.</summary>
    public Func<object, string, Task<IEnumerable<string>>> ValidateValue => this.ValidateValueFor();
}

/// <summary>Spanish messages for the follow-up dialog.</summary>
public sealed class FollowUpValidator : AbstractValidator<FollowUpFormModel>
{
    public const string StatusNotAllowed = "Elija No iniciada, En curso o Cancelada. Para completar la acción, ciérrela con su evidencia.";
    public const string ProgressRequired = "Escriba el avance (0 a 100 %).";
    public const string ProgressOutOfRange = "El avance debe estar entre 0 y 100 %.";

    public FollowUpValidator()
    {
        RuleFor(m => m.Status).Must(s => FollowUpFormModel.Choices.Contains(s)).WithMessage(StatusNotAllowed);
        RuleFor(m => m.Progress).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(ProgressRequired)
            .InclusiveBetween(0, 100).WithMessage(ProgressOutOfRange);
    }

    /// <summary>The per-field validation MudForm calls.</summary>
    public Func<object, string, Task<IEnumerable<string>>> ValidateValue => this.ValidateValueFor();
}

/// <summary>
/// Spanish messages for a piece of evidence (evidence dialog) or for closing an action with its evidence (close
/// dialog): a date not after today, a link that is http(s), and a link or a note.
/// </summary>
public sealed class EvidenceValidator : AbstractValidator<EvidenceFormModel>
{
    public const string EvidenceMissing = "Escriba un enlace o una nota: la evidencia necesita al menos uno de los dos.";
    public const string ClosingEvidenceMissing = "Para completar la acción registre su evidencia: un enlace o una nota.";
    public const string DateRequired = "Elija la fecha.";
    public const string DateInFuture = "La fecha no puede ser posterior a hoy.";
    public const string LinkNotWeb = "El enlace debe empezar por https:// o http://, por ejemplo https://concejocartago.gov.co/acta.pdf.";

    private EvidenceValidator(TimeProvider clock, string? missingMessage)
    {
        RuleFor(m => m.Date).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(DateRequired)
            .WithinDateBounds()
            .Must(d => DateOnly.FromDateTime(d!.Value) <= ActionStatusText.Today(clock)).WithMessage(DateInFuture);
        RuleFor(m => m.Url).Cascade(CascadeMode.Stop)
            .Must((m, url) => missingMessage is null || !string.IsNullOrWhiteSpace(url) || !string.IsNullOrWhiteSpace(m.Note)).WithMessage(missingMessage ?? ClosingEvidenceMissing)
            .Must(url => string.IsNullOrWhiteSpace(url) || ActionEvidence.IsWebLink(url.Trim())).WithMessage(LinkNotWeb)
            .MaximumLength(ActionEvidence.UrlMaxLength).WithMessage($"El enlace admite como máximo {ActionEvidence.UrlMaxLength} caracteres.");
        RuleFor(m => m.Note).MaximumLength(ActionEvidence.NoteMaxLength)
            .WithMessage($"La nota admite como máximo {ActionEvidence.NoteMaxLength} caracteres.");
    }

    /// <summary>For adding a piece of evidence.</summary>
    public static EvidenceValidator ForEvidence(TimeProvider clock) => new(clock, EvidenceMissing);

    /// <summary>
    /// For closing an action: completing without evidence is refused with its own message, unless the action already
    /// has evidence (<paramref name="hasEvidence"/>), when a new link or note is optional.
    /// </summary>
    public static EvidenceValidator ForClosing(TimeProvider clock, bool hasEvidence = false) => new(clock, hasEvidence ? null : ClosingEvidenceMissing);

    /// <summary>True when the form carries a link or a note, that is, a new piece of evidence.</summary>
    public static bool HasNewEvidence(EvidenceFormModel form) => !string.IsNullOrWhiteSpace(form.Url) || !string.IsNullOrWhiteSpace(form.Note);

    /// <summary>The per-field validation MudForm calls.</summary>
    public Func<object, string, Task<IEnumerable<string>>> ValidateValue => this.ValidateValueFor();
}
