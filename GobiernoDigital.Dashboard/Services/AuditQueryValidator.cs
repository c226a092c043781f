using FluentValidation;
using GobiernoDigital.Core.Validation;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>Spanish messages for the audit trail's date filter: days within 01/01/2000–31/12/2100, «Desde» not after «Hasta».</summary>
public sealed class AuditQueryValidator : AbstractValidator<AuditQuery>
{
    public const string FromAfterTo = "La fecha «Desde» no puede ser posterior a la fecha «Hasta».";

    public AuditQueryValidator()
    {
        RuleFor(q => q.From).WithinDateBounds().WithMessage($"«Desde»: {ValidationRules.DateOutOfRange}");
        RuleFor(q => q.To).WithinDateBounds().WithMessage($"«Hasta»: {ValidationRules.DateOutOfRange}");
        RuleFor(q => q.To).Must((q, to) => q.From is null || to is null || q.From <= to).WithMessage(FromAfterTo);
    }
}
